import { parentPort } from 'node:worker_threads';
import { analyze, ENGAGEMENT_FILE, outline, type Analysis } from '../../core';
import { decodeLikeEditor, readRegularFileSync } from '../../shared/readTextFile';
import { walkFolder } from '../../shared/walkFolder';
import type { AnalysisSummary, CheckReply, CheckRequest, OutlinedFile, OutlineRequest, ScanRequest } from './scanProtocol';

/**
 * The scan thread (`dist/scanWorker.js`): finds, reads and analyzes the workspace's closed
 * files off the extension host's thread, one request at a time, so a thousand files at
 * start-up never hold up the editor. It only reads files; nothing is executed.
 *
 * Files are read synchronously: blocking is what this thread is for, and awaiting each
 * step of a read (open, stat, read, close) left it idle a third of the time between files.
 */

/**
 * A batch of outlines is posted once it holds this much of the thread's work, or this many
 * files: the host gets them early, and storing one batch is a short task there.
 */
const BATCH_MS = 8;
const BATCH_FILES = 16;

/** The text each outlined file had, until it is checked: a check of the same text sends only findings. */
const outlinedTexts = new Map<string, string>();

function readFile(file: string): { text: string } | { error: string } {
  const read = readRegularFileSync(file);
  return 'error' in read ? read : { text: decodeLikeEditor(read.bytes) };
}

function summary(analysis: Analysis): AnalysisSummary {
  const { model, findings, schedule, today, syntaxBroken } = analysis;
  return { model, findings, schedule, today, syntaxBroken, sourceMap: analysis.sourceMap.topLevelSummary() };
}

function answerOutline(request: OutlineRequest): void {
  outlinedTexts.clear();
  const files: string[] = [];
  const ignore = { add: () => undefined }; // unreadable folders hold nothing to show
  for (const root of request.roots) walkFolder(root, (file) => ENGAGEMENT_FILE.test(file), (file) => files.push(file), ignore);
  let batch: OutlinedFile[] = [];
  let batchStart = performance.now();
  for (const file of files) {
    const read = readFile(file);
    if ('error' in read) {
      batch.push({ file, error: read.error });
    } else {
      batch.push({ file, text: read.text, outline: summary(outline(read.text, { today: request.today })) });
      outlinedTexts.set(file, read.text);
    }
    if (batch.length >= BATCH_FILES || performance.now() - batchStart >= BATCH_MS) {
      parentPort!.postMessage({ id: request.id, files: batch, done: false });
      batch = [];
      batchStart = performance.now();
    }
  }
  parentPort!.postMessage({ id: request.id, files: batch, done: true });
}

function answerCheck(request: CheckRequest): CheckReply {
  const read = readFile(request.file);
  const outlined = outlinedTexts.get(request.file);
  outlinedTexts.delete(request.file);
  if ('error' in read) return { id: request.id, error: read.error };
  const analysis = analyze(read.text, { rules: request.rules, today: request.today, locateSymbols: false });
  if (read.text === outlined) return { id: request.id, sameAsOutline: true, findings: analysis.findings };
  return { id: request.id, text: read.text, analysis: summary(analysis) };
}

/** Requests are answered in order, one file open at a time, however many the host sends. */
parentPort?.on('message', (request: ScanRequest) => {
  try {
    if (request.kind === 'outline') answerOutline(request);
    else parentPort!.postMessage(answerCheck(request));
  } catch (err) {
    // Every request gets its answer, so the host never waits for one that will not come.
    const error = err instanceof Error ? err.message : String(err);
    parentPort!.postMessage(request.kind === 'outline' ? { id: request.id, files: [], done: true, error } : { id: request.id, error });
  }
});
