/**
 * Calendar arithmetic on whole days. A day is a number (days since 1970-01-01, UTC) so that
 * comparisons and spans are plain integer maths and no time zone can shift a date.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(text: string): boolean {
  return parseDay(text) !== undefined;
}

/** `YYYY-MM-DD` → day number, or `undefined` when it is not a real date. */
export function parseDay(text: unknown): Day | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today in UTC, or the date given (`YYYY-MM-DD` or a Date), as a day number. */
export function dayOf(today: string | Date | undefined): Day {
  if (typeof today === 'string') {
    const parsed = parseDay(today);
    if (parsed !== undefined) return parsed;
  }
  const date = today instanceof Date ? today : new Date();
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/**
 * The day `months` calendar months after `day` (same day of month, clamped to the month's
 * end). A fractional part counts as that share of an average month (30.44 days).
 */
export function addMonths(day: Day, months: number): Day {
  const whole = Math.trunc(months);
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + whole;
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfTarget)) / MS_PER_DAY;
  return shifted + Math.round((months - whole) * 30.44);
}
