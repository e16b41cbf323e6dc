import * as assert from 'node:assert/strict';
import { inSlices } from '../../src/extension/slicedWork';
import { WorkMeter } from '../../src/extension/workMeter';

/** Holds the thread for about `ms`, as a step of real work would. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('work in slices', () => {
  it('runs every item once, in order, in slices that let other work in between', async () => {
    const meter = new WorkMeter();
    const seen: number[] = [];
    const between: number[] = [];
    // Other work queued on the event loop while the slices run: it must get turns.
    const other = setInterval(() => between.push(seen.length), 0);
    try {
      const done = await inSlices([...Array(20).keys()], (item, index) => {
        assert.equal(item, index);
        seen.push(item);
        busy(1);
      }, { budgetMs: 4, meter, label: 'test', stale: () => false });
      assert.equal(done, true);
    } finally {
      clearInterval(other);
    }
    assert.deepEqual(seen, [...Array(20).keys()]);
    // Each item holds the thread 1 ms or more, and a slice ends once 4 ms have passed.
    const slices = meter.report().measured;
    assert.ok(slices >= 4, `${slices} slices`);
    assert.ok(between.some((n) => n > 0 && n < 20), `other work ran between slices: ${between.join(',')}`);
  });

  it('stops at the next slice once its result is stale', async () => {
    const seen: number[] = [];
    let stale = false;
    const done = await inSlices([...Array(20).keys()], (item) => {
      seen.push(item);
      busy(1);
      stale = true; // a newer run started during this slice
    }, { budgetMs: 3, meter: new WorkMeter(), label: 'test', stale: () => stale });
    assert.equal(done, false);
    assert.ok(seen.length > 0 && seen.length < 20, `${seen.length} items done`);
  });

  it('resolves at once for no items', async () => {
    assert.equal(await inSlices([], () => assert.fail('no step'), { budgetMs: 1, meter: new WorkMeter(), label: 'test', stale: () => false }), true);
  });
});
