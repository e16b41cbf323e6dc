import type { RenderContext } from './context';
import { esc } from './escape';

/**
 * The findings, each pointing at its line (the preview jumps there on click); nothing
 * unless asked for. In a redacted copy they were cleared of what was redacted (`redactAnalysis`).
 */
export function renderFindings(context: RenderContext): string {
  if (!context.options.includeChecks) return '';
  const findings = context.analysis.findings;
  if (findings.length === 0) return `<section id="findings" class="ek-section"><h2>Checks</h2><p class="ek-ok">No findings: every rule passes.</p></section>`;
  const items = findings
    .map((f) => {
      const line = context.analysis.lines.positionAt(f.range.start).line;
      return `<li class="ek-finding ek-${f.severity}" data-line="${line}"><span class="ek-sev">${esc(f.severity)}</span> ${esc(f.message)} <code>${esc(f.ruleId)}</code> <small>line ${line + 1}</small></li>`;
    })
    .join('');
  return `<section id="findings" class="ek-section"><h2>Checks</h2><ul class="ek-findings">${items}</ul></section>`;
}

/** The engagement's notes, unless redacted (a review's notes are in its row of the reviews). */
export function renderNotes(context: RenderContext): string {
  if (context.redacted('notes') || !context.model.notes) return '';
  return `<section id="notes" class="ek-section"><h2>Notes</h2><p>${esc(context.model.notes)}</p></section>`;
}
