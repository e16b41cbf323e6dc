import { formatSpan } from '../model/dayRange';
import type { Rule } from './rule';

export const planActivityOutsidePhase: Rule = {
  id: 'plan-activity-outside-phase',
  defaultSeverity: 'warning',
  docs: {
    summary: 'An activity\'s `weeks` or `days` fall outside the days of its phase.',
    rationale: 'An activity scheduled outside its phase makes the timeline contradict itself: either the activity or the phase is wrong.',
    fix: 'Move the activity within its phase (week 1 is days 1-7), or move it to the phase it belongs to.',
  },
  check({ model, report }) {
    for (const phase of model.plan?.phases ?? []) {
      if (!phase.days) continue;
      for (const activity of phase.activities) {
        if (!activity.span || !activity.spanKey) continue;
        if (activity.span.first >= phase.days.first && activity.span.last <= phase.days.last) continue;
        const name = activity.name ? `"${activity.name}"` : 'This activity';
        report(
          [...activity.path, activity.spanKey],
          `${name} runs on days ${formatSpan(activity.span)}, outside its phase \`${phase.id ?? '?'}\` (days ${formatSpan(phase.days)}): move it within those days (with \`days\` where weeks do not fit), or into the phase it belongs to.`,
        );
      }
    }
  },
};
