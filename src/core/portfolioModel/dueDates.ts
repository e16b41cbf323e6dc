import type { EngagementCard } from '../card';
import { addMonths, formatDay, type Day } from '../model/dates';
import { countOf } from '../text/numbers';
import type { DueKind } from './portfolioTypes';

/** A date that calls for a decision, before it is placed in a portfolio. */
export interface DueDate {
  readonly kind: DueKind;
  readonly day: Day;
  readonly what: string;
  /** Which part of the file to open: the term, or the reviews. */
  readonly at: 'term' | 'reviews';
}

/** Quarterly assessments are three months apart. */
const QUARTER_MONTHS = 3;

/**
 * The dates of one engagement that call for a decision: the end of its term, the last day to
 * give notice (`notice-days` before the end), and the next quarterly assessment (three
 * months after the last quarterly review held by `today`, or after the term's start when
 * there has been none). An assessment after the term's end is not due. Whether a date falls
 * in a window is the caller's choice.
 */
export function dueDates(card: EngagementCard, today: Day): DueDate[] {
  const start = card.schedule?.termStart;
  const end = card.schedule?.termEnd;
  const due: DueDate[] = [];
  if (end !== undefined) {
    due.push({ kind: 'term-end', day: end, what: 'Term ends', at: 'term' });
    const notice = card.model?.term?.noticeDays;
    if (notice !== undefined && notice > 0) due.push({ kind: 'notice', day: end - notice, what: `Last day to give notice (${countOf(notice, 'day')} before the end)`, at: 'term' });
  }
  let last: Day | undefined;
  for (const day of card.quarterlyReviews) if (day <= today && (last === undefined || day > last)) last = day;
  const from = last ?? start;
  if (from !== undefined) {
    const next = addMonths(from, QUARTER_MONTHS);
    const what = last === undefined ? 'First quarterly assessment' : `Quarterly assessment (last on ${formatDay(last)})`;
    if (end === undefined || next <= end) due.push({ kind: 'assessment', day: next, what, at: 'reviews' });
  }
  return due;
}
