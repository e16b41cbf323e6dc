import type { Rule } from './rule';

export const kpiBalance: Rule = {
  id: 'kpi-balance',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The KPIs have no leading indicator, or no lagging indicator.',
    rationale: 'Lagging results (revenue, customers won) are what finally counts but move late; leading signals (pipeline created, win rate, qualified leads) show early whether the work takes effect. One kind alone leaves you blind early or unconvinced late.',
    fix: 'Add at least one KPI of the missing `type`.',
  },
  check({ model, report }) {
    if (model.kpis.length === 0) {
      report(['kpis'], 'No KPIs: agree on at least one leading and one lagging indicator before work starts.', { part: 'key' });
      return;
    }
    const types = new Set(model.kpis.map((k) => k.type));
    if (!types.has('leading')) report(['kpis'], 'No leading KPI: add an early signal (e.g. pipeline created, win rate) to see progress before results land.', { part: 'key' });
    if (!types.has('lagging')) report(['kpis'], 'No lagging KPI: add the result that finally counts (e.g. revenue growth).', { part: 'key' });
  },
};
