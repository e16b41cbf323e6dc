import type { Kpi } from '../model/engagement';

/** How messages name a KPI: by its name when it has one, else by its id. */
export function kpiLabel(kpi: Kpi): string {
  return kpi.name ? `"${kpi.name}"` : `KPI \`${kpi.id ?? '?'}\``;
}
