import { Worker } from 'node:worker_threads';
import { LineIndex, SourceMap, type Analysis, type Finding, type RuleSettings } from '../../core';
import { onDemand } from '../onDemand';
import type { AnswerTo, DocumentQuery } from './documentQueries';
import type { AnalysisSummary, CheckReply, DocumentReply, OutlinedFile, OutlineReply, ScanReply, ScanRequest } from './scanProtocol';

/**
 * A closed file as the scan thread checked it: its text and analysis (see toAnalysis); only
 * the findings when the text is the one its outline had; or why it could not be read.
 */
export type ScannedFile = { readonly text: string; readonly summary: AnalysisSummary } | { readonly sameAsOutline: true; readonly findings: readonly Finding[] } | { readonly error: string };

/** What the thread said of a batch of outlines besides the files; the last batch says the most. */
export interface OutlineBatch {
  /** When the thread sent it, on this thread's `performance.now()` clock. */
  readonly sentAt: number;
  /** On the last batch: the thread's time on a CPU for the whole outline, where known. */
  readonly onCpuMs: number | undefined;
  /** On the last batch: how many cards came from the cache. */
  readonly reusedCards: number | undefined;
}

/** One version of an open document, as the thread is told of it. */
export interface DocumentVersion {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Asked only when the version is sent. */
  readonly rules: () => RuleSettings;
  readonly today: string | undefined;
}

/** An idle scan thread is stopped after this long, and started again when needed. */
const IDLE_MS = 30_000;

/** A request before it is numbered. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Called with each reply to a request; answers whether the request is complete. */
type ReplyHandler = (reply: ScanReply | undefined) => boolean;

/**
 * The host's side of the scan thread (scanWorker.ts): asks it to outline the workspace, to
 * check files and to answer questions about open documents, and turns its answers back into
 * analyses. The thread starts on the first request. If it cannot start or stops
 * unexpectedly, requests answer `undefined` from then on and the caller does the work on
 * the host, as the extension did before it had a thread.
 */
export class ScanClient {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, ReplyHandler>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The version of each open document the running thread holds. */
  private readonly synced = new Map<string, number>();

  /**
   * @param script the thread's bundle.
   * @param cardCache where the thread keeps the workspace's cards between sessions (see
   *   CardCache); undefined for none.
   */
  constructor(
    private readonly script: string,
    private readonly cardCache?: string,
  ) {}

  /** False once the thread could not start or died: every request then answers `undefined`. */
  get usable(): boolean {
    return !this.broken;
  }

  /**
   * Finds every engagement file below `roots` and outlines it (see `outline` in the core),
   * handing the files over in batches as they are read. Resolves to whether every file was
   * handed over; `false` when the thread could not do it, and the caller must.
   */
  async outlineFolders(roots: readonly string[], today: string | undefined, onFiles: (files: readonly OutlinedFile[], batch: OutlineBatch) => void): Promise<boolean> {
    return this.request<boolean>({ kind: 'outline', roots, today, cardCache: this.cardCache }, (reply, finish) => {
      const outlined = reply as OutlineReply | undefined;
      if (!outlined || outlined.error !== undefined) return finish(false);
      try {
        // When the thread sent the batch, on this thread's `performance.now()` clock.
        onFiles(outlined.files, { sentAt: outlined.sentAt - performance.timeOrigin, onCpuMs: outlined.onCpuMs, reusedCards: outlined.reusedCards });
      } catch {
        return finish(false); // the caller reads the files another way; later batches are dropped
      }
      return outlined.done ? finish(true) : false;
    });
  }

  /** Reads and analyzes one file; `undefined` when the thread cannot, and the caller must. */
  async analyzeFile(file: string, rules: RuleSettings, today: string | undefined): Promise<ScannedFile | undefined> {
    return this.request<ScannedFile | undefined>({ kind: 'check', file, rules, today }, (reply, finish) => {
      const checked = reply as CheckReply | undefined;
      if (!checked) return finish(undefined);
      if ('error' in checked) return finish({ error: checked.error });
      if ('sameAsOutline' in checked) return finish({ sameAsOutline: true, findings: checked.findings });
      return finish({ text: checked.text, summary: checked.analysis });
    });
  }

  /**
   * Answers a question about one version of an open document on the thread, sending the
   * text first if the thread does not hold that version. `superseded` when a newer version
   * reached the thread first: nobody needs the old answer. `undefined` when the thread cannot
   * answer; the caller answers on the host.
   */
  async askDocument<Q extends DocumentQuery>(document: DocumentVersion, query: Q): Promise<{ answer: AnswerTo<Q> } | 'superseded' | undefined> {
    const worker = this.running();
    if (!worker) return undefined;
    if (this.synced.get(document.uri) !== document.version) {
      worker.postMessage({ kind: 'sync', uri: document.uri, version: document.version, text: document.text, rules: document.rules(), today: document.today } satisfies ScanRequest);
      this.synced.set(document.uri, document.version);
    }
    return this.request<{ answer: AnswerTo<Q> } | 'superseded' | undefined>({ kind: 'document', uri: document.uri, version: document.version, query }, (reply, finish) => {
      const answered = reply as DocumentReply | undefined;
      if (answered && 'answer' in answered) return finish({ answer: answered.answer as AnswerTo<Q> });
      return finish(answered && 'missing' in answered ? 'superseded' : undefined);
    });
  }

  /** The document was closed: the thread lets go of it. */
  forgetDocument(uri: string): void {
    if (!this.synced.delete(uri)) return;
    this.worker?.postMessage({ kind: 'forget', uri } satisfies ScanRequest);
    this.idleLater();
  }

  /** Settings changed: every document is sent again, with them, before its next question. */
  resyncDocuments(): void {
    this.synced.clear();
  }

  dispose(): void {
    this.stop();
    this.broken = true;
  }

  /** Sends a request; `onReply` sees each reply (or `undefined` when the thread is gone) until it calls `finish`. */
  private request<T>(message: Unnumbered<ScanRequest>, onReply: (reply: ScanReply | undefined, finish: (result: T) => true) => boolean): Promise<T> {
    return new Promise<T>((resolve) => {
      const worker = this.running();
      const finish = (result: T): true => {
        resolve(result);
        return true;
      };
      if (!worker) {
        onReply(undefined, finish);
        return;
      }
      clearTimeout(this.idleTimer);
      const id = this.nextId++;
      this.pending.set(id, (reply) => onReply(reply, finish));
      worker.postMessage({ ...message, id } as ScanRequest);
    });
  }

  private running(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(this.script);
      worker.unref();
      worker.on('message', (reply: ScanReply) => this.settle(reply.id, reply));
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      this.worker = worker;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  private settle(id: number, reply: ScanReply): void {
    const handler = this.pending.get(id);
    if (!handler?.(reply)) return;
    this.pending.delete(id);
    this.idleLater();
  }

  /** Stops the thread after a while when nothing is asked of it and it holds no open document. */
  private idleLater(): void {
    clearTimeout(this.idleTimer);
    if (this.pending.size === 0 && this.synced.size === 0) this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** The thread is gone: every waiting caller does its work on the host instead, and so do later ones. */
  private fail(): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.synced.clear();
    this.broken = true;
    this.abandonPending();
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.synced.clear();
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
    this.abandonPending();
  }

  private abandonPending(): void {
    const handlers = [...this.pending.values()];
    this.pending.clear();
    for (const handler of handlers) handler(undefined);
  }
}

/**
 * An analysis from the thread's summary. Closed files have no located symbols (navigation
 * works on open documents), and their source map holds the top level until a view asks for
 * more: then it is filled from the text, here, once.
 */
export function toAnalysis(text: string, summary: AnalysisSummary): Analysis {
  const sourceMap = SourceMap.fromSummary(summary.sourceMap, (map) => {
    for (const [pointer, location] of onDemand().parseYaml(text).sourceMap.entries()) map.set(pointer, location);
  });
  return { ...summary, sourceMap, lines: new LineIndex(text), declarations: [], references: [] };
}
