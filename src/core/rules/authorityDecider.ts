import type { Rule } from './rule';
import { allRows } from './authorityHelpers';

export const authorityDecider: Rule = {
  id: 'authority-decider',
  defaultSeverity: 'error',
  docs: {
    summary: 'A decision row has two or more `decide` parties (error) or none (warning).',
    rationale: 'Each decision needs exactly one party who can act alone. Two deciders deadlock or overrule each other; none means the decision waits for whoever cares most.',
    fix: 'Keep exactly one `decide` per row; turn the others into `approve`, `recommend` or `consult`.',
    severities: 'error for two or more deciders, warning for none',
  },
  check({ model, report }) {
    for (const row of allRows(model)) {
      const deciders = row.assignments.filter((a) => a.level === 'decide');
      const what = row.decision ? `"${row.decision}"` : 'This decision';
      if (deciders.length >= 2) {
        const names = deciders.map((d) => `\`${d.party}\``).join(', ');
        for (const extra of deciders.slice(1)) {
          report(extra.path, `${what} has ${deciders.length} deciders (${names}): exactly one party should decide. Keep \`decide\` for one and give the others \`approve\`, \`consult\` or \`inform\`.`, { part: 'key' });
        }
      } else if (deciders.length === 0) {
        report(row.decision !== undefined ? [...row.path, 'decision'] : row.path, `${what} has no decider: give one party the \`decide\` level.`, { severity: 'warning' });
      }
    }
  },
};
