import { statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyze, ENGAGEMENT_FILE, readCard, type Analysis, type RuleSettings } from '../../core';
import { decodeLikeEditor, readRegularFileSync } from '../../shared/readTextFile';
import { walkFolder } from '../../shared/walkFolder';
import { ThreadCpuClock } from '../threadCpuClock';
import { CardCache } from './cardCache';
import { answerQuery, summaryOf } from './documentQueries';
import type { CheckReply, CheckRequest, DocumentReply, DocumentRequest, OutlinedFile, OutlineReply, OutlineRequest, ScanRequest } from './scanProtocol';

/**
 * The scan thread (`dist/scanWorker.js`): analyzes off the extension host's thread, so that
 * neither a thousand files at start-up nor a long document being typed in hold up the editor.
 * It only reads files; nothing is executed.
 *
 * Two kinds of work share it. Questions about open documents come first: someone is waiting
 * for each. Scan work (outlining the workspace, checking its files) runs in steps of at most
 * one batch or one file, and the thread looks for new messages between steps, so a document
 * question waits for one step at most, never for the whole scan. One thread keeps the
 * analyzer's code warm for both.
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

/**
 * This build of the thread, and so of the analyzer in it: its bundle's size and time of
 * writing. Cached cards of any other build are not used (see CardCache).
 */
const BUILD = ((): string => {
  try {
    const bundle = statSync(__filename);
    return `${bundle.size}:${bundle.mtimeMs}`;
  } catch {
    return `unknown:${Date.now()}`; // never matches a cache: every card is read
  }
})();

/** The text each outlined file had, until it is checked: a check of the same text sends only findings. */
const outlinedTexts = new Map<string, string>();

/**
 * Open documents as last synced: one version each, analyzed on the first question about it,
 * and the last analysis of the document whose text parsed.
 */
const documents = new Map<string, { version: number; text: string; rules: RuleSettings; today: string | undefined; analysis?: Analysis; lastGood?: Analysis }>();

/** Document questions, answered first, in order. */
const questions: DocumentRequest[] = [];
/** Scan work: each entry runs one step per call and says whether it is finished. */
const scanWork: (() => boolean)[] = [];
let stepping = false;

function readFile(file: string): { text: string } | { error: string } {
  const read = readRegularFileSync(file);
  return 'error' in read ? read : { text: decodeLikeEditor(read.bytes) };
}

/** Outlining as steps: the first walks the folders, each next one reads and posts one batch. */
function outlineSteps(request: OutlineRequest): () => boolean {
  let files: string[] | undefined;
  let cards: CardCache | undefined;
  let next = 0;
  // The thread's time on a CPU from the first step to the last, for the performance figures:
  // the rest of the outline's time, other work had the CPU.
  const clock = new ThreadCpuClock();
  const cpuStart = clock.now();
  return () => {
    if (!files) {
      outlinedTexts.clear();
      files = [];
      cards = new CardCache(request.cardCache, BUILD);
      const ignore = { add: () => undefined }; // unreadable folders hold nothing to show
      for (const root of request.roots) walkFolder(root, (file) => ENGAGEMENT_FILE.test(file), (file) => files!.push(file), ignore);
      return false;
    }
    const batch: OutlinedFile[] = [];
    const batchStart = performance.now();
    while (next < files.length && batch.length < BATCH_FILES && performance.now() - batchStart < BATCH_MS) {
      const file = files[next++]!;
      const read = readFile(file);
      if ('error' in read) {
        batch.push({ file, error: read.error });
      } else {
        batch.push({ file, text: read.text, card: cards!.cardOf(file, read.text, () => readCard(read.text, { today: request.today })) });
        outlinedTexts.set(file, read.text);
      }
    }
    const done = next >= files.length;
    const cpuEnd = done ? clock.now() : undefined;
    if (done) clock.dispose();
    const onCpuMs = cpuStart === undefined || cpuEnd === undefined ? undefined : cpuEnd - cpuStart;
    const reusedCards = done ? cards!.reused : undefined;
    parentPort!.postMessage({ id: request.id, files: batch, done, sentAt: performance.timeOrigin + performance.now(), onCpuMs, reusedCards } satisfies OutlineReply);
    // Saved once the host has the last batch: the next scan reads only the files that changed.
    if (done) cards!.save();
    return done;
  };
}

function answerCheck(request: CheckRequest): CheckReply {
  const read = readFile(request.file);
  const outlined = outlinedTexts.get(request.file);
  outlinedTexts.delete(request.file);
  if ('error' in read) return { id: request.id, error: read.error };
  const analysis = analyze(read.text, { rules: request.rules, today: request.today, locateSymbols: false });
  if (read.text === outlined) return { id: request.id, sameAsOutline: true, findings: analysis.findings };
  return { id: request.id, text: read.text, analysis: summaryOf(analysis) };
}

function answerDocument(request: DocumentRequest): DocumentReply {
  const document = documents.get(request.uri);
  if (!document || document.version !== request.version) return { id: request.id, missing: true };
  if (!document.analysis) {
    document.analysis = analyze(document.text, { rules: document.rules, today: document.today });
    if (document.analysis.model && !document.analysis.syntaxBroken) document.lastGood = document.analysis;
  }
  return { id: request.id, answer: answerQuery(request.query, document.analysis, document.text, document.lastGood) };
}

/** Every request gets its answer, so the host never waits for one that will not come. */
function failed(request: OutlineRequest | CheckRequest | DocumentRequest, err: unknown): object {
  const error = err instanceof Error ? err.message : String(err);
  return request.kind === 'outline' ? { id: request.id, files: [], done: true, error, sentAt: performance.timeOrigin + performance.now() } : { id: request.id, error };
}

/** One step: a document question if any waits, else one step of scan work. */
function step(): void {
  stepping = false;
  const question = questions.shift();
  if (question) {
    try {
      parentPort!.postMessage(answerDocument(question));
    } catch (err) {
      parentPort!.postMessage(failed(question, err));
    }
  } else {
    const work = scanWork[0];
    if (work && work()) scanWork.shift();
  }
  // The next step runs after the messages that arrived meanwhile are taken in.
  if (questions.length > 0 || scanWork.length > 0) scheduleStep();
}

function scheduleStep(): void {
  if (stepping) return;
  stepping = true;
  setImmediate(step);
}

/** Wraps a scan step so that a failure answers its request and ends that work. */
function guarded(request: OutlineRequest | CheckRequest, run: () => boolean): () => boolean {
  return () => {
    try {
      return run();
    } catch (err) {
      parentPort!.postMessage(failed(request, err));
      return true;
    }
  };
}

parentPort?.on('message', (request: ScanRequest) => {
  switch (request.kind) {
    case 'sync':
      documents.set(request.uri, { version: request.version, text: request.text, rules: request.rules, today: request.today, lastGood: documents.get(request.uri)?.lastGood });
      return;
    case 'forget':
      documents.delete(request.uri);
      return;
    case 'document':
      questions.push(request);
      break;
    case 'outline':
      scanWork.push(guarded(request, outlineSteps(request)));
      break;
    case 'check':
      scanWork.push(
        guarded(request, () => {
          parentPort!.postMessage(answerCheck(request));
          return true;
        }),
      );
      break;
  }
  scheduleStep();
});
