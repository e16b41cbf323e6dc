/** An inclusive range of plan days (day 1 is the plan's start). */
export interface DaySpan {
  readonly first: number;
  readonly last: number;
}

/**
 * `"1-30"` → { first: 1, last: 30 }; one day or week, `12` or `"12"`, → { first: 12, last: 12 };
 * `undefined` if malformed or backwards (the schema has said why).
 */
export function parseDayRange(value: unknown): DaySpan | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 9999 ? { first: value, last: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^([1-9][0-9]{0,3})(?:-([1-9][0-9]{0,3}))?$/.exec(value);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return first <= last ? { first, last } : undefined;
}

/** Weeks `"2-3"` → days 8-21 (week 1 is days 1-7). */
export function weeksToDays(weeks: DaySpan): DaySpan {
  return { first: (weeks.first - 1) * 7 + 1, last: weeks.last * 7 };
}

export function formatSpan(span: DaySpan): string {
  return span.first === span.last ? String(span.first) : `${span.first}-${span.last}`;
}
