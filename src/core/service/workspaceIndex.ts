import { analyze, type Analysis } from '../analyze';
import { portfolioInputOf, readCard } from '../card';
import { policyApplied } from './portfolioFindings';
import type { Finding } from '../types';
import type { ServiceHost } from './host';
import { IndexEntry } from './indexEntry';

/** How long one step of a scan may run before requests waiting are let in. */
const STEP_MS = 8;

/** Where the workspace's first scan stands. */
export interface WorkspaceState {
  /** Every file read (outlined at least) and the portfolio computed: the tree can be shown. */
  readonly ready: boolean;
  /** Every file checked as well. */
  readonly checked: boolean;
  readonly files: number;
  /** How many cards the last scan took from the store of the previous session's. */
  readonly reusedCards: number;
}

/**
 * Every engagement file of the workspace: open documents from their unsaved text, others
 * from disk. A scan has two passes. The first outlines every file (a card: what the tree's
 * first line and the portfolio rule read, no checks), so the workspace is shown once it is
 * done; the second checks each file, and its findings replace the outline's empty list.
 * Both run in steps of about STEP_MS, so a request about an open document waits for one step
 * at most. Portfolio findings are computed once every file is read, and again when any
 * changes.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private portfolio = new Map<string, readonly Finding[]>();
  private readonly applied = new Map<string, { readonly key: string; readonly text: string; readonly findings: readonly Finding[] }>();
  private readonly listeners = new Set<(changed: readonly string[] | undefined) => void>();
  /** The files whose entries or portfolio findings changed since the listeners were last told, or `all`. */
  private changed: Set<string> | 'all' = 'all';
  /** Numbers scans: a newer one stops an older one at its next step. */
  private scanRun = 0;
  private scanned = false;
  private isChecked = false;
  private reused = 0;
  private scanning: Promise<void> | undefined;
  private readonly shown = deferred();
  private readonly open = new Map<string, { readonly text: string; readonly analysis: Analysis }>();
  /** What open documents' edits changed since `refreshOpen` last ran. */
  private edited = { portfolio: false, view: false };

  constructor(private readonly host: ServiceHost) {}

  /**
   * Called after any file or the portfolio changed, with the files whose lines in the
   * views changed, or undefined when the list of files itself may have (a view then
   * redraws everything).
   */
  onDidChange(listener: (changed: readonly string[] | undefined) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Resolves once the first scan has every file outlined and the portfolio computed. */
  ready(): Promise<void> {
    this.scanning ??= this.rescan();
    return this.shown.promise;
  }

  /** Resolves once the first scan has checked every file as well. */
  checked(): Promise<void> {
    this.scanning ??= this.rescan();
    return this.scanning;
  }

  state(): WorkspaceState {
    return { ready: this.scanned, checked: this.isChecked, files: this.entries.size, reusedCards: this.reused };
  }

  all(): IndexEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  portfolioFor(uri: string): readonly Finding[] {
    return this.portfolio.get(uri) ?? [];
  }

  /** Reads every engagement file again, outlines first; resolves when every file is checked. */
  async rescan(): Promise<void> {
    const run = ++this.scanRun;
    const stale = (): boolean => run !== this.scanRun;
    this.touch();
    this.applied.clear(); // settings may have changed
    try {
      const uris = await this.host.findEngagementFiles();
      if (stale()) return;
      const seen = new Set(uris);
      for (const key of [...this.entries.keys()]) if (!seen.has(key) && !this.open.has(key)) this.entries.delete(key);
      const cards = this.host.cards;
      cards?.begin();
      const outlined: string[] = [];
      let step = this.steps();
      for (const uri of uris) {
        await step();
        if (stale()) return;
        const open = this.open.get(uri);
        if (open) {
          this.entries.set(uri, IndexEntry.analyzed(uri, open.text, this.host.relativePath(uri), open.analysis, this.entries.get(uri)));
          continue;
        }
        const text = await this.host.readFile(uri);
        const { today } = await this.host.settingsFor(uri);
        // A newer scan started while this one waited: it does the rest, with the card store.
        if (stale()) return;
        if (text === undefined) {
          this.entries.delete(uri);
          continue;
        }
        const card = cards ? cards.cardOf(uri, text, () => readCard(text, { today })) : readCard(text, { today });
        this.entries.set(uri, IndexEntry.outlined(uri, text, this.host.relativePath(uri), card, today));
        outlined.push(uri);
      }
      this.reused = cards?.reused ?? 0;
      cards?.save();
      this.scanned = true;
      await this.computePortfolio();
      if (stale()) return;
      this.shown.resolve();
      this.fire();
      step = this.steps();
      for (const uri of outlined) {
        await step();
        if (stale()) return;
        const entry = this.entries.get(uri);
        if (!entry || entry.checked) continue; // opened, changed or removed meanwhile
        const settings = await this.host.settingsFor(uri);
        if (stale()) return;
        const analysis = analyze(entry.text, { rules: settings.rules, today: settings.today, locateSymbols: false });
        if (this.entries.get(uri) === entry) this.entries.set(uri, entry.withFindings(analysis.findings));
      }
      await this.computePortfolio();
      if (stale()) return;
      this.isChecked = true;
      this.fire();
    } finally {
      // Views waiting on the first scan must not wait forever, whatever went wrong; a scan
      // that a newer one replaced leaves that to the newer one.
      if (!stale()) this.shown.resolve();
    }
  }

  /** Steps of about STEP_MS: each call lets waiting requests in once the current step has run that long. */
  private steps(): () => Promise<void> {
    let stepStart = performance.now();
    return async () => {
      if (performance.now() - stepStart <= STEP_MS) return;
      await this.host.pause();
      stepStart = performance.now();
    };
  }

  /** An open document's newest analysis: it stands for the file until the document closes. */
  updateOpen(uri: string, text: string, analysis: Analysis): void {
    this.open.set(uri, { text, analysis });
    const before = this.entries.get(uri);
    const after = IndexEntry.analyzed(uri, text, this.host.relativePath(uri), analysis, before);
    this.entries.set(uri, after);
    this.touch(before ? uri : undefined);
    // A file with portfolio findings is weighed again for any edit: a suppression comment may have been typed.
    if (!before || portfolioKey(before) !== portfolioKey(after) || this.portfolio.has(uri)) this.edited.portfolio = true;
    // The tree shows nearly every part of a file (KPIs, phases, authority): any new text is news to it.
    if (before?.text !== text) this.edited.view = true;
  }

  /**
   * After edits of open documents: the listeners are told, and the portfolio is computed
   * again only if an edit changed what it weighs (or touched a file it reports on). Typing
   * in a KPI of one file does not weigh a thousand others again.
   */
  async refreshOpen(): Promise<void> {
    const { portfolio, view } = this.edited;
    this.edited = { portfolio: false, view: false };
    if (portfolio && this.scanned) await this.computePortfolio();
    if (portfolio || view) this.fire();
  }

  /** The document closed: the file on disk stands for it again. */
  async closeOpen(uri: string): Promise<void> {
    this.open.delete(uri);
    await this.readFromDisk(uri);
  }

  /** A file was created or changed on disk (an open document's own text wins). */
  async readFromDisk(uri: string): Promise<void> {
    if (this.open.has(uri)) return;
    const text = await this.host.readFile(uri);
    if (text === undefined || this.open.has(uri)) {
      if (text === undefined) this.remove(uri);
      return;
    }
    const settings = await this.host.settingsFor(uri);
    const analysis = analyze(text, { rules: settings.rules, today: settings.today, locateSymbols: false });
    if (this.open.has(uri)) return;
    const before = this.entries.get(uri);
    this.entries.set(uri, IndexEntry.analyzed(uri, text, this.host.relativePath(uri), analysis, before));
    this.touch(before ? uri : undefined);
  }

  remove(uri: string): void {
    this.applied.delete(uri);
    this.open.delete(uri);
    if (this.entries.delete(uri)) this.touch();
  }

  /** Recomputes the portfolio findings (once the first scan has read every file) and tells the listeners. */
  async refresh(): Promise<void> {
    if (this.scanned) await this.computePortfolio();
    this.fire();
  }

  /** Notes that a file's lines changed, or with no file, that the list of files may have. */
  private touch(uri?: string): void {
    if (this.changed === 'all') return;
    if (uri === undefined) this.changed = 'all';
    else this.changed.add(uri);
  }

  private fire(): void {
    const changed = this.changed === 'all' ? undefined : [...this.changed];
    this.changed = new Set();
    for (const listener of this.listeners) listener(changed);
  }

  /**
   * The portfolio rule over every file, with each file's settings and suppression comments
   * applied. Applying them reads a file's text, so it is redone only for files whose
   * findings or text changed: typing in one file leaves the others alone.
   */
  private async computePortfolio(): Promise<void> {
    const list = [...this.entries.values()];
    const inputs = list.map((e) => ({ path: e.relativePath, analysis: portfolioInputOf(e.card) }));
    const settings = await Promise.all(list.map((e) => this.host.settingsFor(e.uri)));
    const before = this.portfolio;
    this.portfolio = policyApplied(list, inputs, settings, this.applied);
    // Findings applied before are kept as they were (the same array) unless they changed.
    for (const uri of new Set([...before.keys(), ...this.portfolio.keys()])) if (before.get(uri) !== this.portfolio.get(uri)) this.touch(uri);
  }
}

/** What the portfolio rule reads of a file: its findings change only when this does. */
function portfolioKey(entry: IndexEntry): string {
  const { model, schedule, commitmentKey, idValue } = entry.card;
  return JSON.stringify([model && [model.id, model.status, model.executive, model.commitment], schedule, commitmentKey, idValue]);
}

/** A promise with its `resolve` at hand. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
