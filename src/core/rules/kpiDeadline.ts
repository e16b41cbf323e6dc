import { formatDay } from '../model/dates';
import { deadlineDay } from '../model/schedule';
import { kpiLabel } from './labels';
import type { Rule } from './rule';

export const kpiDeadline: Rule = {
  id: 'kpi-deadline',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A KPI\'s deadline (`by`) falls outside the term.',
    rationale: 'A target due before the engagement starts or after it ends is a goal nobody will be around to deliver or to judge.',
    fix: 'Move the deadline within the term, or extend the term.',
  },
  check({ model, schedule, report }) {
    const { termStart, termEnd } = schedule;
    if (termStart === undefined) return;
    for (const kpi of model.kpis) {
      const due = deadlineDay(kpi.by, schedule);
      if (due === undefined) continue;
      const name = kpiLabel(kpi);
      if (due < termStart) report([...kpi.path, 'by'], `${name} is due ${formatDay(due)}, before the term starts (${formatDay(termStart)}): move the deadline into the term.`);
      else if (termEnd !== undefined && due > termEnd) report([...kpi.path, 'by'], `${name} is due ${formatDay(due)}, after the term ends (${formatDay(termEnd)}): move the deadline into the term, or extend the term.`);
    }
  },
};
