import type { Analysis } from '../analyze';
import { describePlanPosition, planPosition } from '../calendar';
import type { OutlineEntry } from '../editing/outline';
import { outlineOf } from '../editing/outline';
import { dayOf } from '../model/dates';
import type { Brand } from '../render/branding';
import { redactAnalysis, type Redactable } from '../render/redaction';
import { formatsFor } from '../render/formats';
import { renderMarkdown } from '../render/markdown';
import { renderBody, renderHtmlDocument } from '../render/renderHtml';

/** A text range that folds: from the key of a section or item to the last line of its value. */
export interface FoldingLines {
  readonly startLine: number;
  readonly endLine: number;
}

export interface ExportOptions {
  readonly format: 'html' | 'md';
  readonly redact: readonly Redactable[];
  readonly includeChecks: boolean;
  /** The consultancy's logo (as a data URI) and accent, from `.engagementrc.yaml`. */
  readonly brand?: Brand;
  /** How dates, numbers and money are written (a BCP 47 tag such as `de-DE`). */
  readonly locale?: string;
}

/** Every section and item of the outline that spans more than one line. */
export function foldingOf(analysis: Analysis): FoldingLines[] {
  const folds: FoldingLines[] = [];
  const visit = (entries: readonly OutlineEntry[]): void => {
    for (const entry of entries) {
      const startLine = analysis.lines.positionAt(entry.range.start).line;
      const endLine = analysis.lines.positionAt(Math.max(entry.range.start, entry.range.end - 1)).line;
      if (endLine > startLine) folds.push({ startLine, endLine });
      visit(entry.children);
    }
  };
  visit(outlineOf(analysis));
  return folds;
}

/** The preview's body: of `current`, or of the last version that parsed when `current` does not. */
export function previewOf(current: Analysis, lastGood: Analysis | undefined, locale?: string): { html: string; fromLastGood: boolean } {
  const shown = current.model && !current.syntaxBroken ? current : (lastGood ?? current);
  return { html: renderBody(shown, { today: current.today, inlineStyles: false, includeChecks: true, ...(locale ? { locale } : {}) }), fromLastGood: shown !== current };
}

/** What each printed page of a copy says at its head: client, title and the day, redacted like the copy. */
export interface RunningHead {
  readonly client: string;
  readonly title: string;
  readonly date: string;
}

/** The document a client receives: a self-contained HTML page, or Markdown, and what its printed pages' header says. */
export function exportOf(analysis: Analysis, options: ExportOptions): { text: string; running: RunningHead } | { error: string } {
  if (!analysis.model) return { error: 'This file has no readable engagement yet: fix the problems it reports, then export.' };
  const render = { today: analysis.today, redact: options.redact, includeChecks: options.includeChecks, ...(options.brand ? { brand: options.brand } : {}), ...(options.locale ? { locale: options.locale } : {}) };
  const shown = redactAnalysis(analysis, options.redact).model ?? analysis.model;
  const running = { client: shown.client?.name ?? '', title: shown.title ?? shown.id ?? '', date: formatsFor(options.locale, shown.currency).date(analysis.today) };
  return { text: options.format === 'md' ? renderMarkdown(analysis, render) : renderHtmlDocument(analysis, render), running };
}

/** "Day 34 of 90 · build" for the plan as of `today`, from the last version that parsed. */
export function planStatusOf(lastGood: Analysis | undefined, today: string | undefined): { text: string; detail?: string } {
  const model = lastGood?.model;
  return model ? { text: describePlanPosition(planPosition(model, dayOf(today))), detail: model.title } : { text: 'No readable plan' };
}
