import type { Engagement } from './engagement';

/** Weeks in an average month, to turn days a week into days a month and back (the portfolio's load too). */
export const WEEKS_PER_MONTH = 4.33;
const HOURS_PER_DAY = 8;

export interface MonthlyCost {
  /** At the base commitment. */
  readonly base: number;
  /** During each surge with readable days and dates, in the order written (none for a monthly retainer). */
  readonly surges: readonly { readonly from: string; readonly until: string; readonly daysPerWeek: number; readonly cost: number }[];
}

/**
 * The estimated cost of a month from the rate and the commitment: at the base commitment,
 * and during each surge, which a day or hour rate bills at its own days a week. Undefined
 * without a rate, or without a commitment to apply a day or hour rate to.
 */
export function monthlyCost(model: Engagement): MonthlyCost | undefined {
  const rate = model.fees?.rate;
  if (!rate || rate.amount === undefined || !rate.per) return undefined;
  if (rate.per === 'month') return { base: rate.amount, surges: [] };
  const perDay = rate.amount * (rate.per === 'hour' ? HOURS_PER_DAY : 1);
  const c = model.commitment;
  const daysPerMonth = c?.daysPerMonth ?? (c?.daysPerWeek !== undefined ? c.daysPerWeek * WEEKS_PER_MONTH : undefined);
  if (daysPerMonth === undefined) return undefined;
  const surges = (c?.surges ?? []).flatMap((s) =>
    s.daysPerWeek !== undefined && s.from !== undefined && s.until !== undefined ? [{ from: s.from, until: s.until, daysPerWeek: s.daysPerWeek, cost: perDay * s.daysPerWeek * WEEKS_PER_MONTH }] : [],
  );
  return { base: perDay * daysPerMonth, surges };
}
