import { esc } from '../render/escape';
import { standalonePage } from '../render/standalonePage';
import type { Change } from './semanticDiff';

/** One engagement's changes, named as the page names it. */
export interface NamedChanges {
  readonly name: string;
  readonly changes: readonly Change[];
}

/**
 * The changes of terms as one self-contained page, for a review or a partners' meeting:
 * the export's styles and policy (no script, nothing fetched), every value escaped.
 */
export function changesHtml(results: readonly NamedChanges[], title = 'Changes of terms'): string {
  const sections = results
    .filter((r) => r.changes.length > 0)
    .map((r) => {
      const rows = r.changes
        .map((c) => `<tr><td><span class="ek-change ek-change-${esc(c.level)}">${esc(c.level)}</span></td><td><code>${esc(c.kind)}</code></td><td>${esc(c.message)}</td><td class="ek-num">${c.afterLine ?? c.beforeLine ?? ''}</td></tr>`)
        .join('\n');
      return `<section class="ek-section">\n<h2>${esc(r.name)}</h2>\n<div class="ek-scroll"><table class="ek-scorecard">\n<thead><tr><th>Level</th><th>Change</th><th>What changed</th><th>Line</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>\n</section>`;
    });
  const total = results.reduce((n, r) => n + r.changes.length, 0);
  const styles = `
.ek-change { font-weight: 600; }
.ek-change-breaking { color: #a1260d; }
.ek-change-notable { color: #7a5a00; }
.ek-num { text-align: right; }`;
  const summary = total === 0 ? 'No changes of terms.' : `${total} change${total === 1 ? '' : 's'} in ${sections.length} engagement${sections.length === 1 ? '' : 's'}.`;
  return standalonePage(title, `<main class="ek-doc">\n<h1>${esc(title)}</h1>\n<p>${summary}</p>\n${sections.join('\n')}\n</main>`, styles);
}
