import type { WorkMeter } from './workMeter';

export interface Slicing {
  /** How long one slice may hold the thread before the rest waits for the next turn. */
  readonly budgetMs: number;
  readonly meter: WorkMeter;
  /** How the meter names each slice. */
  readonly label: string;
  /** True once the result is no longer wanted (a newer run started): the work stops there. */
  readonly stale: () => boolean;
}

/**
 * Runs `step` on each item in slices of about `budgetMs`, letting the extension host's
 * other work in between them (one turn of its event loop), so work that grows with the
 * workspace never holds the host for long. Resolves to false if it stopped because the
 * result went stale.
 */
export async function inSlices<T>(items: readonly T[], step: (item: T, index: number) => void, slicing: Slicing): Promise<boolean> {
  let next = 0;
  while (next < items.length) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (slicing.stale()) return false;
    slicing.meter.run(slicing.label, () => {
      const until = performance.now() + slicing.budgetMs;
      do {
        step(items[next]!, next);
        next++;
      } while (next < items.length && performance.now() < until);
    });
  }
  return !slicing.stale();
}
