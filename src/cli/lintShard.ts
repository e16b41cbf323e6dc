import { analyzeRaw } from '../core/analyze';
import { cardOf, type EngagementCard } from '../core/card';
import { applyPolicy } from '../core/policy';
import type { LineIndex } from '../core/text/lineIndex';
import type { RawFinding, RuleSettings } from '../core/types';
import { toLintResult, type LintResult } from './lintResult';
import { readTextFile } from '../shared/readTextFile';

/** One file to lint, as the main thread hands it to a shard. */
export interface ShardFile {
  /** Position in the whole run: results and messages keep this order. */
  readonly index: number;
  readonly path: string;
  /** How the file is named in messages. */
  readonly display: string;
  readonly rules: RuleSettings;
  readonly today?: string;
}

/**
 * What the portfolio rule needs of a file: its card, small enough to pass between threads,
 * and all that is kept of its model, so models do not pile up until the rule runs.
 */
export interface PortfolioEntry {
  readonly index: number;
  readonly path: string;
  readonly card: EngagementCard;
}

/** First pass over a file: a problem reading it, or what the workspace rules need (if anything). */
export interface ReadOutcome {
  readonly index: number;
  readonly problem?: string;
  readonly portfolio?: PortfolioEntry;
}

export interface FinishedFile {
  readonly index: number;
  readonly result: LintResult;
}

/** What a shard keeps between the passes: no model and no source map, so memory stays near the input's size. */
interface Pending {
  readonly file: ShardFile;
  readonly text: string;
  readonly rawFindings: RawFinding[];
  readonly lines: LineIndex;
}

/**
 * The files of one thread. Linting is two passes because `portfolio-overcommitted` needs
 * every engagement at once: `read` analyzes each file and reports what the portfolio rule
 * needs; the main thread runs that rule over all of them; `finish` adds its findings and
 * applies settings and suppression comments, as `analyzeWorkspace` does in one process.
 */
export class LintShard {
  private readonly pending = new Map<number, Pending>();

  read(files: readonly ShardFile[]): ReadOutcome[] {
    return files.map((file) => this.readOne(file));
  }

  /**
   * Reads the files this thread claims from a list shared by several threads: each takes
   * the next unclaimed one from `next` (one counter in shared memory), so a thread that
   * started late or runs slower simply takes fewer, and none waits for another.
   */
  readClaimed(files: readonly ShardFile[], next: Int32Array): ReadOutcome[] {
    const outcomes: ReadOutcome[] = [];
    for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) outcomes.push(this.readOne(files[i]!));
    return outcomes;
  }

  finish(extra: ReadonlyMap<number, RawFinding[]>): FinishedFile[] {
    const results: FinishedFile[] = [];
    for (const [index, entry] of this.pending) {
      // Settings apply here as to every finding: `off` drops the portfolio findings too.
      const findings = applyPolicy([...entry.rawFindings, ...(extra.get(index) ?? [])], entry.text, entry.lines, entry.file.rules);
      results.push({ index, result: toLintResult(entry.file.path, findings, entry.lines) });
    }
    this.pending.clear();
    return results;
  }

  private readOne(file: ShardFile): ReadOutcome {
    const decoded = readTextFile(file.path);
    if ('error' in decoded) return { index: file.index, problem: `${file.display}: ${decoded.error}` };
    const raw = analyzeRaw(decoded.text, { rules: file.rules, today: file.today, locateSymbols: false });
    this.pending.set(file.index, { file, text: decoded.text, rawFindings: raw.rawFindings, lines: raw.lines });
    // The workspace rules read cards: overloads need active engagements, ids any engagement with one.
    const { model, schedule } = raw;
    if (!model || !schedule || (model.status !== 'active' && !model.id)) return { index: file.index };
    return { index: file.index, portfolio: { index: file.index, path: file.display, card: cardOf(raw) } };
  }
}
