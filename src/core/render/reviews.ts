import type { Review } from '../model/engagement';
import type { RenderContext } from './context';
import { esc, lineAttr } from './escape';

/** The three scores of a review, as the format names them. */
export const REVIEW_SCORES: readonly [keyof Review['scores'], string][] = [
  ['financialImpact', 'Financial impact'],
  ['capabilityBuilding', 'Capability building'],
  ['strategicClarity', 'Strategic clarity'],
];

/** A review's decision in words. */
export function describeDecision(decision: string | undefined): string {
  return decision ? decision.replace(/-/g, ' ') : '–';
}

/** The reviews held: date, kind, the three scores (of 5) and the decision; notes unless redacted. */
export function renderReviews(context: RenderContext): string {
  const reviews = context.model.reviews;
  if (reviews.length === 0) return '';
  const notes = !context.redacted('notes');
  const rows = reviews
    .map((r) => {
      const scores = REVIEW_SCORES.map(([key]) => `<td class="ek-num">${r.scores[key] === undefined ? '–' : `${r.scores[key]} / 5`}</td>`).join('');
      return `<tr${lineAttr(context.line(r.path))}><td class="ek-date">${esc(r.date ? context.formats.date(r.date) : '–')}</td><td>${esc(r.kind ?? '–')}</td>${scores}<td>${esc(describeDecision(r.decision))}</td>${notes ? `<td>${esc(r.notes ?? '')}</td>` : ''}</tr>`;
    })
    .join('');
  return `<section id="reviews" class="ek-section"${lineAttr(context.line(['reviews']))}>
<h2>Reviews</h2>
<div class="ek-scroll"><table class="ek-reviews"><thead><tr><th scope="col">Date</th><th scope="col">Kind</th>${REVIEW_SCORES.map(([, label]) => `<th scope="col" class="ek-num">${esc(label)}</th>`).join('')}<th scope="col">Decision</th>${notes ? '<th scope="col">Notes</th>' : ''}</tr></thead>
<tbody>${rows}</tbody></table></div>
</section>`;
}
