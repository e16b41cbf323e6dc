import { daysAMonth, daysAWeek } from '../text/numbers';
import type { Rule } from './rule';

export const commitmentTooLow: Rule = {
  id: 'commitment-too-low',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The executive is to lead (`mandate.mode: lead`) on less than 2 days a week (8 days a month).',
    rationale: 'At one day a week an executive can give direction but cannot drive change. Leading a function takes two to three days a week.',
    fix: 'Raise the commitment to at least 2 days a week, or set `mandate.mode: advise` if the executive is there to advise.',
  },
  check({ model, report }) {
    const c = model.commitment;
    if (!c || (model.mandate?.mode ?? 'lead') !== 'lead') return;
    if (c.daysPerWeek !== undefined && c.daysPerWeek < 2) {
      report(['commitment', 'days-per-week'], `${daysAWeek(c.daysPerWeek)} is too little to lead a function: plan at least 2, or set \`mandate.mode: advise\`.`);
    } else if (c.daysPerWeek === undefined && c.daysPerMonth !== undefined && c.daysPerMonth < 8) {
      report(['commitment', 'days-per-month'], `${daysAMonth(c.daysPerMonth)} is too little to lead a function: plan at least 8, or set \`mandate.mode: advise\`.`);
    }
  },
};
