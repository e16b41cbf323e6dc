import { Worker } from 'node:worker_threads';
import { LineIndex, parseYaml, SourceMap, type Analysis, type RuleSettings } from '../../core';
import type { AnalysisSummary, ScanReply, ScanRequest } from './scanProtocol';

/** A closed file as the scan thread read it: its text and analysis (see toAnalysis), or why it could not be read. */
export type ScannedFile = { readonly text: string; readonly summary: AnalysisSummary } | { readonly error: string };

/** An idle scan thread is stopped after this long, and started again when needed. */
const IDLE_MS = 30_000;

/**
 * The host's side of the scan thread (scanWorker.ts): sends it files to read and analyze,
 * and turns its answers back into analyses. The thread starts on the first request. If it
 * cannot start or stops unexpectedly, `analyzeFile` answers `undefined` from then on and
 * the caller analyzes on the host, as the extension did before it had a thread.
 */
export class ScanClient {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ScanReply | undefined) => void>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly script: string) {}

  async analyzeFile(file: string, rules: RuleSettings, today: string | undefined): Promise<ScannedFile | undefined> {
    const worker = this.running();
    if (!worker) return undefined;
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const reply = await new Promise<ScanReply | undefined>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, file, rules, today } satisfies ScanRequest);
    });
    if (!reply) return undefined;
    return 'error' in reply ? { error: reply.error } : { text: reply.text, summary: reply.analysis };
  }

  dispose(): void {
    this.stop();
    this.broken = true;
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
    this.pending.get(id)?.(reply);
    this.pending.delete(id);
    if (this.pending.size === 0) this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** The thread is gone: every waiting caller analyzes on the host instead, and so do later ones. */
  private fail(): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.broken = true;
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }
}

/**
 * An analysis from the thread's summary. Closed files have no located symbols (navigation
 * works on open documents), and their source map holds the top level until a view asks for
 * more: then it is filled from the text, here, once.
 */
export function toAnalysis(text: string, summary: AnalysisSummary): Analysis {
  const sourceMap = SourceMap.fromSummary(summary.sourceMap, (map) => {
    for (const [pointer, location] of parseYaml(text).sourceMap.entries()) map.set(pointer, location);
  });
  return { ...summary, sourceMap, lines: new LineIndex(text), declarations: [], references: [] };
}
