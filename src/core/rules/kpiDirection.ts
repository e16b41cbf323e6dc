import { formatNumber } from '../text/numbers';
import { kpiLabel } from './labels';
import type { Rule } from './rule';

export const kpiDirection: Rule = {
  id: 'kpi-direction',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A KPI\'s target equals its baseline, or its `direction` contradicts baseline → target.',
    rationale: 'A target equal to the baseline cannot be met or missed; a direction that points away from the target flips every status.',
    fix: 'Correct the target, or the direction (`increase` when higher is better, `decrease` when lower is).',
  },
  check({ model, report }) {
    for (const kpi of model.kpis) {
      const { baseline, target, direction } = kpi;
      if (baseline === undefined || target === undefined) continue;
      const name = kpiLabel(kpi);
      if (baseline === target) {
        report([...kpi.path, 'target'], `${name} has its target equal to its baseline (${formatNumber(target)}): it can neither be met nor missed. Set the value to reach.`);
      } else if (direction === 'increase' && target < baseline) {
        report([...kpi.path, 'direction'], `${name} should \`increase\`, but its target (${formatNumber(target)}) is below its baseline (${formatNumber(baseline)}): correct the target, or make the direction \`decrease\` if lower is better.`);
      } else if (direction === 'decrease' && target > baseline) {
        report([...kpi.path, 'direction'], `${name} should \`decrease\`, but its target (${formatNumber(target)}) is above its baseline (${formatNumber(baseline)}): correct the target, or make the direction \`increase\` if higher is better.`);
      }
    }
  },
};
