import { parentPort } from 'node:worker_threads';
import { analyze } from '../../core';
import { decodeLikeEditor, readRegularFileSync } from '../../shared/readTextFile';
import type { ScanReply, ScanRequest } from './scanProtocol';

/**
 * The scan thread (`dist/scanWorker.js`): reads and analyzes the workspace's closed files
 * off the extension host's thread, one request at a time, so a thousand files at start-up
 * never hold up the editor. It only reads the files it is asked for; nothing is executed.
 */

/**
 * Files are read synchronously: blocking is what this thread is for, and awaiting each
 * step of a read (open, stat, read, close) left it idle a third of the time between files.
 */
function answer(request: ScanRequest): ScanReply {
  const read = readRegularFileSync(request.file);
  if ('error' in read) return { id: request.id, error: read.error };
  const text = decodeLikeEditor(read.bytes);
  const analysis = analyze(text, { rules: request.rules, today: request.today, locateSymbols: false });
  const { model, findings, schedule, today, syntaxBroken } = analysis;
  return { id: request.id, text, analysis: { model, findings, schedule, today, syntaxBroken, sourceMap: analysis.sourceMap.topLevelSummary() } };
}

/** Requests are answered in order, one file open at a time, however many the host sends. */
parentPort?.on('message', (request: ScanRequest) => {
  let reply: ScanReply;
  try {
    reply = answer(request);
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
