import type { Rule } from './rule';
import { areaPath, levelOf, rowsOf } from './authorityHelpers';

export const authorityProcess: Rule = {
  id: 'authority-process',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The executive (`exec`) does not decide any `process` row.',
    rationale: 'An operation improves when the way it works changes. An executive who may not change it can only watch and report.',
    fix: 'Give `exec` the `decide` level on process changes within their function (sales stages, campaigns, reporting, cadences).',
  },
  check({ model, report }) {
    if (!model.authority) return;
    if (rowsOf(model, 'process').some((row) => levelOf(row, 'exec') === 'decide')) return;
    report(areaPath(model, 'process'), 'The executive cannot decide any process change: they can describe what to change but not change it. Give `exec: decide` on the process changes within their function (stages, campaigns, cadences).', { part: 'key' });
  },
};
