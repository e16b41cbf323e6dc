/**
 * Calendar arithmetic on whole days. A day is a number (days since 1970-01-01, UTC) so that
 * comparisons and spans are plain integer maths and no time zone can shift a date.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function isCalendarDate(text: string): boolean {
  return parseDay(text) !== undefined;
}

/** `YYYY-MM-DD` → day number, or `undefined` when it is not a real date. */
export function parseDay(text: unknown): Day | undefined {
  // Read digit by digit: dates are parsed for every date field of every file analyzed.
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

export function formatDay(day: Day): string {
  const { year, month, day: date } = civilFromDays(day);
  if (year < 0 || year > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

/** The number written with the digits from `start` to `end`, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (the well-known era-based method). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
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
