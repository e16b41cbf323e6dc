import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngagementKitApi } from '../../src/extension/extension';
import type { WorkMeter } from '../../src/extension/workMeter';
import { hostActivationMarks } from '../integration/helpers';

/** The repository, from out/test/performance (and from out/test/performance/reopen). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Where the measured figures are written, for the README and the benchmark report. */
const FIGURES = path.join(ROOT, 'test-artifacts', 'editor-performance.json');
/** How many engagement files the generated workspace holds (test/host/runIntegration.mjs). */
export const FILES = 1_000;

/** Adds figures to the file, keeping those other tests (and windows) recorded. */
export function record(figures: Record<string, unknown>): void {
  const previous = fs.existsSync(FIGURES) ? (JSON.parse(fs.readFileSync(FIGURES, 'utf8')) as Record<string, unknown>) : {};
  fs.mkdirSync(path.dirname(FIGURES), { recursive: true });
  fs.writeFileSync(FIGURES, JSON.stringify({ ...previous, ...figures }, null, 2));
  console.log(`      measured: ${JSON.stringify(figures)}`);
}

/** What garbage-collection pauses took of the longest tasks, and the longest time one held a CPU (see WorkMeter.report). */
export function pauses(work: ReturnType<WorkMeter['report']>, suffix = 'DuringScan'): Record<string, unknown> {
  return {
    [`gcPausesInLongestTask${suffix}Ms`]: tenths(work.pausesInLongestMs),
    [`longestTask${suffix}WithoutGcMs`]: tenths(work.longestWithoutPausesMs),
    [`longestTask${suffix}WithoutGc`]: work.longestWithoutPausesLabel,
    [`longestTask${suffix}OnCpuMs`]: tenths(work.longestOnCpuMs),
    [`longestTask${suffix}OnCpu`]: work.longestOnCpuLabel,
  };
}

export function describeTask(task: ReturnType<WorkMeter['report']>['longestTasks'][number]): string {
  return `${task.label} ${task.ms.toFixed(1)} ms` + (task.onCpuMs === undefined ? '' : ` (${task.onCpuMs.toFixed(1)} on a CPU)`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function tenths(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms * 10) / 10;
}

/**
 * Activation and the first scan of the window's workspace, from the extension's own
 * clock (origin: the bundle starting to load) and the host's performance marks. Call once
 * every file is checked.
 */
export function scanFigures(api: EngagementKitApi): Record<string, unknown> {
  const phases = api.index.scanPhases!;
  const work = api.meter.report();
  const host = hostActivationMarks();
  return {
    workspaceFiles: FILES,
    activationMs: tenths(api.activationMs),
    activateFunctionMs: tenths(api.activateMs),
    activateFunctionOnCpuMs: tenths(api.activateOnCpuMs),
    waitForHostBeforeActivateMs: tenths(api.waitForHostMs),
    hostMeasuredCodeLoadingMs: host?.codeLoadingMs,
    hostMeasuredActivateCallMs: host?.activateCallMs,
    onDemandCoreLoadedAfterLoadMs: api.onDemandLoad && Math.round(api.onDemandLoad.at - api.loadStart),
    onDemandCoreLoadMs: tenths(api.onDemandLoad?.ms),
    workspaceReadyMs: Math.round(api.index.scannedAt! - api.loadStart),
    workspaceCheckedMs: Math.round(api.index.checkedAt! - api.loadStart),
    scanStartedAfterLoadMs: Math.round(phases.startedAt - api.loadStart),
    outlineMs: Math.round(phases.readMs),
    reusedCards: phases.thread?.reusedCards,
    threadFirstBatchAfterLoadMs: phases.thread && Math.round(phases.thread.firstSentAt - api.loadStart),
    threadLastBatchAfterLoadMs: phases.thread && Math.round(phases.thread.lastSentAt - api.loadStart),
    longestBatchWaitForHostMs: phases.thread && Math.round(phases.thread.longestWaitMs),
    threadOnCpuForOutlineMs: phases.thread?.threadOnCpuMs && Math.round(phases.thread.threadOnCpuMs),
    portfolioMs: Math.round(phases.portfolioMs),
    checkMs: Math.round(phases.checkMs),
    longestTaskDuringScanMs: tenths(work.longestMs),
    longestTaskDuringScan: work.longestLabel,
    longestTasksDuringScan: work.longestTasks.map(describeTask),
    ...pauses(work),
    tasksMeasuredDuringScan: work.measured,
    ourWorkDuringScanMs: Math.round(work.totalMs),
  };
}
