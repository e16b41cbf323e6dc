import { formatDay } from '../model/dates';
import type { Rule } from './rule';

export const termDates: Rule = {
  id: 'term-dates',
  defaultSeverity: 'error',
  docs: {
    summary: '`term.end` is before `term.start`, the plan starts before the term, or the plan runs past the end of the term.',
    rationale: 'A schedule that cannot happen: work planned for days nobody is engaged.',
    fix: 'Correct the dates, shorten the plan (`plan.days`), or extend the term.',
  },
  check({ model, schedule, report }) {
    const { termStart, termEnd, planStart, planDays } = schedule;
    if (termStart === undefined) return;
    if (termEnd !== undefined && termEnd < termStart) {
      const at = model.term?.end !== undefined ? ['term', 'end'] : ['term', 'months'];
      report(at, `The term ends (${formatDay(termEnd)}) before it starts (${formatDay(termStart)}): correct one of the two dates.`);
      return;
    }
    if (planStart === undefined || model.plan === undefined) return;
    if (planStart < termStart) {
      report(['plan', 'start'], `The plan starts on ${formatDay(planStart)}, before the term starts (${formatDay(termStart)}): start the plan on or after the term's start.`);
    }
    const planEnd = planStart + planDays - 1;
    if (termEnd !== undefined && planEnd > termEnd) {
      // Point at what set the plan's length: its start when written, else `days` (or `plan`).
      const at = model.plan.start !== undefined ? ['plan', 'start'] : ['plan', 'days'];
      report(at, `The ${planDays}-day plan runs until ${formatDay(planEnd)}, past the end of the term (${formatDay(termEnd)}): shorten the plan (\`plan.days\`), start it earlier, or extend the term.`);
    }
  },
};
