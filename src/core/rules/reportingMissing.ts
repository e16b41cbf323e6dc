import type { Rule } from './rule';

const EXPECTED = [
  { cadence: 'weekly', what: 'weekly status' },
  { cadence: 'monthly', what: 'monthly performance review' },
  { cadence: 'quarterly', what: 'quarterly strategic assessment' },
] as const;

export const reportingMissing: Rule = {
  id: 'reporting-missing',
  defaultSeverity: 'info',
  docs: {
    summary: 'The reporting has no weekly status, no monthly review, or no quarterly assessment.',
    rationale: 'The three cadences keep the engagement accountable at three depths: what happened this week, whether the KPIs move, and whether the goals are still the right ones. Without them an engagement drifts.',
    fix: 'Add the missing items under `reporting`, e.g. a 30-minute weekly async status, a 60-minute monthly review meeting and a 90-minute quarterly assessment.',
  },
  check({ model, report }) {
    const cadences = new Set((model.reporting ?? []).map((r) => r.cadence));
    const missing = EXPECTED.filter((e) => !cadences.has(e.cadence)).map((e) => e.what);
    if (missing.length === 0) return;
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
    report(['reporting'], `The reporting has no ${list}: add ${missing.length === 1 ? 'it' : 'them'} under \`reporting\`, each with its \`cadence\`.`, { part: 'key' });
  },
};
