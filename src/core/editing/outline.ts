import type { Analysis } from '../analyze';
import { AREAS } from '../model/engagement';
import type { Path, TextRange } from '../types';
import { pointerOf } from '../yaml/sourceMap';

export type OutlineKind = 'section' | 'kpi' | 'phase' | 'activity' | 'area' | 'decision' | 'party' | 'item';

export interface OutlineEntry {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** From the key to the end of the value. */
  readonly range: TextRange;
  /** The key (or the item's first line): what the outline selects. */
  readonly selectionRange: TextRange;
  readonly children: readonly OutlineEntry[];
}

/** The document's outline: sections, with KPIs, phases, activities, authority rows by name. */
export function outlineOf(analysis: Analysis): OutlineEntry[] {
  const model = analysis.model;
  if (!model) return [];
  const map = analysis.sourceMap;
  const entry = (path: Path, name: string, kind: OutlineKind, detail?: string, children: OutlineEntry[] = []): OutlineEntry | undefined => {
    const location = map.exact(pointerOf(path));
    if (!location) return undefined;
    const start = location.key?.start ?? location.value.start;
    return { name: name || '(unnamed)', detail, kind, range: { start, end: Math.max(start, location.value.end) }, selectionRange: location.key ?? location.value, children };
  };
  const defined = <T>(items: (T | undefined)[]): T[] => items.filter((x): x is T => x !== undefined);

  const sections: Record<string, () => OutlineEntry[]> = {
    parties: () => defined(model.parties.filter((p) => !p.implicit).map((p) => entry(p.path, p.id, 'party', p.name))),
    authority: () =>
      defined(
        AREAS.map((area) =>
          entry(['authority', area], area, 'area', undefined, defined((model.authority?.areas[area] ?? []).map((row) => entry(row.path, row.decision ?? row.id ?? '', 'decision', row.id)))),
        ),
      ),
    reporting: () => defined((model.reporting ?? []).map((r) => entry(r.path, r.name ?? '', 'item', r.cadence))),
    kpis: () => defined(model.kpis.map((k) => entry(k.path, k.name ?? k.id ?? '', 'kpi', k.type))),
    reviews: () => defined(model.reviews.map((r) => entry(r.path, `${r.kind ?? 'review'} ${r.date ?? ''}`.trim(), 'item'))),
    plan: () =>
      defined(
        (model.plan?.phases ?? []).map((phase) =>
          entry(
            phase.path,
            phase.name ?? phase.id ?? '',
            'phase',
            phase.days ? `days ${phase.days.first}-${phase.days.last}` : undefined,
            defined(phase.activities.map((a) => entry(a.path, a.name ?? '', 'activity', a.span ? `days ${a.span.first}-${a.span.last}` : undefined))),
          ),
        ),
      ),
  };
  const topKeys = topLevelKeys(analysis);
  return defined(topKeys.map((key) => entry([key], key, 'section', undefined, sections[key]?.() ?? [])));
}

function topLevelKeys(analysis: Analysis): string[] {
  const keys: string[] = [];
  for (const key of ['format', 'id', 'title', 'status', 'currency', 'client', 'executive', 'parties', 'term', 'commitment', 'fees', 'mandate', 'authority', 'access', 'reporting', 'kpis', 'plan', 'reviews', 'notes']) {
    if (analysis.sourceMap.exact(`/${key}`)) keys.push(key);
  }
  return keys.sort((a, b) => analysis.sourceMap.exact(`/${a}`)!.value.start - analysis.sourceMap.exact(`/${b}`)!.value.start);
}
