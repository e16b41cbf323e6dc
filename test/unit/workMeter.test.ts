import * as assert from 'node:assert/strict';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WorkMeter } from '../../src/extension/workMeter';

/** A full garbage collection on demand (the flag is set for this process, the function taken from a fresh context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The process's time on a CPU since `start`, in milliseconds. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** A turn of the event loop, for observers notified in the same one to have run. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the work meter', () => {
  it('keeps the longest task, counts and sums them', () => {
    const meter = new WorkMeter();
    try {
      const spin = (ms: number): void => {
        const until = performance.now() + ms;
        while (performance.now() < until) {
          // hold the thread
        }
      };
      assert.equal(meter.run('short', () => 7), 7);
      meter.run('long', () => spin(5));
      assert.throws(() => meter.run('failing', () => assert.fail('a task that throws is still measured')));
      const report = meter.report();
      assert.equal(report.measured, 3);
      assert.equal(report.longestLabel, 'long');
      assert.ok(report.longestMs >= 5, `${report.longestMs} ms`);
      assert.ok(report.totalMs >= report.longestMs);
      assert.deepEqual(report.countsByLabel, { short: 1, long: 1, failing: 1 });
      assert.equal(report.longestTasks[0]?.label, 'long');
      assert.equal(report.longestTasks.length, 3);
      meter.reset();
      assert.deepEqual([meter.report().measured, meter.report().longestMs, meter.report().countsByLabel], [0, 0, {}]);
    } finally {
      meter.dispose();
    }
  });

  it('tells a task that held the CPU from one that waited off it, where the system says', () => {
    const meter = new WorkMeter();
    try {
      meter.run('waits', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40));
      meter.run('spins', () => {
        // Spin until the process has had 40 ms on a CPU, however long a busy machine makes
        // that take: a spin timed by the wall clock gets less CPU time the busier the machine.
        const start = process.cpuUsage();
        while (cpuMsSince(start) < 40) {
          // hold the CPU
        }
      });
      if (process.platform !== 'linux') {
        // The thread's time on a CPU comes from Linux's scheduler statistics: elsewhere nothing is claimed.
        assert.equal(meter.report().longestOnCpuMs, undefined);
        return;
      }
      const [waits, spins] = ['waits', 'spins'].map((label) => meter.report().longestTasks.find((t) => t.label === label)!);
      assert.ok(waits!.ms >= 40 && spins!.ms >= 20, JSON.stringify(meter.report().longestTasks));
      // The scheduler updates a running thread's figure at least once per tick (a few ms).
      assert.ok(waits!.onCpuMs! < 15, `waiting held the CPU ${waits!.onCpuMs} ms`);
      assert.ok(spins!.onCpuMs! > 20, `spinning held the CPU only ${spins!.onCpuMs} ms`);
      assert.equal(meter.report().longestOnCpuLabel, 'spins');
    } finally {
      meter.dispose();
    }
  });

  it('tells how much of the longest task was a garbage-collection pause', async () => {
    const meter = new WorkMeter();
    // Observed after the meter's own observer, so once this one has the pause, so has the meter.
    const observed = new Promise<void>((resolve) => {
      const observer = new PerformanceObserver(() => {
        observer.disconnect();
        resolve();
      });
      observer.observe({ entryTypes: ['gc'] });
    });
    try {
      meter.run('collects', () => {
        const garbage = Array.from({ length: 200_000 }, (_, i) => ({ i }));
        assert.ok(garbage.length > 0);
        collectGarbage();
      });
      await observed;
      await nextTurn();
      const report = meter.report();
      assert.equal(report.longestLabel, 'collects');
      assert.ok(report.pausesInLongestMs! > 0, `pauses: ${report.pausesInLongestMs}`);
      assert.ok(report.pausesInLongestMs! <= report.longestMs + 0.01);
      assert.ok(Math.abs(report.longestWithoutPausesMs! - (report.longestMs - report.pausesInLongestMs!)) < 0.01);
    } finally {
      meter.dispose();
    }
  });
});
