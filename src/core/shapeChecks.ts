import type { Engagement } from './model/engagement';
import { parseDayRange } from './model/dayRange';
import { isCalendarDate } from './model/dates';
import type { Path } from './types';

export interface ShapeProblem {
  readonly path: Path;
  readonly message: string;
}

/**
 * Checks of the shape that JSON schema cannot express: ranges that run backwards and
 * deadlines that are not real dates. Reported under `schema`, like the schema's own errors.
 */
export function shapeProblems(raw: unknown, model: Engagement): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const rawPhases = getList(raw, ['plan', 'phases']);
  for (const phase of model.plan?.phases ?? []) {
    const rawPhase = rawPhases[phase.path[2] as number] as Record<string, unknown> | undefined;
    backwards(rawPhase?.days, [...phase.path, 'days'], problems);
    const rawActivities = getList(rawPhase, ['activities']);
    for (const activity of phase.activities) {
      const rawActivity = rawActivities[activity.path[4] as number] as Record<string, unknown> | undefined;
      backwards(rawActivity?.weeks, [...activity.path, 'weeks'], problems);
      backwards(rawActivity?.days, [...activity.path, 'days'], problems);
    }
  }
  for (const kpi of model.kpis) {
    if (kpi.by && /^\d{4}-\d{2}-\d{2}$/.test(kpi.by) && !isCalendarDate(kpi.by)) {
      problems.push({ path: [...kpi.path, 'by'], message: `\`${kpi.by}\` is not a real calendar date.` });
    }
  }
  return problems;
}

function backwards(value: unknown, path: Path, problems: ShapeProblem[]): void {
  if (typeof value !== 'string') return;
  const match = /^(\d+)-(\d+)$/.exec(value);
  if (match && parseDayRange(value) === undefined) {
    problems.push({ path, message: `The range "${value}" runs backwards: write the first ${path[path.length - 1] === 'weeks' ? 'week' : 'day'} first (e.g. "${match[2]}-${match[1]}").` });
  }
}

function getList(root: unknown, keys: string[]): unknown[] {
  let current: unknown = root;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return [];
    current = (current as Record<string, unknown>)[key];
  }
  return Array.isArray(current) ? current : [];
}
