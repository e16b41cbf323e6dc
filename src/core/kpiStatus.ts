import { parseDay, type Day } from './model/dates';
import type { Engagement, Kpi, Schedule } from './model/engagement';
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
 * What a KPI's status is judged from, as plain data: a list of many engagements keeps this
 * (a few numbers per KPI) rather than the model, and can tell the status on any day.
 */
export interface KpiFacts {
  readonly baseline?: number;
  readonly target?: number;
  readonly direction?: 'increase' | 'decrease';
  readonly deadline?: Day;
  /** Dated actuals with a value, as [day, value]. */
  readonly actuals: readonly (readonly [Day, number])[];
}

/** The facts of a KPI, with the engagement's dates. */
export function kpiFacts(kpi: Kpi, schedule: Schedule): KpiFacts {
  const actuals: [Day, number][] = [];
  for (const actual of kpi.actuals) {
    const day = parseDay(actual.date);
    if (day !== undefined && actual.value !== undefined) actuals.push([day, actual.value]);
  }
  return { baseline: kpi.baseline, target: kpi.target, direction: directionOf(kpi), deadline: deadlineDay(kpi.by, schedule), actuals };
}

/**
 * Status of a KPI on a given day. The latest actual dated no later than `today` is compared
 * with the straight line from the baseline (at term start) to the target (at the deadline).
 */
export function kpiProgress(kpi: Kpi, model: Engagement, today: Day): KpiProgress {
  const schedule = scheduleOf(model);
  const facts = kpiFacts(kpi, schedule);
  let latest: { date: string; value: number; day: Day } | undefined;
  for (const actual of kpi.actuals) {
    const day = parseDay(actual.date);
    if (day === undefined || actual.value === undefined || day > today) continue;
    if (!latest || day >= latest.day) latest = { date: actual.date!, value: actual.value, day };
  }
  if (!latest) return { status: 'no-data', direction: facts.direction };
  return { ...judge(facts, schedule.termStart, latest.day, latest.value), latest: strip(latest), direction: facts.direction };
}

/** As `kpiProgress`, from the facts and the term's start: the status on `today`. */
export function kpiStatusOn(facts: KpiFacts, termStart: Day | undefined, today: Day): KpiStatus {
  let latest: readonly [Day, number] | undefined;
  for (const actual of facts.actuals) if (actual[0] <= today && (!latest || actual[0] >= latest[0])) latest = actual;
  return latest ? judge(facts, termStart, latest[0], latest[1]).status : 'no-data';
}

/** The status the latest actual (its day and value) gives, the line to the target starting at the term's start. */
function judge(facts: KpiFacts, start: Day | undefined, day: Day, value: number): { status: KpiStatus; expected?: number } {
  const { baseline, target, deadline, direction } = facts;
  if (baseline === undefined || target === undefined || start === undefined || deadline === undefined || !direction) return { status: 'no-data' };
  const sign = direction === 'increase' ? 1 : -1;
  if (sign * (value - target) >= 0) return { status: 'done' };

  const span = deadline - start;
  const elapsed = Math.min(Math.max(day - start, 0), Math.max(span, 0));
  const expected = span <= 0 ? target : baseline + ((target - baseline) * elapsed) / span;
  const expectedGain = sign * (expected - baseline);
  const actualGain = sign * (value - baseline);
  let status: KpiStatus;
  if (actualGain >= expectedGain) status = 'on-track';
  else if (expectedGain > 0 && actualGain >= AT_RISK_SHARE * expectedGain) status = 'at-risk';
  else status = 'off-track';
  return { status, expected };
}

function strip(latest: { date: string; value: number }): { date: string; value: number } {
  return { date: latest.date, value: latest.value };
}
