import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { EngagementKitApi } from '../../src/extension/extension';
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

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

export function tenths(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms * 10) / 10;
}

/** A performance mark the client set (its only tracing), in milliseconds of this clock. */
function mark(name: string): number | undefined {
  return performance.getEntriesByName(`engagementKit/${name}`)[0]?.startTime;
}

/**
 * Watches the extension host's thread from outside: the longest it was held, as the delay
 * of a timer that should fire every 10 ms (Node's event-loop delay histogram).
 */
export function watchHostThread(): { stop(): { longestMs: number; p99Ms: number } } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return { longestMs: tenths(histogram.max / 1e6)!, p99Ms: tenths(histogram.percentile(99) / 1e6)! };
    },
  };
}

/**
 * Activation as the host counts it, and the client's marks: the server answering
 * `initialize`, the workspace shown (tree and portfolio) and checked, each from the start
 * of `activate()`. Call once every file is checked.
 */
export async function scanFigures(api: EngagementKitApi): Promise<Record<string, unknown>> {
  const host = hostActivationMarks();
  const activated = mark('activate')!;
  const since = (name: string): number | undefined => {
    const at = mark(name);
    return at === undefined ? undefined : Math.round(at - activated);
  };
  const state = await api.workspace.state();
  return {
    workspaceFiles: state.files,
    hostMeasuredCodeLoadingMs: host?.codeLoadingMs,
    hostMeasuredActivateCallMs: host?.activateCallMs,
    activationMs: host && tenths(host.codeLoadingMs + host.activateCallMs),
    serverReadyMs: since('serverReady'),
    workspaceReadyMs: since('workspaceReady'),
    workspaceCheckedMs: since('workspaceChecked'),
    reusedCards: state.reusedCards,
  };
}

/** Validates the workspace and counts the files with a portfolio finding, from the Problems VS Code holds. */
export async function filesOverloaded(): Promise<number> {
  await vscode.commands.executeCommand('engagementKit.validateWorkspace');
  return vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => typeof d.code === 'object' && d.code.value === 'portfolio-overcommitted')).length;
}
