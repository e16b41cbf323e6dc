import type { Rule } from './rule';
import { areaPath, levelOf, rowsOf } from './authorityHelpers';

export const authorityProcess: Rule = {
  id: 'authority-process',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The executive (`exec`) does not decide any `process` row.',
    rationale: 'An executive hired to improve an operation who cannot change how it works is an observer, not a leader.',
    fix: 'Give `exec` the `decide` level on process changes within their function (sales stages, campaigns, reporting, cadences).',
  },
  check({ model, report }) {
    if (!model.authority) return;
    if (rowsOf(model, 'process').some((row) => levelOf(row, 'exec') === 'decide')) return;
    report(areaPath(model, 'process'), 'The executive cannot decide any process change: they can observe the operation but not improve it.', { part: 'key' });
  },
};
