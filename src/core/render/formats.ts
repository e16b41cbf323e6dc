import { formatDay, parseDay, type Day } from '../model/dates';
import { formatAmount, formatNumber } from '../text/numbers';

/**
 * How dates, numbers and money read in a copy for a client. Without a locale, as everywhere
 * else in the product: ISO dates and grouped numbers with the unit after them. With one
 * (`--locale de-DE`), each the way that locale writes it, money in the engagement's currency,
 * the same in every section and format.
 */
export interface Formats {
  readonly locale?: string;
  /** A day, or a date as written (`YYYY-MM-DD`; anything else is kept as written). */
  date(day: Day | string): string;
  /** A week's first day, short: a label on a time axis. */
  week(day: Day): string;
  number(value: number): string;
  /** A value with its unit; a unit that is the currency is money. */
  amount(value: number | undefined, unit?: string): string;
  money(value: number, currency: string): string;
}

/** Whether a locale tag is one this runtime knows. */
export function isKnownLocale(locale: string): boolean {
  if (!/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(locale)) return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

export function formatsFor(locale: string | undefined, currency: string): Formats {
  const asDay = (day: Day | string): Day | undefined => (typeof day === 'number' ? day : parseDay(day));
  if (!locale) {
    return {
      date: (day) => (typeof day === 'number' ? formatDay(day) : day),
      week: (day) => formatDay(day).slice(5),
      number: formatNumber,
      amount: (value, unit) => formatAmount(value, unit),
      money: (value, code) => formatAmount(value, code),
    };
  }
  const dates = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const weeks = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const money = (value: number, code: string): string => {
    let format = moneyFormats.get(code);
    if (!format) {
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency: code, maximumFractionDigits: 0 });
      } catch {
        // A currency the runtime does not know: the number, and the code as written.
        return `${numbers.format(value)} ${code}`;
      }
      moneyFormats.set(code, format);
    }
    return format.format(value);
  };
  return {
    locale,
    date: (day) => {
      const d = asDay(day);
      return d === undefined ? String(day) : dates.format(new Date(d * 86_400_000));
    },
    week: (day) => weeks.format(new Date(day * 86_400_000)),
    number: (value) => numbers.format(value),
    amount: (value, unit) => (value === undefined ? '–' : unit === currency ? money(value, currency) : unit ? `${numbers.format(value)} ${unit}` : numbers.format(value)),
    money,
  };
}
