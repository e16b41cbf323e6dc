import { daysAWeek } from '../text/numbers';
import { addMonths, parseDay } from '../model/dates';
import type { Rule } from './rule';

export const surgeTooLong: Rule = {
  id: 'surge-too-long',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A surge of 4 or more days a week lasts longer than 6 months.',
    rationale: 'Four days a week is near full-time; it suits a transition of three to six months. Longer, it is a full-time role without the name, and the executive\'s other clients suffer.',
    fix: 'End the surge within 6 months and step down to a sustainable cadence, or discuss a full-time role.',
  },
  check({ model, report }) {
    for (const surge of model.commitment?.surges ?? []) {
      const from = parseDay(surge.from);
      const until = parseDay(surge.until);
      if (surge.daysPerWeek === undefined || surge.daysPerWeek < 4 || from === undefined || until === undefined) continue;
      if (until > addMonths(from, 6) - 1) {
        report([...surge.path, 'until'], `A surge of ${daysAWeek(surge.daysPerWeek)} from ${surge.from} to ${surge.until} lasts more than 6 months: near full-time for too long. End it within 6 months, or lower it below 4 days a week.`);
      }
    }
  },
};
