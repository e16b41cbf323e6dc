import { dayOf } from '../model/dates';
import { buildPortfolio, type PortfolioSource } from '../portfolioModel/buildPortfolio';
import type { Portfolio, PortfolioFilter, PortfolioTotals } from '../portfolioModel/portfolioTypes';
import { renderPortfolioHtml } from '../render/portfolioHtml';
import type { AnalysisSettings } from './documentAnalyses';
import type { IndexEntry } from './indexEntry';

/** What the editor asks of the portfolio: the day (else the settings' or the date), the weeks ahead and a filter. */
export interface PortfolioQuery {
  readonly today?: string;
  readonly weeks?: number;
  readonly filter?: PortfolioFilter;
}

/**
 * The workspace's portfolio, from the index's cards: no file is read again. Each file brings
 * its capacity settings; a file still being checked has no error count yet. The day is the
 * query's, else the one the settings give (`engagementKit.today`), else the date.
 */
export function portfolioOf(entries: readonly IndexEntry[], settings: readonly AnalysisSettings[], query: PortfolioQuery): Portfolio {
  const sources: PortfolioSource[] = entries.map((entry, i) => ({
    uri: entry.uri,
    path: entry.relativePath,
    card: entry.card,
    errors: entry.checked ? countErrors(entry) : undefined,
    ...(settings[i]?.capacity ? { capacity: settings[i]!.capacity } : {}),
  }));
  const today = query.today ?? settings.find((s) => s.today !== undefined)?.today;
  const weeks = Number.isInteger(query.weeks) && query.weeks! >= 1 ? { weeksAhead: query.weeks } : {};
  return buildPortfolio(sources, { today: dayOf(today), ...weeks, filter: query.filter ?? {} });
}

/** The editor's portfolio page body, and the totals a caller may report. */
export function portfolioPageOf(portfolio: Portfolio): { html: string; today: string; totals: PortfolioTotals; executives: number } {
  return { html: renderPortfolioHtml(portfolio, { interactive: true }), today: portfolio.today, totals: portfolio.totals, executives: portfolio.executives.length };
}

function countErrors(entry: IndexEntry): number {
  let errors = 0;
  for (const finding of entry.findings) if (finding.severity === 'error') errors++;
  return errors;
}
