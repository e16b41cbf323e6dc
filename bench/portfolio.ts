import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readCard, type EngagementCard } from '../src/core/card';
import { dayOf } from '../src/core/model/dates';
import { buildPortfolio, type PortfolioSource } from '../src/core/portfolioModel/buildPortfolio';
import { RenderMemo, renderPortfolioBlocks, renderPortfolioHtml } from '../src/core/render/portfolioHtml';
import { renderPortfolioPage } from '../src/core/render/portfolioPage';
import { readExamples, writeWorkspace } from './workspace';

/** The portfolio's figures at one size of workspace. */
export interface PortfolioRow {
  readonly files: number;
  readonly executives: number;
  /** The model from the cards, as the server builds it on each change. */
  readonly modelMs: number[];
  /** The self-contained page of `engagement portfolio --format html`, from the model. */
  readonly pageMs: number[];
  /** The editor's page body, from the model: what the server sends the webview. */
  readonly bodyMs: number[];
  /** The editor's page again after one file changed, its other items from the memo, as the server renders it after an edit. */
  readonly bodyAgainMs: number[];
  readonly pageBytes: number;
  /** Heap held by the cards of every file (what the index keeps for the portfolio), per file. */
  readonly cardBytesPerFile: number | undefined;
  readonly overBooked: number;
}

export const PORTFOLIO_RUNS = 15;
export const PORTFOLIO_TODAY = '2026-03-04';

/** Heap in use after a full collection, where the process was started with --expose-gc. */
function settledHeap(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * The portfolio of generated workspaces of growing size, one executive to ten files (100 for
 * 1,000): the model, the page and the body each timed from the cards, and the cards' heap.
 */
export function portfolioFigures(root: string, sizes: readonly number[] = [250, 500, 1_000, 2_000]): PortfolioRow[] {
  const examples = readExamples(root);
  const today = dayOf(PORTFOLIO_TODAY);
  return sizes.map((files) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-bench-portfolio-'));
    const paths = writeWorkspace(dir, files, examples, files / 10);
    const texts = paths.map((p) => fs.readFileSync(p, 'utf8'));
    const before = settledHeap();
    const cards: EngagementCard[] = texts.map((text) => readCard(text, { today: PORTFOLIO_TODAY }));
    const after = settledHeap();
    const sources: PortfolioSource[] = cards.map((card, i) => ({ uri: `file://${paths[i]}`, path: path.relative(dir, paths[i]!), card, errors: 0 }));
    const modelMs: number[] = [];
    const pageMs: number[] = [];
    const bodyMs: number[] = [];
    const bodyAgainMs: number[] = [];
    const memo = new RenderMemo();
    let page = '';
    let portfolio = buildPortfolio(sources, { today });
    for (let i = 0; i < PORTFOLIO_RUNS; i++) {
      let start = performance.now();
      portfolio = buildPortfolio(sources, { today });
      modelMs.push(performance.now() - start);
      start = performance.now();
      page = renderPortfolioPage(portfolio);
      pageMs.push(performance.now() - start);
      start = performance.now();
      renderPortfolioHtml(portfolio, { interactive: true });
      bodyMs.push(performance.now() - start);
      // One engagement's status changed since the last render, which the memo holds.
      renderPortfolioBlocks(portfolio, { interactive: true, memo });
      const card = sources[1]!.card;
      const edited = sources.map((s, j) => (j === 1 ? { ...s, card: { ...card, model: { ...card.model!, status: i % 2 ? 'active' : 'paused' } } as EngagementCard } : s));
      const changed = buildPortfolio(edited, { today });
      start = performance.now();
      renderPortfolioBlocks(changed, { interactive: true, memo });
      bodyAgainMs.push(performance.now() - start);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return {
      files,
      executives: portfolio.executives.length,
      modelMs,
      pageMs,
      bodyMs,
      bodyAgainMs,
      pageBytes: Buffer.byteLength(page),
      cardBytesPerFile: before === undefined || after === undefined ? undefined : (after - before) / files,
      overBooked: portfolio.totals.executivesOver,
    };
  });
}
