import type { Engagement } from '../model/engagement';
import { allRows } from '../rules/authorityHelpers';
import type { SymbolKind } from '../symbols';

/** Markdown that says what an id refers to, for hovers and completion details. */
export function describeSymbol(model: Engagement, kind: SymbolKind, id: string): string | undefined {
  switch (kind) {
    case 'kpi': {
      const kpi = model.kpis.find((k) => k.id === id);
      if (!kpi) return undefined;
      const unit = kpi.unit ? ` ${kpi.unit}` : '';
      const goal = kpi.baseline !== undefined && kpi.target !== undefined ? `\n\n${kpi.baseline}${unit} → ${kpi.target}${unit}${kpi.by ? ` by ${kpi.by}` : ''}` : '';
      return `**KPI** \`${id}\`: ${kpi.name ?? ''}${kpi.type ? ` (${kpi.type})` : ''}${goal}`;
    }
    case 'phase': {
      const phase = model.plan?.phases.find((p) => p.id === id);
      if (!phase) return undefined;
      const days = phase.days ? `, days ${phase.days.first}-${phase.days.last}` : '';
      return `**Phase** \`${id}\`: ${phase.name ?? id}${phase.kind ? ` (${phase.kind})` : ''}${days}${phase.goal ? `\n\n${phase.goal}` : ''}`;
    }
    case 'decision': {
      const row = allRows(model).find((r) => r.id === id);
      if (!row) return undefined;
      const levels = row.assignments.filter((a) => a.level).map((a) => `\`${a.party}\` ${a.level}`).join(' · ');
      return `**Decision** \`${id}\` (${row.area}): ${row.decision ?? ''}${row.limit !== undefined ? `, up to ${row.limit} ${model.currency}` : ''}\n\n${levels}`;
    }
    case 'party': {
      const party = model.parties.find((p) => p.id === id);
      if (id === 'exec') return `**Party** \`exec\`: the fractional executive${model.executive?.name ? `, ${model.executive.name}` : ''}${model.executive?.role ? ` (${model.executive.role})` : ''}`;
      if (id === 'ceo' && (!party || party.implicit)) return "**Party** `ceo`: the client's CEO";
      if (!party) return undefined;
      return `**Party** \`${id}\`${party.name ? `: ${party.name}` : ''}${party.title ? `, ${party.title}` : ''}`;
    }
    case 'activity':
      return `**Activity** \`${id}\``;
  }
}
