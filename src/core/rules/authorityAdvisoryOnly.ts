import type { Rule } from './rule';
import { allRows, levelOf } from './authorityHelpers';

export const authorityAdvisoryOnly: Rule = {
  id: 'authority-advisory-only',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The executive (`exec`) decides nothing anywhere in the authority matrix.',
    rationale: 'An executive who can only recommend is a consultant with a bigger title: in a few months of part-time work, being unable to act is fatal to the return.',
    fix: 'Give `exec` the `decide` level on the decisions within their remit, with budget limits where needed.',
  },
  check({ model, report }) {
    if (!model.authority) return;
    if (allRows(model).some((row) => levelOf(row, 'exec') === 'decide')) return;
    report(['authority'], 'The executive decides nothing: with only advisory rights they cannot act on what they find.', { part: 'key' });
  },
};
