import { outline, type Analysis } from '../analyze';
import { cardOf, type EngagementCard } from '../card';
import { LineIndex } from '../text/lineIndex';
import type { Finding } from '../types';

/**
 * One file of the workspace index.
 *
 * A file read by the workspace scan arrives as its text and its card: what the tree's first
 * line and the portfolio rule need, a few hundred bytes where the model is several
 * kilobytes. Its full analysis is read from the text the first time something looks inside
 * (the tree's phases, KPIs and authority); most files of a large workspace never are. Open
 * documents come with their analysis.
 */
export class IndexEntry {
  private materialized: Analysis | undefined;
  private lineIndex: LineIndex | undefined;

  private constructor(
    readonly uri: string,
    readonly text: string,
    /** How the portfolio rule names the file. */
    readonly relativePath: string,
    /** The card of the last version that parsed, if the current one does not. */
    readonly card: EngagementCard,
    /** The current text's findings; none until it is checked. */
    readonly findings: readonly Finding[],
    /** False while the file is shown from its card, its findings still being checked. */
    readonly checked: boolean,
    /** Whether the current text is broken YAML. */
    readonly syntaxBroken: boolean,
    analysis: Analysis | undefined,
    /** The last good analysis, or `own`: the file's own analysis if it parsed (a file read from disk has no earlier version). */
    private readonly good: Analysis | 'own' | undefined,
    /** The day the card was made for, to read the analysis for the same day. */
    private readonly today: string | undefined,
  ) {
    this.materialized = analysis;
  }

  /** A file analyzed whole; a broken text keeps the previous entry's last good analysis. */
  static analyzed(uri: string, text: string, relativePath: string, analysis: Analysis, previous: IndexEntry | undefined): IndexEntry {
    const good = analysis.model && !analysis.syntaxBroken ? analysis : previous?.lastGood;
    return new IndexEntry(uri, text, relativePath, cardOf(good ?? analysis), analysis.findings, true, analysis.syntaxBroken, analysis, good, undefined);
  }

  /** A file as the scan outlined it: not checked yet. */
  static outlined(uri: string, text: string, relativePath: string, card: EngagementCard, today: string | undefined): IndexEntry {
    return new IndexEntry(uri, text, relativePath, card, [], false, card.syntaxBroken, undefined, 'own', today);
  }

  /** The same text, checked: these are its findings. */
  withFindings(findings: readonly Finding[]): IndexEntry {
    const analysis = this.materialized && { ...this.materialized, findings };
    return new IndexEntry(this.uri, this.text, this.relativePath, this.card, findings, true, this.syntaxBroken, analysis, this.good, this.today);
  }

  /** The current analysis (may have syntax errors), read from the text on first use. */
  get analysis(): Analysis {
    this.materialized ??= { ...outline(this.text, { today: this.today }), findings: this.findings };
    return this.materialized;
  }

  /** The last analysis whose text parsed, for views that should not go blank mid-edit. */
  get lastGood(): Analysis | undefined {
    if (this.good !== 'own') return this.good;
    return this.card.model && !this.syntaxBroken ? this.analysis : undefined;
  }

  /** Line starts of the text, for turning findings into positions. */
  get lines(): LineIndex {
    return this.materialized?.lines ?? (this.lineIndex ??= new LineIndex(this.text));
  }
}
