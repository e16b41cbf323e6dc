import { dayOf } from '../model/dates';
import { buildPortfolio, type PortfolioSource } from '../portfolioModel/buildPortfolio';
import type { Portfolio, PortfolioFilter, PortfolioTotals } from '../portfolioModel/portfolioTypes';
import { RenderMemo, renderPortfolioBlocks } from '../render/portfolioHtml';
import { diffPage, type PortfolioBlockUpdate, type SentBlock } from './pageDiff';
import type { AnalysisSettings } from './documentAnalyses';
import type { IndexEntry } from './indexEntry';

/** What the editor asks of the portfolio: the day (else the settings' or the date), the weeks ahead and a filter. */
export interface PortfolioQuery {
  readonly today?: string;
  readonly weeks?: number;
  readonly filter?: PortfolioFilter;
  /** The generation of the page the asker has: the answer is what changed since. */
  readonly since?: number;
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

/**
 * The editor's portfolio page as changes to the page it was sent before: `since` is the
 * generation of that page, and `ids` the blocks in order. A page that has nothing yet (or
 * that the server no longer knows) is sent whole.
 */
export interface PortfolioPage {
  readonly generation: number;
  readonly since?: number;
  readonly ids: readonly string[];
  readonly blocks: readonly PortfolioBlockUpdate[];
  readonly today: string;
  readonly totals: PortfolioTotals;
  readonly executives: number;
}

/**
 * The editor's page, kept between requests: the items rendered (a memo, so an edit re-renders
 * the items it changed) and what the page was sent last, so that an answer carries only what
 * changed. A thousand engagements make a page of megabytes; an edit changes a few items.
 */
export class PortfolioPages {
  private readonly memo = new RenderMemo();
  private last: { generation: number; sent: Map<string, SentBlock> } | undefined;
  private generation = 0;

  pageOf(portfolio: Portfolio, since: number | undefined, locale?: string): PortfolioPage {
    const blocks = renderPortfolioBlocks(portfolio, { interactive: true, memo: this.memo, ...(locale ? { locale } : {}) });
    const base = since !== undefined && since === this.last?.generation ? this.last : undefined;
    const { ids, updates, sent } = diffPage(base?.sent ?? new Map(), blocks);
    this.last = { generation: ++this.generation, sent };
    return {
      generation: this.generation,
      ...(base ? { since: base.generation } : {}),
      ids,
      blocks: updates,
      today: portfolio.today,
      totals: portfolio.totals,
      executives: portfolio.executives.length,
    };
  }
}

function countErrors(entry: IndexEntry): number {
  let errors = 0;
  for (const finding of entry.findings) if (finding.severity === 'error') errors++;
  return errors;
}
