import * as os from 'node:os';
import * as path from 'node:path';
import { MEMORY_PER_FILE_BYTES } from '../shared/readTextFile';
import type { LintArgs } from './args';
import { findFiles } from './findFiles';
import { ConfigCache } from './configCache';
import type { ShardFile } from './lintShard';
import { lintInProcess, lintInThreads } from './lintWorkers';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { countBySeverity, type LintResult } from './lintResult';

export interface LintOutcome {
  readonly stdout: string;
  /** Problems with the command or files, one clear line each. */
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

/** Below this many files, linting stays in one thread: starting threads would cost more. */
const THREAD_THRESHOLD = 64;

/**
 * Lints files as CI does: every file is read and checked together (the portfolio rule needs
 * all of them); a file that cannot be read is reported and the others are still checked.
 * Large runs are spread over worker threads, one fewer than the cores by default.
 */
export async function runLint(args: LintArgs, cwd: string, version: string, script: string): Promise<LintOutcome> {
  const started = performance.now();
  const stderr: string[] = [];
  const { files, problems } = findFiles(args.paths, cwd);
  stderr.push(...problems);

  const configs = new ConfigCache(cwd);
  const shardFiles: ShardFile[] = files.map((file, index) => ({
    index,
    path: file,
    display: path.relative(cwd, file) || file,
    rules: configs.rulesFor(path.dirname(file), stderr),
    today: args.today,
  }));
  const wanted = Math.min(args.jobs ?? (files.length >= THREAD_THRESHOLD ? defaultThreads() : 1), Math.max(1, files.length));
  const threads = threadsWithinMemory(wanted, os.freemem());
  const run = threads > 1 ? await lintInThreads(shardFiles, threads, script) : lintInProcess(shardFiles);

  const byIndex = [...run.outcomes].sort((a, b) => a.index - b.index);
  for (const outcome of byIndex) if (outcome.problem) stderr.push(outcome.problem);
  const finished = [...run.finished].sort((a, b) => a.index - b.index).map((f) => f.result);
  const results: LintResult[] = [...configs.results(), ...finished];

  let stdout: string;
  switch (args.format) {
    case 'json':
      stdout = formatJson(results);
      break;
    case 'sarif':
      stdout = formatSarif(results, cwd, version);
      break;
    case 'github':
      stdout = formatGithub(results, cwd);
      break;
    default:
      stdout = formatStylish(results, cwd, args.color);
  }

  if (files.length === 0 && problems.length === 0) stderr.push('No engagement files found (*.engagement.yaml, *.engagement.yml).');
  const fileProblems = stderr.length > 0;
  const counts = countBySeverity(results);
  const tooManyWarnings = args.maxWarnings !== undefined && counts.warning > args.maxWarnings;
  if (tooManyWarnings) stderr.push(`${counts.warning} warnings, more than --max-warnings ${args.maxWarnings}.`);
  const exitCode = fileProblems ? 2 : counts.error > 0 || tooManyWarnings ? 1 : 0;
  if (args.stats) stderr.push(statsLine(files.length, performance.now() - started, threads));
  return { stdout, stderr, exitCode };
}

/**
 * One thread fewer than the cores: a thread that analyzes keeps about 1.4 cores busy, since
 * V8 collects garbage and compiles on threads of its own. On 2 cores a second analyzing
 * thread made 1,000 files slower (944 against 1,045 files/s, bench/RESULTS.md), so there
 * the default is one.
 */
function defaultThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * As many threads as asked for, but no more than free memory holds at one file each at the
 * size limit (`MEMORY_PER_FILE_BYTES`): a high `--jobs` on a small machine runs slower
 * rather than running out of memory. One thread always runs.
 */
export function threadsWithinMemory(wanted: number, freeBytes: number): number {
  return Math.max(1, Math.min(wanted, Math.floor(freeBytes / MEMORY_PER_FILE_BYTES)));
}

/**
 * Throughput, peak memory and CPU time (of the whole process, threads included), for
 * `--stats`. The CPU time is what a busy machine does not inflate the way it does the
 * elapsed time, so bounds on work are stated in it.
 */
function statsLine(files: number, ms: number, threads: number): string {
  const perSecond = files / (ms / 1000);
  const usage = process.resourceUsage();
  const peakMb = usage.maxRSS / 1024;
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  return `stats: ${files} files in ${ms.toFixed(0)} ms (${perSecond.toFixed(0)} files/s) on ${threads} thread${threads === 1 ? '' : 's'}; peak memory ${peakMb.toFixed(0)} MB; cpu ${cpuMs.toFixed(0)} ms`;
}
