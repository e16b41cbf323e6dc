import { PerformanceObserver } from 'node:perf_hooks';

/** One measured piece of work, with when it ran (`performance.now()`). */
interface Task {
  readonly label: string;
  readonly start: number;
  readonly ms: number;
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
 * so a report can say how much of the longest tasks they were.
 */
export class WorkMeter {
  private longest: Task[] = [];
  private count = 0;
  private total = 0;
  private byLabel = new Map<string, number>();
  private readonly pauses: { start: number; end: number }[] = [];
  private readonly observer: PerformanceObserver | undefined;

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

  run<T>(label: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - start;
      this.count++;
      this.total += ms;
      this.byLabel.set(label, (this.byLabel.get(label) ?? 0) + 1);
      this.keep({ label, start, ms });
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
    /** The five longest, longest first. */
    readonly longestTasks: readonly { readonly label: string; readonly ms: number }[];
  } {
    const first = this.longest[0];
    let withoutPauses: { ms: number; label: string } | undefined;
    if (this.observer) {
      for (const task of this.longest) {
        const ms = task.ms - this.pausedDuring(task);
        if (!withoutPauses || ms > withoutPauses.ms) withoutPauses = { ms, label: task.label };
      }
    }
    return {
      longestMs: first?.ms ?? 0,
      longestLabel: first?.label ?? '',
      measured: this.count,
      totalMs: this.total,
      pausesInLongestMs: this.observer && first ? this.pausedDuring(first) : undefined,
      longestWithoutPausesMs: withoutPauses?.ms,
      longestWithoutPausesLabel: withoutPauses?.label,
      countsByLabel: Object.fromEntries(this.byLabel),
      longestTasks: this.longest.slice(0, 5).map(({ label, ms }) => ({ label, ms })),
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
