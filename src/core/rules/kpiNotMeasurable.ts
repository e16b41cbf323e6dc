import { kpiLabel } from './labels';
import { writtenButInvalid, type Rule } from './rule';

/** What each field is, for the message: the reader learns what to write, not only its name. */
const MEANING = { baseline: "today's value", target: 'the value to reach', by: 'the date to reach it by' } as const;

export const kpiNotMeasurable: Rule = {
  id: 'kpi-not-measurable',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A KPI lacks a `baseline`, a `target` or a deadline (`by`).',
    rationale: 'A goal with no starting value, no number to reach or no date is a wish: at the end of the term, nobody can say whether the engagement worked.',
    fix: 'Give the KPI a `baseline` (today\'s value), a `target` and a `by` date (or `day N` of the plan).',
  },
  check({ model, report }) {
    for (const kpi of model.kpis) {
      const missing = (['baseline', 'target', 'by'] as const).filter((field) => kpi[field] === undefined && !writtenButInvalid(model, [...kpi.path, field]));
      if (missing.length === 0) continue;
      const name = kpiLabel(kpi);
      const what = missing.map((m) => `\`${m}\` (${MEANING[m]})`);
      report(kpi.id !== undefined ? [...kpi.path, 'id'] : kpi.path, `${name} is not measurable yet: add ${what.join(', ')}.`);
    }
  },
};
