import { parseDay, type Day } from './model/dates';
import type { Engagement, Kpi } from './model/engagement';
import { deadlineDay, scheduleOf } from './model/schedule';

export type KpiStatus = 'on-track' | 'at-risk' | 'off-track' | 'done' | 'no-data';

/**
 * How far `value` has come from `from` towards `to`, clamped to 0–1; undefined when the two
 * ends are equal. Every term is halved first, so values up to the largest a number holds
 * (a YAML `1e308`) give a share rather than Infinity minus Infinity.
 */
export function shareOfWay(value: number, from: number, to: number): number | undefined {
  const way = to / 2 - from / 2;
  if (way === 0) return undefined;
  const share = (value / 2 - from / 2) / way;
  return Number.isNaN(share) ? undefined : Math.max(0, Math.min(1, share));
}

/** Share of the expected progress below which a KPI is off track rather than at risk. */
export const AT_RISK_SHARE = 0.7;

export interface KpiProgress {
  readonly status: KpiStatus;
  /** The latest actual on or before today, if any. */
  readonly latest?: { readonly date: string; readonly value: number };
  /** Where the straight line from baseline to target stands at the latest actual's date. */
  readonly expected?: number;
  readonly direction?: 'increase' | 'decrease';
}

/** Explicit direction, else inferred: a target above the baseline means higher is better. */
export function directionOf(kpi: Kpi): 'increase' | 'decrease' | undefined {
  if (kpi.direction) return kpi.direction;
  if (kpi.baseline === undefined || kpi.target === undefined || kpi.baseline === kpi.target) return undefined;
  return kpi.target > kpi.baseline ? 'increase' : 'decrease';
}

/**
 * Status of a KPI on a given day. The latest actual dated no later than `today` is compared
 * with the straight line from the baseline (at term start) to the target (at the deadline).
 */
export function kpiProgress(kpi: Kpi, model: Engagement, today: Day): KpiProgress {
  const schedule = scheduleOf(model);
  const direction = directionOf(kpi);
  let latest: { date: string; value: number; day: Day } | undefined;
  for (const actual of kpi.actuals) {
    const day = parseDay(actual.date);
    if (day === undefined || actual.value === undefined || day > today) continue;
    if (!latest || day >= latest.day) latest = { date: actual.date!, value: actual.value, day };
  }
  const start = schedule.termStart;
  const deadline = deadlineDay(kpi.by, schedule);
  const { baseline, target } = kpi;
  if (!latest || baseline === undefined || target === undefined || start === undefined || deadline === undefined || !direction) {
    return latest ? { status: 'no-data', latest: strip(latest), direction } : { status: 'no-data', direction };
  }
  const sign = direction === 'increase' ? 1 : -1;
  if (sign * (latest.value - target) >= 0) return { status: 'done', latest: strip(latest), direction };

  const span = deadline - start;
  const elapsed = Math.min(Math.max(latest.day - start, 0), Math.max(span, 0));
  const expected = span <= 0 ? target : baseline + ((target - baseline) * elapsed) / span;
  const expectedGain = sign * (expected - baseline);
  const actualGain = sign * (latest.value - baseline);
  let status: KpiStatus;
  if (actualGain >= expectedGain) status = 'on-track';
  else if (expectedGain > 0 && actualGain >= AT_RISK_SHARE * expectedGain) status = 'at-risk';
  else status = 'off-track';
  return { status, latest: strip(latest), expected, direction };
}

function strip(latest: { date: string; value: number }): { date: string; value: number } {
  return { date: latest.date, value: latest.value };
}
