import { parentPort } from 'node:worker_threads';
import { analyze } from '../../core';
import { decodeLikeEditor, readRegularFile } from '../../shared/readTextFile';
import type { ScanReply, ScanRequest } from './scanProtocol';

/**
 * The scan thread (`dist/scanWorker.js`): reads and analyzes the workspace's closed files
 * off the extension host's thread, one request at a time, so a thousand files at start-up
 * never hold up the editor. It only reads the files it is asked for; nothing is executed.
 */

async function answer(request: ScanRequest): Promise<ScanReply> {
  const read = await readRegularFile(request.file);
  if ('error' in read) return { id: request.id, error: read.error };
  const text = decodeLikeEditor(read.bytes);
  const analysis = analyze(text, { rules: request.rules, today: request.today, locateSymbols: false });
  const { model, findings, schedule, today, syntaxBroken } = analysis;
  return { id: request.id, text, analysis: { model, findings, schedule, today, syntaxBroken, sourceMap: analysis.sourceMap.topLevelSummary() } };
}

/** Requests are answered in order, one file open at a time, however many the host sends. */
const queue: ScanRequest[] = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  for (let request = queue.shift(); request; request = queue.shift()) {
    let reply: ScanReply;
    try {
      reply = await answer(request);
    } catch (err) {
      reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(reply);
  }
  busy = false;
}

parentPort?.on('message', (request: ScanRequest) => {
  queue.push(request);
  if (!busy) void drain();
});
