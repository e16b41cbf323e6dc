import type { Rule } from './rule';

export const planDiagnosticFirst: Rule = {
  id: 'plan-diagnostic-first',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The first phase of the plan is not of kind `diagnostic`.',
    rationale: 'Changing things before understanding them treats symptoms instead of causes and meets resistance that a few weeks of interviews and data would have avoided.',
    fix: 'Start the plan with a `kind: diagnostic` phase (classically days 1-30): interviews, data, assessment, then the plan.',
  },
  check({ model, report }) {
    const phases = model.plan?.phases ?? [];
    if (phases.length === 0) return;
    // The first phase in time; phases without days keep their place in the list.
    const first = [...phases].sort((a, b) => (a.days?.first ?? Infinity) - (b.days?.first ?? Infinity))[0]!;
    if (first.kind === 'diagnostic') return;
    const name = `\`${first.id ?? first.name ?? '?'}\``;
    const message = first.kind
      ? `The plan starts with a phase of kind \`${first.kind}\` (${name}): start with a \`kind: diagnostic\` phase, to understand before changing.`
      : `The first phase (${name}) has no \`kind\`: start the plan with a \`kind: diagnostic\` phase.`;
    report(first.kind ? [...first.path, 'kind'] : [...first.path, 'id'], message);
  },
};
