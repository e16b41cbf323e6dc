import * as vscode from 'vscode';
import { addDuplicateIdFindings, addOverloadFindings, ENGAGEMENT_FILE, groupByExecutive, portfolioInputOf, type Analysis, type EngagementCard, type Finding, type LineIndex, type RawFinding } from '../core';
import { decodeLikeEditor, readRegularFile } from '../shared/readTextFile';
import { walkFolder } from '../shared/walkFolder';
import { isEngagementDocument, today, type DocumentAnalyses } from './documentAnalyses';
import { IndexEntry } from './indexEntry';
import { onDemand, onDemandLoad } from './onDemand';
import type { RuleSettingsProvider } from './ruleSettings';
import { toAnalysis, type ScanClient } from './scan/scanClient';
import { inSlices, type Slicing } from './slicedWork';
import type { WorkMeter } from './workMeter';

export const ENGAGEMENT_GLOB = '**/*.engagement.{yaml,yml}';

/** How long one slice of the portfolio computation may hold the extension host. */
const PORTFOLIO_SLICE_MS = 8;

export interface IndexedEngagement {
  readonly uri: vscode.Uri;
  /** What the tree's first line and the portfolio rule read (of the last version that parsed). */
  readonly card: EngagementCard;
  /** The current analysis (may have syntax errors); for an outlined file, read from its text on first use. */
  readonly analysis: Analysis;
  /** The last analysis whose text parsed, for views that should not go blank mid-edit. */
  readonly lastGood?: Analysis;
  /** The current text's findings. */
  readonly findings: readonly Finding[];
  readonly lines: LineIndex;
  readonly syntaxBroken: boolean;
  /** Portfolio findings for this file, with its settings and suppressions applied. */
  readonly portfolio: readonly Finding[];
  /**
   * False while the file is shown from its outline: its card is there, its findings are
   * still being checked (`findings` is empty until then).
   */
  readonly checked: boolean;
}

/**
 * When the scan thread sent its first and last batch of outlines (`performance.now()` on the
 * host's clock), and the longest a batch waited for the host to take it: tells the thread's
 * share of the time to show a workspace from the host's.
 */
export interface OutlineTiming {
  firstSentAt: number;
  lastSentAt: number;
  longestWaitMs: number;
  /** The thread's time on a CPU for the whole outline, where the system says. */
  threadOnCpuMs?: number;
  /** How many cards the thread took from the cache of the last session's scan. */
  reusedCards?: number;
}

/** Portfolio findings as last applied to a file, reused while nothing they depend on changed. */
interface AppliedPortfolio {
  readonly key: string;
  readonly text: string;
  readonly findings: Finding[];
}

/**
 * Every engagement file of the workspace, analyzed: open documents from their unsaved
 * text, others from disk. Portfolio findings are computed only once the first full scan
 * has read every file, then kept up to date on edits, creation, deletion and renames.
 *
 * A scan of local folders has two passes on the scan thread. The first outlines every
 * file (model, schedule, source map; no checks): the tree and the portfolio rule need no
 * more, so the workspace is shown once it is done. The second checks each file, and its
 * findings replace the outline's empty list.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, IndexEntry>();
  private portfolio = new Map<string, Finding[]>();
  private readonly applied = new Map<string, AppliedPortfolio>();
  /** Numbers portfolio runs: only the newest one publishes. */
  private portfolioRun = 0;
  private scanned = false;
  private scanning: Promise<void> | undefined;
  private readonly shown = deferred();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any file's analysis or the portfolio changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Documents edited since the last refresh: analyzed once per refresh, not per keystroke. */
  private readonly edited = new Map<string, vscode.TextDocument>();

  /** When the first scan had every file read and the portfolio computed (`performance.now()`), for the performance tests. */
  scannedAt: number | undefined;
  /** When the first scan had checked every file. */
  checkedAt: number | undefined;
  /**
   * Where the first scan spent its time: reading every file (outlines on the scan thread, or
   * full analyses where there is no thread), the portfolio rule, then checking the outlines.
   */
  scanPhases: { startedAt: number; readMs: number; portfolioMs: number; checkMs: number; outlined: boolean; thread?: OutlineTiming } | undefined;
  private outlineTiming: OutlineTiming | undefined;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly settings: RuleSettingsProvider,
    private readonly meter: WorkMeter,
    private readonly scanner: ScanClient,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(ENGAGEMENT_GLOB);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readFromDisk(uri)),
      watcher.onDidChange((uri) => {
        if (!this.openDocument(uri)) void this.readFromDisk(uri);
      }),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isEngagementDocument(e.document) && e.contentChanges.length) this.updateFromDocument(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isEngagementDocument(d) && d.uri.scheme === 'file') this.updateFromDocument(d);
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          this.remove(oldUri);
          if (ENGAGEMENT_FILE.test(newUri.path)) void this.readFromDisk(newUri);
        }
      }),
      settings.onDidChange(() => void this.rescan()),
      this.changed,
    );
  }

  /**
   * Resolves once the first scan has every file read, outlined at least, and the portfolio
   * computed: what the tree needs. Starts that scan if nothing has.
   */
  ready(): Promise<void> {
    this.scanning ??= this.rescan();
    return this.shown.promise;
  }

  /** Resolves once the first scan has checked every file as well. */
  checked(): Promise<void> {
    this.scanning ??= this.rescan();
    return this.scanning;
  }

  /** Reads every engagement file again, outlines first where it can; resolves when every file is checked. */
  async rescan(): Promise<void> {
    const started = performance.now();
    const when = today();
    // The portfolio needs the on-demand core (rule settings, suppression comments). Loading
    // it while the thread outlines keeps its load out of the wait for the portfolio.
    if (!onDemandLoad()) setImmediate(() => this.meter.run('load on-demand core', onDemand));
    // Settings may have changed: portfolio findings are applied afresh.
    this.applied.clear();
    let outlined: vscode.Uri[] | undefined;
    let read: number;
    let shown: number;
    try {
      outlined = await this.outlineLocalFolders(when);
      const uris = outlined ?? (await findEngagementFiles());
      const seen = new Set(uris.map((u) => u.toString()));
      for (const key of [...this.entries.keys()]) if (!seen.has(key)) this.entries.delete(key);
      // Without outlines, every file is read through VS Code (or from disk) and analyzed here,
      // one task per file, asked for at once.
      if (!outlined) await Promise.all(uris.map((uri) => this.readFromDisk(uri, false, when)));
      read = performance.now();
      this.scanned = true;
      await this.recomputePortfolio();
      shown = performance.now();
      this.scannedAt ??= shown;
    } finally {
      // Views waiting on the first scan must not wait forever, whatever went wrong.
      this.shown.resolve();
    }
    if (outlined) {
      // Each file is asked for at once; the thread answers in order, with findings only
      // where the text is still the outline's.
      await Promise.all(outlined.map((uri) => this.readFromDisk(uri, false, when)));
      await this.recomputePortfolio();
    }
    this.checkedAt ??= performance.now();
    this.scanPhases ??= { startedAt: started, readMs: read - started, portfolioMs: shown - read, checkMs: performance.now() - shown, outlined: outlined !== undefined, thread: this.outlineTiming };
  }

  /**
   * Has the scan thread find and outline every engagement file of local folders, storing
   * each batch as it arrives. `undefined` when the workspace is not all local or the thread
   * could not do it: the caller reads the files another way.
   */
  private async outlineLocalFolders(when: string | undefined): Promise<vscode.Uri[] | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0 || folders.some((f) => f.uri.scheme !== 'file')) return undefined;
    const found = new Map<string, vscode.Uri>();
    const timing: OutlineTiming = { firstSentAt: Infinity, lastSentAt: 0, longestWaitMs: 0 };
    this.outlineTiming ??= timing;
    const complete = await this.scanner.outlineFolders(
      folders.map((f) => f.uri.fsPath),
      when,
      (files, { sentAt, onCpuMs, reusedCards }) =>
        this.meter.run('store outlines', () => {
          timing.threadOnCpuMs ??= onCpuMs;
          timing.reusedCards ??= reusedCards;
          timing.firstSentAt = Math.min(timing.firstSentAt, sentAt);
          timing.lastSentAt = Math.max(timing.lastSentAt, sentAt);
          timing.longestWaitMs = Math.max(timing.longestWaitMs, performance.now() - sentAt);
          for (const file of files) {
            const uri = vscode.Uri.file(file.file);
            // Unreadable files are left out, as a failed read leaves them out later.
            if ('error' in file || found.has(uri.toString())) continue;
            found.set(uri.toString(), uri);
            // An open document is shown from its own text once its summary is in; until then, from the file.
            this.entries.set(uri.toString(), IndexEntry.outlined(uri, file.text, vscode.workspace.asRelativePath(uri), file.card, when));
            const open = this.openDocument(uri);
            if (open) void this.storeOpen(open).then((stored) => (stored ? this.recomputePortfolio() : undefined));
          }
        }),
    );
    return complete ? [...found.values()] : undefined;
  }

  all(): IndexedEngagement[] {
    return [...this.entries.values()]
      .map((e) => this.indexed(e))
      .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  get(uri: vscode.Uri): IndexedEngagement | undefined {
    const e = this.entries.get(uri.toString());
    return e && this.indexed(e);
  }

  private indexed(e: IndexEntry): IndexedEngagement {
    // Getters, so listing a thousand files does not read the analysis of each.
    return {
      uri: e.uri,
      card: e.card,
      findings: e.findings,
      syntaxBroken: e.syntaxBroken,
      checked: e.checked,
      portfolio: this.portfolio.get(e.uri.toString()) ?? [],
      get analysis() {
        return e.analysis;
      },
      get lastGood() {
        return e.lastGood;
      },
      get lines() {
        return e.lines;
      },
    };
  }

  portfolioFor(uri: vscode.Uri): readonly Finding[] {
    return this.portfolio.get(uri.toString()) ?? [];
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  }

  private async readFromDisk(uri: vscode.Uri, notify = true, when = today()): Promise<void> {
    const open = this.openDocument(uri);
    const scanned = open || uri.scheme !== 'file' ? undefined : await this.scanner.analyzeFile(uri.fsPath, this.settings.rulesFor(uri), when);
    if (open) {
      await this.storeOpen(open);
    } else if (scanned && 'error' in scanned) {
      this.remove(uri);
      return;
    } else if (scanned && 'sameAsOutline' in scanned) {
      // The file still has its outline's text: the findings complete that outline. If the
      // entry changed meanwhile (a document opened, a newer read), the newer one stands.
      const current = this.entries.get(uri.toString());
      if (current && !current.checked && !this.openDocument(uri)) {
        this.meter.run('store findings', () => this.entries.set(uri.toString(), current.withFindings(scanned.findings)));
      }
    } else if (scanned) {
      // The document may have been opened while the thread worked: its own text wins.
      const opened = this.openDocument(uri);
      if (opened) await this.storeOpen(opened);
      else this.meter.run('store scanned file', () => this.store(uri, scanned.text, toAnalysis(scanned.text, scanned.summary)));
    } else {
      let text: string;
      try {
        text = decodeLikeEditor(await readBytes(uri));
      } catch {
        this.remove(uri);
        return;
      }
      // Files that are not open need no symbol ranges: navigation works on open documents.
      this.store(uri, text, this.meter.run('analyze file', () => onDemand().analyze(text, { rules: this.settings.rulesFor(uri), today: when, locateSymbols: false })));
    }
    if (notify) void this.recomputePortfolio();
  }

  private updateFromDocument(document: vscode.TextDocument): void {
    this.edited.set(document.uri.toString(), document);
    // Typing fires many changes: analyze, recompute the portfolio and notify views at most every 300 ms.
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      const edited = [...this.edited.values()];
      this.edited.clear();
      void Promise.all(edited.map((d) => this.storeOpen(d))).then((stored) => (stored.some(Boolean) ? this.recomputePortfolio() : undefined));
    }, 300);
  }

  /**
   * Stores an open document from its summary (analyzed on the scan thread). Resolves to
   * false, storing nothing, when it was closed or edited meanwhile: a newer refresh follows.
   */
  private async storeOpen(document: vscode.TextDocument): Promise<boolean> {
    const version = document.version;
    const text = document.getText();
    const analysis = await this.analyses.summary(document);
    if (document.isClosed || document.version !== version) return false;
    this.store(document.uri, text, analysis);
    return true;
  }

  private store(uri: vscode.Uri, text: string, analysis: Analysis): void {
    const key = uri.toString();
    this.entries.set(key, IndexEntry.analyzed(uri, text, vscode.workspace.asRelativePath(uri), analysis, this.entries.get(key)));
  }

  private remove(uri: vscode.Uri): void {
    this.applied.delete(uri.toString());
    if (this.entries.delete(uri.toString())) void this.recomputePortfolio();
  }

  /**
   * Recomputes the portfolio findings and tells the views. The work is done in slices (see
   * computePortfolio); a newer call supersedes one still running, whose results are dropped.
   * Resolves when this call's results are published, or superseded.
   */
  private async recomputePortfolio(): Promise<void> {
    const run = ++this.portfolioRun;
    if (this.scanned && !(await this.computePortfolio(run))) return;
    this.changed.fire();
  }

  /**
   * Runs the portfolio rule over every file: grouping by executive, then each group, then
   * settings and suppression comments per file, in slices of about PORTFOLIO_SLICE_MS each, so
   * that a thousand files never hold the host in one piece. Applying settings and comments
   * reads a file's text, so it is redone only for files whose findings or text changed:
   * typing in one file leaves the others alone, and checking an outline (same text) does
   * not redo it. Resolves to false when a newer run superseded this one.
   */
  private async computePortfolio(run: number): Promise<boolean> {
    const slicing = (label: string): Slicing => ({ budgetMs: PORTFOLIO_SLICE_MS, meter: this.meter, label, stale: () => run !== this.portfolioRun });
    const list = [...this.entries.values()];
    const inputs = list.map((e) => ({ path: e.relativePath, analysis: portfolioInputOf(e.card) }));
    const raw = new Map<number, RawFinding[]>();
    const groups = this.meter.run('portfolio: group', () => groupByExecutive(inputs));
    if (!(await inSlices(groups, (loads) => addOverloadFindings(loads, inputs, raw), slicing('portfolio: overloads')))) return false;
    this.meter.run('portfolio: duplicate ids', () => addDuplicateIdFindings(inputs, raw));
    const next = new Map<string, Finding[]>();
    const applyTo = (entry: IndexEntry, index: number): void => {
      const findings = raw.get(index);
      const id = entry.uri.toString();
      if (!findings) {
        this.applied.delete(id);
        return;
      }
      const key = findings.map((f) => `${f.range.start}:${f.range.end}:${f.message}`).join('\n');
      let applied = this.applied.get(id);
      if (applied?.key !== key || applied.text !== entry.text) {
        applied = { key, text: entry.text, findings: onDemand().applyPolicy(findings, entry.text, entry.lines, this.settings.rulesFor(entry.uri)) };
        this.applied.set(id, applied);
      }
      next.set(id, applied.findings);
    };
    if (!(await inSlices(list, applyTo, slicing('portfolio: settings and comments')))) return false;
    this.portfolio = next;
    return true;
  }

  dispose(): void {
    this.portfolioRun++; // a run still in slices stops at its next one
    clearTimeout(this.refreshTimer);
    for (const d of this.subscriptions) d.dispose();
  }
}

/**
 * Every engagement file of the workspace, outside node_modules and .git, when the scan
 * thread could not outline it. Local folders are walked on disk with the command line's
 * walk (`shared/walkFolder.ts`), which takes milliseconds where `findFiles` goes through the
 * search service (about 0.6 s for 1,000 files); links to folders are not followed, so a
 * link loop cannot make the walk endless, and files it cannot use are left to the command
 * line to report. Other schemes use `findFiles`.
 */
async function findEngagementFiles(): Promise<vscode.Uri[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0 || folders.some((f) => f.uri.scheme !== 'file')) return vscode.workspace.findFiles(ENGAGEMENT_GLOB, '**/{node_modules,.git}/**');
  const found: vscode.Uri[] = [];
  const ignored = { add: () => undefined };
  for (const folder of folders) walkFolder(folder.uri.fsPath, (file) => ENGAGEMENT_FILE.test(file), (file) => found.push(vscode.Uri.file(file)), ignored);
  return found;
}

/**
 * A file's bytes: straight from disk for local files (pipes and devices refused), which
 * spares a round trip to the window per file when a thousand are read at start-up;
 * through VS Code for other schemes.
 */
async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  const read = await readRegularFile(uri.fsPath);
  if ('error' in read) throw new Error(read.error);
  return read.bytes;
}

/** A promise with its `resolve` at hand. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
