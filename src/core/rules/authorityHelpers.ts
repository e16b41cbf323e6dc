import { AREAS, type Area, type DecisionRow, type Engagement, type Level } from '../model/engagement';

export function rowsOf(model: Engagement, area: Area): readonly DecisionRow[] {
  return model.authority?.areas[area] ?? [];
}

export function allRows(model: Engagement): DecisionRow[] {
  return AREAS.flatMap((area) => rowsOf(model, area));
}

export function levelOf(row: DecisionRow, party: string): Level | undefined {
  return row.assignments.find((a) => a.party === party)?.level;
}

/** Where to report about an area: the area's key when written, else `authority`. */
export function areaPath(model: Engagement, area: Area): (string | number)[] {
  return model.authority?.areas[area] !== undefined ? ['authority', area] : ['authority'];
}
