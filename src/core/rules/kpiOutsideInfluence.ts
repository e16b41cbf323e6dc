import { kpiLabel } from './labels';
import type { Rule } from './rule';
import { allRows, levelOf } from './authorityHelpers';

export const kpiOutsideInfluence: Rule = {
  id: 'kpi-outside-influence',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A KPI owned by the executive lists `authority` decisions on which the executive only consults, is informed, or has no level.',
    rationale: 'Holding someone to a number they cannot move is unfair and teaches nothing: a CMO judged on revenue without any say in sales execution.',
    fix: 'Give `exec` at least `recommend` on the listed decisions, hand the KPI to the party who decides (`owner`), or drop the decision from the KPI\'s `authority`.',
  },
  check({ model, report }) {
    const rows = new Map(allRows(model).flatMap((row) => (row.id ? [[row.id, row] as const] : [])));
    for (const kpi of model.kpis) {
      if (kpi.owner !== 'exec') continue;
      for (const ref of kpi.authority) {
        const row = rows.get(ref.id);
        if (!row) continue; // unknown-reference reports it
        const level = levelOf(row, 'exec');
        if (level === 'decide' || level === 'approve' || level === 'recommend') continue;
        const how = level ? `only has \`${level}\`` : 'has no say';
      const name = kpiLabel(kpi);
        report(ref.path, `The executive owns ${name} but ${how} on \`${ref.id}\`: they cannot move what this decision controls. Give \`exec\` at least \`recommend\` on it, make the deciding party the KPI's \`owner\`, or drop it from the KPI's \`authority\`.`);
      }
    }
  },
};
