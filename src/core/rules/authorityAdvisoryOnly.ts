import type { Rule } from './rule';
import { allRows, levelOf } from './authorityHelpers';

export const authorityAdvisoryOnly: Rule = {
  id: 'authority-advisory-only',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The executive (`exec`) decides nothing anywhere in the authority matrix.',
    rationale: 'An executive who may only propose sits in a leader\'s chair with an adviser\'s powers. With a few months of part-time work to show results, every decision that waits for someone else is time lost.',
    fix: 'Give `exec` the `decide` level on the decisions within their remit, with budget limits where needed.',
  },
  check({ model, report }) {
    if (!model.authority) return;
    if (allRows(model).some((row) => levelOf(row, 'exec') === 'decide')) return;
    report(['authority'], 'The executive decides nothing: with only advisory rights they cannot act on what they find. Give `exec: decide` on the decisions within their remit, with a `limit` where money is involved.', { part: 'key' });
  },
};
