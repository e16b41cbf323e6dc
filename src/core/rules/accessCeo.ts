import type { Rule } from './rule';

export const accessCeo: Rule = {
  id: 'access-ceo',
  defaultSeverity: 'warning',
  docs: {
    summary: 'No standing one-on-one with the CEO (`access.ceo-one-on-one`), or less often than every other week.',
    rationale: 'A fractional executive is only as effective as their line to the CEO: without regular time they cannot get decisions, support or attention when it matters.',
    fix: 'Set `access.ceo-one-on-one` to `weekly` or `biweekly`.',
  },
  check({ model, report }) {
    const cadence = model.access?.ceoOneOnOne;
    if (cadence === 'weekly' || cadence === 'biweekly') return;
    if (cadence === 'monthly') report(['access', 'ceo-one-on-one'], 'A monthly one-on-one with the CEO is too rare: make it weekly or biweekly.');
    else if (cadence === 'none') report(['access', 'ceo-one-on-one'], 'No standing one-on-one with the CEO: make it weekly or biweekly.');
    else report(['access', 'ceo-one-on-one'], 'No standing one-on-one with the CEO is agreed: add `ceo-one-on-one: weekly` (or `biweekly`) under `access`.');
  },
};
