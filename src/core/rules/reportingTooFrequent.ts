import type { Rule } from './rule';

export const reportingTooFrequent: Rule = {
  id: 'reporting-too-frequent',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A reporting item has `cadence: daily`.',
    rationale: 'Daily reports spend the scarcest resource, the executive\'s hours, on accounting for those hours. A leader is judged on outcomes; when daily reporting feels needed, the relationship needs attention more than the reporting does.',
    fix: 'Report weekly (async), review monthly (meeting) and assess quarterly.',
  },
  check({ model, report }) {
    for (const item of model.reporting ?? []) {
      if (item.cadence === 'daily') {
        report([...item.path, 'cadence'], `Daily reporting${item.name ? ` ("${item.name}")` : ''} costs the executive time that should go to the work: make it a weekly async status (\`cadence: weekly\`).`);
      }
    }
  },
};
