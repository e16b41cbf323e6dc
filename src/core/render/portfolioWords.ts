import type { KpiStatus } from '../kpiStatus';
import type { EngagementStatus } from '../model/engagement';
import type { DueKind } from '../portfolioModel/portfolioTypes';

/** The words every format of the portfolio uses, so the page, the Markdown and the terminal agree. */
export const DUE_LABELS: Readonly<Record<DueKind, string>> = { 'term-end': 'Term ends', notice: 'Notice due', assessment: 'Quarterly assessment' };

export const STATUS_LABELS: Readonly<Record<EngagementStatus, string>> = { draft: 'Draft', proposed: 'Proposed', active: 'Active', paused: 'Paused', completed: 'Completed', ended: 'Ended' };

/** The KPI roll-up's columns, in order. */
export const KPI_COLUMNS: readonly (readonly [KpiStatus, string])[] = [
  ['on-track', 'On track'],
  ['at-risk', 'At risk'],
  ['off-track', 'Off track'],
  ['done', 'Done'],
  ['no-data', 'No data'],
];

/** A week's Monday as a short label: "03-02". */
export function weekLabel(monday: string): string {
  return monday.slice(5);
}
