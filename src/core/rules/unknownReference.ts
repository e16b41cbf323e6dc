import type { Rule } from './rule';
import { closest } from '../schema/closest';

const NOUNS = { kpi: 'KPI', phase: 'phase', decision: 'decision', party: 'party', activity: 'activity' } as const;
const WHERE = {
  kpi: 'under `kpis`',
  phase: 'under `plan.phases`',
  decision: 'as an `id` of a row in `authority`',
  party: 'under `parties` (`exec` and `ceo` always exist)',
  activity: 'in the phase',
} as const;

export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  docs: {
    summary: 'A party, KPI, phase or decision id is used but never declared.',
    rationale: 'A reference to nothing is usually a typo or a renamed id; the link it was meant to make (a bonus to its KPI, a KPI to the authority that moves it) silently disappears.',
    fix: 'Correct the id, or declare it: parties under `parties`, KPIs under `kpis`, phases under `plan.phases`, decisions with an `id` in an authority row.',
  },
  check({ symbols, model, report }) {
    const declared = new Map<string, string[]>();
    for (const entry of symbols.declarations) {
      const list = declared.get(entry.kind) ?? [];
      list.push(entry.id);
      declared.set(entry.kind, list);
    }
    declared.set('party', model.parties.map((p) => p.id));
    for (const ref of symbols.references) {
      const known = declared.get(ref.kind) ?? [];
      if (known.includes(ref.id)) continue;
      const guess = closest(ref.id, known);
      const hint = guess ? ` Did you mean \`${guess}\`?` : '';
      report(ref.path, `Unknown ${NOUNS[ref.kind]} \`${ref.id}\`: declare it ${WHERE[ref.kind]}.${hint}`, { part: ref.onKey ? 'key' : 'value' });
    }
  },
};
