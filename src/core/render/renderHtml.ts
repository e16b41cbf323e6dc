import type { Analysis } from '../analyze';
import { renderAccessAndReporting } from './accessReporting';
import { brandStyles } from './branding';
import { renderContext, type RenderOptions } from './context';
import { renderFindings, renderNotes } from './findingsSummary';
import { renderHeader } from './header';
import { renderMatrix } from './matrix';
import { redactAnalysis } from './redaction';
import { renderReviews } from './reviews';
import { renderScorecard } from './scorecard';
import { renderMandate, renderTerms } from './terms';
import { standalonePage } from './standalonePage';
import { renderTimeline } from './timeline';

/**
 * The engagement as HTML sections (no page around it): what the preview updates in place,
 * and the client's copy, in the order a client reads the agreement: the mandate, the terms,
 * who decides what, access and reporting, the KPIs, the plan, the reviews; the findings last
 * and only when asked for. The Markdown export has the same sections in the same order.
 */
export function renderBody(analysis: Analysis, options: RenderOptions): string {
  return bodyOf(redactAnalysis(analysis, options.redact ?? []), options);
}

/** The sections of an analysis already redacted. */
function bodyOf(analysis: Analysis, options: RenderOptions): string {
  const model = analysis.model;
  if (!model) return `<main class="ek-main"><p class="ek-muted">Nothing to show yet: the file has no readable engagement.</p></main>`;
  const context = renderContext(analysis, model, options);
  return `<main class="ek-main">
${renderHeader(context)}
${renderMandate(context)}
${renderTerms(context)}
${renderMatrix(context)}
${renderAccessAndReporting(context)}
${renderScorecard(context)}
${renderTimeline(context)}
${renderReviews(context)}
${renderNotes(context)}
${renderFindings(context)}
</main>`;
}

/**
 * A self-contained HTML file for sharing: inline styles, no script, nothing fetched from
 * the network (the CSP says so too), and print rules so "print to PDF" gives clean pages.
 */
export function renderHtmlDocument(analysis: Analysis, options: RenderOptions): string {
  const shown = redactAnalysis(analysis, options.redact ?? []);
  return standalonePage(shown.model?.title ?? shown.model?.id ?? 'Engagement', bodyOf(shown, options), brandStyles(options.brand));
}
