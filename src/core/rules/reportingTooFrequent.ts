import type { Rule } from './rule';

export const reportingTooFrequent: Rule = {
  id: 'reporting-too-frequent',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A reporting item has `cadence: daily`.',
    rationale: 'Daily reports spend the scarcest resource, the executive\'s hours, on accounting for them, and treat a leader like a contractor. If daily tracking feels necessary, the problem is trust.',
    fix: 'Report weekly (async), review monthly (meeting) and assess quarterly.',
  },
  check({ model, report }) {
    for (const item of model.reporting ?? []) {
      if (item.cadence === 'daily') {
        report([...item.path, 'cadence'], `Daily reporting${item.name ? ` ("${item.name}")` : ''} treats the executive like a contractor: a weekly async status is enough.`);
      }
    }
  },
};
