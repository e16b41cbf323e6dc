import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { portfolioInputOf } from '../core/card';
import { portfolioFindings } from '../core/portfolio';
import type { RawFinding } from '../core/types';
import { LintShard, type FinishedFile, type ReadOutcome, type ShardFile } from './lintShard';

/** Marks a thread started by `lintInThreads`, so the CLI's entry point serves instead of running. */
const ROLE = 'engagement-lint-shard';

type Request = { readonly type: 'read'; readonly files: readonly ShardFile[]; readonly next: Int32Array } | { readonly type: 'finish'; readonly extra: [number, RawFinding[]][] };
type Reply = { readonly type: 'read'; readonly outcomes: ReadOutcome[] } | { readonly type: 'finished'; readonly results: FinishedFile[] } | { readonly type: 'failed'; readonly message: string };

export interface LintRunResult {
  readonly outcomes: ReadOutcome[];
  readonly finished: FinishedFile[];
}

/** True in a thread started to lint a shard: the entry point should call `serveShard` and stop. */
export function isShardThread(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/** The worker side: answers the main thread's two requests for its share of the files. */
export function serveShard(port: MessagePort = parentPort!): void {
  const shard = new LintShard();
  port.on('message', (request: Request) => {
    try {
      if (request.type === 'read') port.postMessage({ type: 'read', outcomes: shard.readClaimed(request.files, request.next) } satisfies Reply);
      else port.postMessage({ type: 'finished', results: shard.finish(new Map(request.extra)) } satisfies Reply);
    } catch (err) {
      port.postMessage({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Reply);
    }
  });
}

/** Lints in this thread: for a handful of files, starting threads costs more than it saves. */
export function lintInProcess(files: readonly ShardFile[]): LintRunResult {
  const shard = new LintShard();
  const outcomes = shard.read(files);
  return { outcomes, finished: shard.finish(portfolioOf(outcomes)) };
}

/**
 * Lints on `threads` threads: this one and `threads - 1` workers. Each takes the next file
 * nobody has taken yet, so this thread starts at once and the workers join as they come up,
 * and all finish together however the work falls. `script` is the CLI bundle itself, which
 * serves as the worker when started this way.
 */
export async function lintInThreads(files: readonly ShardFile[], threads: number, script: string): Promise<LintRunResult> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: threads - 1 }, () => new Worker(script, { workerData: { role: ROLE } }));
  try {
    const pendingReads = workers.map((worker) => ask(worker, { type: 'read', files, next }, 'read'));
    const own = new LintShard();
    const ownOutcomes = own.readClaimed(files, next);
    const reads = await Promise.all(pendingReads);
    // In file order, as one thread would see them: the portfolio rule's messages list files in that order.
    const outcomes = [...ownOutcomes, ...reads.flatMap((reply) => reply.outcomes)].sort((a, b) => a.index - b.index);
    const extra = portfolioOf(outcomes);
    const pendingFinishes = workers.map((worker, i) =>
      ask(worker, { type: 'finish', extra: reads[i]!.outcomes.filter((o) => extra.has(o.index)).map((o) => [o.index, extra.get(o.index)!]) }, 'finished'),
    );
    const ownFinished = own.finish(extra);
    const finishes = await Promise.all(pendingFinishes);
    return { outcomes, finished: [...ownFinished, ...finishes.flatMap((reply) => reply.results)] };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function portfolioOf(outcomes: readonly ReadOutcome[]): Map<number, RawFinding[]> {
  const entries = outcomes.flatMap((o) => (o.portfolio ? [o.portfolio] : []));
  const found = portfolioFindings(entries.map((e) => ({ path: e.path, analysis: portfolioInputOf(e.card) })));
  // portfolioFindings numbers entries by their place in the list it was given.
  return new Map([...found].map(([i, findings]) => [entries[i]!.index, findings]));
}

function ask<T extends Reply['type']>(worker: Worker, request: Request, expected: T): Promise<Extract<Reply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: Reply): void => {
      cleanup();
      if (reply.type === expected) resolve(reply as Extract<Reply, { type: T }>);
      else reject(new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`a lint thread stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
