/**
 * Made once: `toLocaleString` with options builds a formatter on every call, which took a
 * second of a thousand-file portfolio's run (the rule's messages name many numbers).
 */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * The one way numbers reach a person, in messages, the preview and the exports: grouped
 * thousands always (`9,000` beside `15,588`, never `9000`), at most two decimals, and the
 * unit after the number.
 */
export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}


/** A value with its unit (`%`, a currency code, `days`), or a dash when there is none. */
export function formatAmount(value: number | undefined, unit?: string): string {
  if (value === undefined) return '–';
  const text = formatNumber(value);
  return unit ? `${text} ${unit}` : text;
}

/** `1 day`, `2.5 days`: a count with its noun in the right number. */
export function countOf(value: number, singular: string, plural = `${singular}s`, number: (value: number) => string = formatNumber): string {
  return `${number(value)} ${value === 1 ? singular : plural}`;
}

/** `1 day a week`, `3 days a week` (`2,5 days a week` with a German number format). */
export function daysAWeek(value: number, number: (value: number) => string = formatNumber): string {
  return `${countOf(value, 'day', 'days', number)} a week`;
}

/** `1 day a month`, `8 days a month`. */
export function daysAMonth(value: number): string {
  return `${countOf(value, 'day')} a month`;
}
