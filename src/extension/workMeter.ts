/**
 * Measures the extension's own synchronous work on the extension host's thread: every
 * analysis, index update and diagnostics publication runs through `run`, so the longest
 * time the host was held by this extension is known, not guessed. Cheap enough to stay on.
 */
export class WorkMeter {
  private longest = { ms: 0, label: '' };
  private count = 0;
  private total = 0;

  run<T>(label: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - started;
      this.count++;
      this.total += ms;
      if (ms > this.longest.ms) this.longest = { ms, label };
    }
  }

  /** The longest single piece of work so far, how many were measured, and their total time. */
  report(): { readonly longestMs: number; readonly longestLabel: string; readonly measured: number; readonly totalMs: number } {
    return { longestMs: this.longest.ms, longestLabel: this.longest.label, measured: this.count, totalMs: this.total };
  }

  reset(): void {
    this.longest = { ms: 0, label: '' };
    this.count = 0;
    this.total = 0;
  }
}
