/** An inclusive range of plan days (day 1 is the plan's start). */
export interface DaySpan {
  readonly first: number;
  readonly last: number;
}

/** `"1-30"` → { first: 1, last: 30 }; `undefined` if malformed or backwards. */
export function parseDayRange(text: unknown): DaySpan | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^([1-9][0-9]{0,3})-([1-9][0-9]{0,3})$/.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = Number(match[2]);
  return first <= last ? { first, last } : undefined;
}

/** Weeks `"2-3"` → days 8-21 (week 1 is days 1-7). */
export function weeksToDays(weeks: DaySpan): DaySpan {
  return { first: (weeks.first - 1) * 7 + 1, last: weeks.last * 7 };
}

export function formatSpan(span: DaySpan): string {
  return `${span.first}-${span.last}`;
}
