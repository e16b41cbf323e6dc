import type { RenderContext } from './context';
import { esc } from './escape';
import { redactionOf } from './redaction';

/**
 * The findings, each pointing at its line (the preview jumps there on click); nothing
 * unless asked for. In a redacted copy, no finding says what was redacted.
 */
export function renderFindings(context: RenderContext): string {
  if (!context.options.includeChecks) return '';
  const findings = redactionOf(context.analysis, context.model, context.options.redact ?? []).visible(context.analysis.findings);
  if (findings.length === 0) return `<section id="findings" class="ek-section"><h2>Checks</h2><p class="ek-ok">No findings: every rule passes.</p></section>`;
  const items = findings
    .map((f) => {
      const line = context.analysis.lines.positionAt(f.range.start).line;
      return `<li class="ek-finding ek-${f.severity}" data-line="${line}"><span class="ek-sev">${esc(f.severity)}</span> ${esc(f.message)} <code>${esc(f.ruleId)}</code> <small>line ${line + 1}</small></li>`;
    })
    .join('');
  return `<section id="findings" class="ek-section"><h2>Checks</h2><ul class="ek-findings">${items}</ul></section>`;
}

/** Notes of the engagement and its reviews, unless redacted. */
export function renderNotes(context: RenderContext): string {
  if (context.redacted('notes')) return '';
  const { model } = context;
  const reviews = model.reviews.filter((r) => r.notes);
  if (!model.notes && reviews.length === 0) return '';
  const reviewItems = reviews.map((r) => `<li><strong>${esc(r.kind ?? 'review')} ${esc(r.date ?? '')}</strong>: ${esc(r.notes)}</li>`).join('');
  return `<section id="notes" class="ek-section"><h2>Notes</h2>${model.notes ? `<p>${esc(model.notes)}</p>` : ''}${reviewItems ? `<ul>${reviewItems}</ul>` : ''}</section>`;
}
