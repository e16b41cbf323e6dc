import { formatSpan } from '../model/dayRange';
import type { Phase } from '../model/engagement';
import type { Rule } from './rule';

export const planCoverage: Rule = {
  id: 'plan-coverage',
  defaultSeverity: 'error',
  docs: {
    summary: 'Phases overlap (error), or leave gaps, start after day 1, or stop before or run past `plan.days` (warning).',
    rationale: 'A plan with holes leaves days where nobody knows what the engagement is doing; overlapping phases leave days where it does two contradictory things.',
    fix: 'Make the phases\' `days` follow each other: 1-30, 31-60, 61-90 for a 90-day plan.',
    severities: 'error for overlapping phases, warning for gaps and for a plan that starts late, ends early or overruns',
  },
  check({ model, report }) {
    const plan = model.plan;
    if (!plan) return;
    const phases = plan.phases.filter((p): p is Phase & { days: NonNullable<Phase['days']> } => p.days !== undefined);
    if (phases.length === 0) return;
    const ordered = [...phases].sort((a, b) => a.days.first - b.days.first || a.days.last - b.days.last);
    const label = (p: Phase): string => `\`${p.id ?? p.name ?? '?'}\``;
    const at = (p: Phase): (string | number)[] => [...p.path, 'days'];
    const warn = { severity: 'warning' } as const;

    if (ordered[0]!.days.first > 1) report(at(ordered[0]!), `The plan starts on day ${ordered[0]!.days.first}: days ${formatSpan({ first: 1, last: ordered[0]!.days.first - 1 })} belong to no phase. Start the first phase on day 1.`, warn);
    let reach = ordered[0]!;
    for (const phase of ordered.slice(1)) {
      if (phase.days.first <= reach.days.last) {
        report(at(phase), `Phase ${label(phase)} (days ${formatSpan(phase.days)}) overlaps phase ${label(reach)} (days ${formatSpan(reach.days)}): start it on day ${reach.days.last + 1}, after the other ends.`);
      } else if (phase.days.first > reach.days.last + 1) {
        report(at(phase), `Days ${formatSpan({ first: reach.days.last + 1, last: phase.days.first - 1 })} belong to no phase: phase ${label(phase)} starts on day ${phase.days.first}, after ${label(reach)} ends on day ${reach.days.last}. Start it on day ${reach.days.last + 1}, or extend the phase before.`, warn);
      }
      if (phase.days.last > reach.days.last) reach = phase;
    }
    if (reach.days.last < plan.days) {
      report(at(reach), `The last phase ends on day ${reach.days.last}, but the plan has ${plan.days} days: days ${formatSpan({ first: reach.days.last + 1, last: plan.days })} belong to no phase. Extend the phase to day ${plan.days}, or set \`plan.days\` to ${reach.days.last}.`, warn);
    } else if (reach.days.last > plan.days) {
      report(at(reach), `Phase ${label(reach)} runs to day ${reach.days.last}, past the plan's ${plan.days} days: extend \`plan.days\` or shorten the phase.`, warn);
    }
  },
};
