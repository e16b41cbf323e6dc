import { PerformanceObserver } from 'node:perf_hooks';
import { ThreadCpuClock } from './threadCpuClock';

/** One measured piece of work, with when it ran (`performance.now()`). */
interface Task {
  readonly label: string;
  readonly start: number;
  readonly ms: number;
  /** Of `ms`, the time the thread was on a CPU (see ThreadCpuClock); undefined where unknown. */
  readonly onCpuMs: number | undefined;
}

/** How many of the longest tasks are kept, to tell them apart from garbage-collection pauses. */
const KEPT_TASKS = 20;
/** How many recent garbage-collection pauses are kept. */
const KEPT_PAUSES = 2_000;

/**
 * Measures the extension's own synchronous work on the extension host's thread: every
 * analysis, index update and diagnostics publication runs through `run`, so the longest
 * time the host was held by this extension is known, not guessed. Cheap enough to stay on.
 *
 * A task's time includes any garbage-collection pause that fell inside it, whichever code
 * made the garbage, and any time the thread was not scheduled. The pauses are observed too,
 * and, on Linux, the thread's time on a CPU, so a report can say how much of the longest
 * tasks was a pause and how much the machine being busy with other processes.
 */
export class WorkMeter {
  private longest: Task[] = [];
  private count = 0;
  private total = 0;
  private byLabel = new Map<string, number>();
  private readonly pauses: { start: number; end: number }[] = [];
  private readonly observer: PerformanceObserver | undefined;
  private readonly cpu = new ThreadCpuClock();

  constructor() {
    try {
      this.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) this.pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
        if (this.pauses.length > KEPT_PAUSES) this.pauses.splice(0, this.pauses.length - KEPT_PAUSES);
      });
      this.observer.observe({ entryTypes: ['gc'] });
    } catch {
      this.observer = undefined; // a host without the observer: reports say nothing of pauses
    }
  }

  /** This thread's time on a CPU so far, in milliseconds; undefined where the system does not say. */
  cpuNow(): number | undefined {
    return this.cpu.now();
  }

  run<T>(label: string, work: () => T): T {
    const cpuStart = this.cpu.now();
    const start = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - start;
      const cpuEnd = cpuStart === undefined ? undefined : this.cpu.now();
      const onCpuMs = cpuStart === undefined || cpuEnd === undefined ? undefined : Math.min(ms, cpuEnd - cpuStart);
      this.count++;
      this.total += ms;
      this.byLabel.set(label, (this.byLabel.get(label) ?? 0) + 1);
      this.keep({ label, start, ms, onCpuMs });
    }
  }

  /**
   * The longest single piece of work so far, how many were measured, and their total time.
   * `longestWithoutPausesMs` is the longest once garbage-collection pauses inside each task
   * are taken out (among the longest tasks kept), and `pausesInLongestMs` how much of the
   * longest task they were; both undefined where pauses cannot be observed.
   */
  report(): {
    readonly longestMs: number;
    readonly longestLabel: string;
    readonly measured: number;
    readonly totalMs: number;
    readonly pausesInLongestMs: number | undefined;
    readonly longestWithoutPausesMs: number | undefined;
    readonly longestWithoutPausesLabel: string | undefined;
    /** How many tasks of each label ran. */
    readonly countsByLabel: Readonly<Record<string, number>>;
    /** The five longest, longest first, with their time on a CPU where known. */
    readonly longestTasks: readonly { readonly label: string; readonly ms: number; readonly onCpuMs: number | undefined }[];
    /**
     * The most time on a CPU any of the longest tasks kept had, and its label: the host held
     * by the work itself, without the time other processes had the CPU. Undefined where unknown.
     */
    readonly longestOnCpuMs: number | undefined;
    readonly longestOnCpuLabel: string | undefined;
  } {
    const first = this.longest[0];
    let withoutPauses: { ms: number; label: string } | undefined;
    if (this.observer) {
      for (const task of this.longest) {
        const ms = task.ms - this.pausedDuring(task);
        if (!withoutPauses || ms > withoutPauses.ms) withoutPauses = { ms, label: task.label };
      }
    }
    let onCpu: { ms: number; label: string } | undefined;
    for (const task of this.longest) if (task.onCpuMs !== undefined && (!onCpu || task.onCpuMs > onCpu.ms)) onCpu = { ms: task.onCpuMs, label: task.label };
    return {
      longestMs: first?.ms ?? 0,
      longestLabel: first?.label ?? '',
      measured: this.count,
      totalMs: this.total,
      pausesInLongestMs: this.observer && first ? this.pausedDuring(first) : undefined,
      longestWithoutPausesMs: withoutPauses?.ms,
      longestWithoutPausesLabel: withoutPauses?.label,
      countsByLabel: Object.fromEntries(this.byLabel),
      longestTasks: this.longest.slice(0, 5).map(({ label, ms, onCpuMs }) => ({ label, ms, onCpuMs })),
      longestOnCpuMs: onCpu?.ms,
      longestOnCpuLabel: onCpu?.label,
    };
  }

  reset(): void {
    this.longest = [];
    this.count = 0;
    this.total = 0;
    this.byLabel = new Map();
  }

  dispose(): void {
    this.observer?.disconnect();
    this.cpu.dispose();
  }

  /** Keeps the task if it is among the longest, longest first. */
  private keep(task: Task): void {
    if (this.longest.length === KEPT_TASKS && task.ms <= this.longest[KEPT_TASKS - 1]!.ms) return;
    const at = this.longest.findIndex((t) => t.ms < task.ms);
    this.longest.splice(at === -1 ? this.longest.length : at, 0, task);
    if (this.longest.length > KEPT_TASKS) this.longest.pop();
  }

  private pausedDuring(task: Task): number {
    const end = task.start + task.ms;
    let paused = 0;
    for (const pause of this.pauses) paused += Math.max(0, Math.min(end, pause.end) - Math.max(task.start, pause.start));
    return paused;
  }
}
