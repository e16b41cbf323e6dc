import type { Engagement } from './model/engagement';
import type { Path } from './types';

export type SymbolKind = 'kpi' | 'phase' | 'decision' | 'party' | 'activity';

/** A declared id or a reference to one, with the path of the id's value (or party key). */
export interface SymbolEntry {
  readonly kind: SymbolKind;
  readonly id: string;
  readonly path: Path;
  /** Whether `path` names a key (party keys in authority rows, party declarations). */
  readonly onKey: boolean;
  /** For activities: the phase path, since activity ids are unique within a phase only. */
  readonly scope?: string;
}

export interface SymbolTable {
  readonly declarations: readonly SymbolEntry[];
  readonly references: readonly SymbolEntry[];
}

/** Every id the file declares and every place that refers to one. */
export function collectSymbols(model: Engagement): SymbolTable {
  const declarations: SymbolEntry[] = [];
  const references: SymbolEntry[] = [];
  const declare = (kind: SymbolKind, id: string | undefined, path: Path, onKey = false, scope?: string): void => {
    if (id !== undefined) declarations.push(scope === undefined ? { kind, id, path, onKey } : { kind, id, path, onKey, scope });
  };
  const refer = (kind: SymbolKind, id: string | undefined, path: Path, onKey = false): void => {
    if (id !== undefined) references.push({ kind, id, path, onKey });
  };

  for (const party of model.parties) if (!party.implicit) declare('party', party.id, party.path, true);
  for (const kpi of model.kpis) {
    declare('kpi', kpi.id, [...kpi.path, 'id']);
    if (kpi.ownerDeclared) refer('party', kpi.owner, [...kpi.path, 'owner']);
    for (const ref of kpi.authority) refer('decision', ref.id, ref.path);
  }
  for (const rows of Object.values(model.authority?.areas ?? {})) {
    for (const row of rows) {
      declare('decision', row.id, [...row.path, 'id']);
      for (const assignment of row.assignments) refer('party', assignment.party, assignment.path, true);
    }
  }
  for (const phase of model.plan?.phases ?? []) {
    declare('phase', phase.id, [...phase.path, 'id']);
    for (const activity of phase.activities) {
      declare('activity', activity.id, [...activity.path, 'id'], false, phase.path.join('/'));
      refer('party', activity.owner, [...activity.path, 'owner']);
    }
  }
  for (const item of [...(model.plan?.quickWins ?? []), ...(model.plan?.initiatives ?? [])]) {
    refer('kpi', item.kpi, [...item.path, 'kpi']);
    refer('phase', item.phase, [...item.path, 'phase']);
  }
  for (const bonus of model.fees?.bonuses ?? []) refer('kpi', bonus.kpi, [...bonus.path, 'kpi']);
  return { declarations, references };
}

