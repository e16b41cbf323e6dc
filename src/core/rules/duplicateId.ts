import type { Rule } from './rule';

const NOUNS = { kpi: 'KPI', phase: 'phase', decision: 'decision', activity: 'activity in this phase', party: 'party' } as const;

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  docs: {
    summary: 'Two KPIs, phases, decisions, or activities within one phase share an id.',
    rationale: 'Ids are how quick wins, initiatives, bonuses and KPIs point at each other. A shared id makes every such reference ambiguous.',
    fix: 'Give each one its own id. Activity ids only need to be unique within their phase.',
  },
  check({ symbols, report }) {
    const seen = new Map<string, true>();
    for (const entry of symbols.declarations) {
      if (entry.kind === 'party') continue; // party ids are map keys: YAML already forbids duplicates
      const key = `${entry.kind}\u0000${entry.scope ?? ''}\u0000${entry.id}`;
      if (seen.has(key)) report(entry.path, `Another ${NOUNS[entry.kind]} already has the id \`${entry.id}\`: give this one an id of its own, and update what refers to it.`);
      else seen.set(key, true);
    }
  },
};
