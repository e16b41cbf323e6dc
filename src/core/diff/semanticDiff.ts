import type { Analysis } from '../analyze';
import { LEVELS, type DecisionRow, type Engagement, type Kpi, type Level } from '../model/engagement';
import { monthlyCost } from '../model/monthlyCost';
import { formatAmount, formatNumber } from '../text/numbers';
import type { Path } from '../types';
import { CHANGE_KINDS, type ChangeKind, type ChangeLevel } from './changeKinds';

/** One change of terms between two versions of an engagement, in its own words. */
export interface Change {
  readonly kind: ChangeKind;
  readonly level: ChangeLevel;
  /** The id of what changed (a KPI, a decision, a phase; a review's date), if it has one. */
  readonly item?: string;
  readonly before?: string;
  readonly after?: string;
  readonly message: string;
  /** 1-based lines in each version, where the change is written. */
  readonly beforeLine?: number;
  readonly afterLine?: number;
}

/** Levels per kind, over the defaults (`.engagementrc.yaml` `diff.levels`); `off` leaves a kind out. */
export type ChangeLevels = Partial<Record<ChangeKind, ChangeLevel | 'off'>>;

type Side = Analysis | undefined;

/**
 * The changes of terms from `before` to `after` (either may be missing: a file added or
 * deleted). Items are matched by id, never by position, so a reordering is no change.
 * Read from the models, which hold only what the schema accepts; a version that does not
 * parse has no terms to compare, and only its findings are.
 */
export function diffEngagements(before: Side, after: Side, levels: ChangeLevels = {}): Change[] {
  const changes: Change[] = [];
  const add: Add = (kind, message, at) => {
    const level = levels[kind] ?? CHANGE_KINDS[kind].level;
    if (level === 'off') return;
    changes.push({
      kind,
      level,
      message,
      ...(at.item === undefined ? {} : { item: at.item }),
      ...(at.before === undefined ? {} : { before: at.before }),
      ...(at.after === undefined ? {} : { after: at.after }),
      ...(at.beforeLine !== undefined ? { beforeLine: at.beforeLine } : at.beforePath && before ? { beforeLine: lineOf(before, at.beforePath) } : {}),
      ...(at.afterLine !== undefined ? { afterLine: at.afterLine } : at.afterPath && after ? { afterLine: lineOf(after, at.afterPath) } : {}),
    });
  };
  const a = before?.model;
  const b = after?.model;
  if (!before && after) add('engagement-added', `New engagement${b?.title ? ` "${b.title}"` : ''}.`, { afterPath: [] });
  if (before && !after) add('engagement-removed', `Engagement${a?.title ? ` "${a.title}"` : ''} deleted.`, { beforePath: [] });
  if (a && b) compareTerms(a, b, add);
  compareFindings(before, after, add);
  return changes;
}

/** Where a change is and what it was: paths are turned into lines in each version. */
interface ChangeAt {
  readonly item?: string;
  readonly before?: string;
  readonly after?: string;
  readonly beforePath?: Path;
  readonly afterPath?: Path;
  readonly beforeLine?: number;
  readonly afterLine?: number;
}

type Add = (kind: ChangeKind, message: string, at: ChangeAt) => void;

function lineOf(analysis: Analysis, path: Path): number {
  return analysis.lines.positionAt(analysis.sourceMap.range(path, 'key').start).line + 1;
}

const text = (value: number | string | undefined, unit?: string): string => (value === undefined ? 'none' : typeof value === 'number' ? formatAmount(value, unit) : value);

function compareTerms(a: Engagement, b: Engagement, add: Add): void {
  if (a.status !== b.status) add('status-changed', `Status ${text(a.status)} → ${text(b.status)}.`, { before: a.status, after: b.status, beforePath: ['status'], afterPath: ['status'] });
  compareCommitment(a, b, add);
  compareTerm(a, b, add);
  compareFees(a, b, add);
  compareParties(a, b, add);
  compareAuthority(a, b, add);
  compareAccess(a, b, add);
  compareReporting(a, b, add);
  compareKpis(a, b, add);
  comparePlan(a, b, add);
  compareReviews(a, b, add);
}

function compareCommitment(a: Engagement, b: Engagement, add: Add): void {
  for (const [field, key, unit] of [['daysPerWeek', 'days-per-week', 'a week'], ['daysPerMonth', 'days-per-month', 'a month']] as const) {
    const at = { beforePath: ['commitment', key], afterPath: ['commitment', key] };
    const x = a.commitment?.[field];
    const y = b.commitment?.[field];
    if (x === y || (x === undefined && y === undefined)) continue;
    const days = (n: number | undefined): string => (n === undefined ? 'none' : `${formatNumber(n)} ${n === 1 ? 'day' : 'days'} ${unit}`);
    const kind = x !== undefined && (y === undefined || y < x) ? 'commitment-reduced' : 'commitment-increased';
    add(kind, `Commitment ${days(x)} → ${days(y)}.`, { before: days(x), after: days(y), ...at });
  }
  const at = { beforePath: ['commitment', 'surge'], afterPath: ['commitment', 'surge'] };
  const surge = (s: { daysPerWeek?: number; from?: string; until?: string }): string => `${text(s.daysPerWeek)} days a week from ${text(s.from)} until ${text(s.until)}`;
  const before = (a.commitment?.surges ?? []).map(surge);
  const after = (b.commitment?.surges ?? []).map(surge);
  for (const s of before.filter((x) => !after.includes(x))) add('surge-changed', `Surge removed: ${s}.`, { before: s, ...at });
  for (const s of after.filter((x) => !before.includes(x))) add('surge-changed', `Surge added: ${s}.`, { after: s, ...at });
}

function compareTerm(a: Engagement, b: Engagement, add: Add): void {
  const field = (key: string): { beforePath: Path; afterPath: Path } => ({ beforePath: ['term', key], afterPath: ['term', key] });
  const x = a.term;
  const y = b.term;
  if (x?.start !== y?.start) add('term-start-moved', `Term starts ${text(x?.start)} → ${text(y?.start)}.`, { before: x?.start, after: y?.start, ...field('start') });
  if (x?.end !== y?.end) {
    // An end removed makes the term open-ended: longer.
    const shorter = y?.end !== undefined && (x?.end === undefined || y.end < x.end);
    add(shorter ? 'term-shortened' : 'term-extended', `Term ends ${text(x?.end)} → ${text(y?.end)}.`, { before: x?.end, after: y?.end, ...field('end') });
  }
  if (x?.months !== y?.months) {
    const shorter = y?.months !== undefined && (x?.months === undefined || y.months < x.months);
    add(shorter ? 'term-shortened' : 'term-extended', `Term ${text(x?.months)} → ${text(y?.months)} months.`, { before: text(x?.months), after: text(y?.months), ...field('months') });
  }
  if (x?.noticeDays !== y?.noticeDays) add('notice-changed', `Notice ${text(x?.noticeDays)} → ${text(y?.noticeDays)} days.`, { before: text(x?.noticeDays), after: text(y?.noticeDays), ...field('notice-days') });
}

function compareFees(a: Engagement, b: Engagement, add: Add): void {
  const x = a.fees?.rate;
  const y = b.fees?.rate;
  const rate = (r: typeof x): string => (r?.amount === undefined ? 'none' : `${formatAmount(r.amount, a.currency)} per ${r.per ?? '?'}`);
  const costBefore = monthlyCost(a)?.base;
  const costAfter = monthlyCost(b)?.base;
  if (rate(x) === rate(y) && costBefore === costAfter) return;
  const cost = costBefore !== undefined && costAfter !== undefined && costBefore !== costAfter ? ` Estimated monthly cost ${formatAmount(Math.round(costBefore), b.currency)} → ${formatAmount(Math.round(costAfter), b.currency)}.` : '';
  if (rate(x) === rate(y) && !cost) return;
  add('fees-changed', `Rate ${rate(x)} → ${rate(y)}.${cost}`, { before: rate(x), after: rate(y), beforePath: ['fees', 'rate'], afterPath: ['fees', 'rate'] });
}

/** Decisions matched by id (or by their text where they have none). */
function rowsById(model: Engagement): Map<string, DecisionRow> {
  const rows = new Map<string, DecisionRow>();
  for (const list of Object.values(model.authority?.areas ?? {})) for (const row of list ?? []) rows.set(row.id ?? `${row.area}:${row.decision ?? ''}`, row);
  return rows;
}

/** Higher is more say: decide > approve > recommend > consult > inform > none. */
const rank = (level: Level | undefined): number => (level === undefined ? 0 : LEVELS.length - LEVELS.indexOf(level));

function compareParties(a: Engagement, b: Engagement, add: Add): void {
  // `exec` and `ceo` are always there: only declared parties come and go.
  const declared = (m: Engagement): Map<string, Engagement['parties'][number]> => new Map(m.parties.filter((p) => !p.implicit).map((p) => [p.id, p]));
  const before = declared(a);
  const after = declared(b);
  const name = (p: Engagement['parties'][number]): string => `\`${p.id}\`${p.name ? ` (${p.name})` : ''}`;
  for (const [id, p] of before) if (!after.has(id)) add('party-changed', `Party ${name(p)} removed.`, { item: id, beforePath: p.path });
  for (const [id, p] of after) if (!before.has(id)) add('party-changed', `Party ${name(p)} added.`, { item: id, afterPath: p.path });
}

function compareAuthority(a: Engagement, b: Engagement, add: Add): void {
  const before = rowsById(a);
  const after = rowsById(b);
  const levelOf = (row: DecisionRow | undefined, party: string): Level | undefined => row?.assignments.find((x) => x.party === party)?.level;
  for (const [id, row] of before) {
    const next = after.get(id);
    const name = `\`${id}\``;
    if (!next) {
      const had = levelOf(row, 'exec');
      add(rank(had) >= rank('approve') ? 'authority-reduced' : 'authority-changed', `Decision ${name} removed (exec: ${had ?? 'no say'}).`, { item: id, before: had, beforePath: row.path });
      continue;
    }
    const parties = new Set([...row.assignments, ...next.assignments].map((x) => x.party));
    for (const party of parties) {
      const x = levelOf(row, party);
      const y = levelOf(next, party);
      if (x === y) continue;
      const kind = party !== 'exec' ? 'authority-changed' : rank(y) < rank(x) ? 'authority-reduced' : 'authority-increased';
      const lowered = party === 'exec' && rank(y) < rank(x) ? ' (reduced authority)' : '';
      add(kind, `${party}: ${x ?? 'no say'} → ${y ?? 'no say'} on ${name}${lowered}.`, { item: id, before: x, after: y, beforePath: row.path, afterPath: next.path });
    }
    if (row.limit !== next.limit) {
      const kind = next.limit === undefined || (row.limit !== undefined && next.limit < row.limit) ? 'budget-limit-lowered' : 'budget-limit-raised';
      add(kind, `Budget limit on ${name} ${text(row.limit, a.currency)} → ${text(next.limit, b.currency)}.`, { item: id, before: text(row.limit), after: text(next.limit), beforePath: row.path, afterPath: next.path });
    }
  }
  for (const [id, row] of after) {
    if (before.has(id)) continue;
    add('authority-increased', `Decision \`${id}\` added (exec: ${levelOf(row, 'exec') ?? 'no say'}).`, { item: id, after: levelOf(row, 'exec'), afterPath: row.path });
  }
  for (const [area, rows] of Object.entries(a.authority?.areas ?? {})) {
    const now = b.authority?.areas[area as keyof typeof b.authority.areas];
    if ((rows?.length ?? 0) > 0 && (now?.length ?? 0) === 0) add('area-emptied', `Authority area \`${area}\` has no decisions any more.`, { item: area, beforePath: ['authority', area] });
  }
}

const CRM = ['none', 'view', 'full'];
const ONE_ON_ONE = ['none', 'monthly', 'biweekly', 'weekly'];

function compareAccess(a: Engagement, b: Engagement, add: Add): void {
  const ordered = (label: string, key: string, order: readonly string[], x: string | undefined, y: string | undefined): void => {
    if (x === y) return;
    const kind = order.indexOf(y ?? 'none') < order.indexOf(x ?? 'none') ? 'access-reduced' : 'access-increased';
    add(kind, `${label} ${x ?? 'none'} → ${y ?? 'none'}.`, { before: x, after: y, beforePath: ['access', key], afterPath: ['access', key] });
  };
  ordered('CRM access', 'crm', CRM, a.access?.crm, b.access?.crm);
  ordered('CEO one-on-one', 'ceo-one-on-one', ONE_ON_ONE, a.access?.ceoOneOnOne, b.access?.ceoOneOnOne);
  for (const [label, key, x, y] of [['Financials', 'financials', a.access?.financials ?? [], b.access?.financials ?? []], ['Meetings', 'meetings', a.access?.meetings ?? [], b.access?.meetings ?? []]] as const) {
    const at = { beforePath: ['access', key], afterPath: ['access', key] };
    for (const gone of x.filter((v) => !y.includes(v))) add('access-reduced', `${label}: \`${gone}\` taken away.`, { item: gone, before: gone, ...at });
    for (const added of y.filter((v) => !x.includes(v))) add('access-increased', `${label}: \`${added}\` granted.`, { item: added, after: added, ...at });
  }
}

function compareReporting(a: Engagement, b: Engagement, add: Add): void {
  const byName = (m: Engagement): Map<string, NonNullable<Engagement['reporting']>[number]> => new Map((m.reporting ?? []).map((r) => [r.name ?? r.cadence ?? '', r]));
  const before = byName(a);
  const after = byName(b);
  for (const [name, r] of before) {
    const next = after.get(name);
    if (!next) add('reporting-changed', `Reporting "${name}" (${text(r.cadence)}) dropped.`, { item: name, before: r.cadence, beforePath: r.path });
    else if (next.cadence !== r.cadence) add('reporting-changed', `Reporting "${name}" ${text(r.cadence)} → ${text(next.cadence)}.`, { item: name, before: r.cadence, after: next.cadence, beforePath: r.path, afterPath: next.path });
  }
  for (const [name, r] of after) if (!before.has(name)) add('reporting-changed', `Reporting "${name}" (${text(r.cadence)}) added.`, { item: name, after: r.cadence, afterPath: r.path });
}

function compareKpis(a: Engagement, b: Engagement, add: Add): void {
  const byId = (m: Engagement): Map<string, Kpi> => new Map(m.kpis.map((k) => [k.id ?? k.name ?? '', k]));
  const before = byId(a);
  const after = byId(b);
  for (const [id, k] of before) {
    const next = after.get(id);
    const name = `"${k.name ?? id}"`;
    if (!next) {
      add('kpi-removed', `KPI ${name} removed.`, { item: id, beforePath: k.path });
      continue;
    }
    const field = (key: string): ChangeAt => ({ item: id, beforePath: [...k.path, key], afterPath: [...next.path, key] });
    if (k.target !== next.target) {
      const decrease = (next.direction ?? k.direction) === 'decrease';
      const eased = k.target !== undefined && (next.target === undefined || (decrease ? next.target > k.target : next.target < k.target));
      const words = next.target === undefined ? 'removed' : decrease ? (next.target > (k.target ?? -Infinity) ? 'raised' : 'lowered') : next.target < (k.target ?? Infinity) ? 'lowered' : 'raised';
      add(eased ? 'kpi-target-eased' : 'kpi-target-raised', `KPI ${name}: target ${words} ${text(k.target, k.unit)} → ${text(next.target, next.unit)}${eased ? ': the goalposts moved' : ''}.`, { ...field('target'), before: text(k.target), after: text(next.target) });
    }
    if (k.baseline !== next.baseline) add('kpi-baseline-changed', `KPI ${name}: baseline ${text(k.baseline, k.unit)} → ${text(next.baseline, next.unit)}.`, { ...field('baseline'), before: text(k.baseline), after: text(next.baseline) });
    if (k.by !== next.by) add('kpi-deadline-changed', `KPI ${name}: due ${text(k.by)} → ${text(next.by)}.`, { ...field('by'), before: k.by, after: next.by });
    if (k.direction !== next.direction) add('kpi-direction-changed', `KPI ${name}: direction ${text(k.direction)} → ${text(next.direction)}.`, { ...field('direction'), before: k.direction, after: next.direction });
    const seen = new Set(k.actuals.map((x) => `${x.date}=${x.value}`));
    const fresh = next.actuals.filter((x) => !seen.has(`${x.date}=${x.value}`));
    if (fresh.length) add('kpi-actuals-added', `KPI ${name}: new actuals ${fresh.map((x) => `${text(x.value, next.unit)} on ${text(x.date)}`).join(', ')}.`, { ...field('actuals'), after: fresh.map((x) => `${x.date}: ${x.value}`).join(', ') });
  }
  for (const [id, k] of after) if (!before.has(id)) add('kpi-added', `KPI "${k.name ?? id}" added (target ${text(k.target, k.unit)}, due ${text(k.by)}).`, { item: id, afterPath: k.path });
}

function comparePlan(a: Engagement, b: Engagement, add: Add): void {
  if (a.plan?.start !== b.plan?.start) add('plan-moved', `Plan starts ${text(a.plan?.start)} → ${text(b.plan?.start)}.`, { before: a.plan?.start, after: b.plan?.start, beforePath: ['plan', 'start'], afterPath: ['plan', 'start'] });
  const span = (s: { first: number; last: number } | undefined): string => (s ? `days ${s.first}-${s.last}` : 'no days');
  const phases = (m: Engagement): Map<string, NonNullable<Engagement['plan']>['phases'][number]> => new Map((m.plan?.phases ?? []).map((p) => [p.id ?? p.name ?? '', p]));
  const before = phases(a);
  const after = phases(b);
  for (const [id, p] of before) {
    const next = after.get(id);
    if (!next) {
      add('plan-moved', `Phase \`${id}\` removed.`, { item: id, beforePath: p.path });
      continue;
    }
    if (span(p.days) !== span(next.days)) add('plan-moved', `Phase \`${id}\` ${span(p.days)} → ${span(next.days)}.`, { item: id, before: span(p.days), after: span(next.days), beforePath: p.path, afterPath: next.path });
    const activities = (list: typeof p.activities): Map<string, (typeof p.activities)[number]> => new Map(list.map((x) => [x.id ?? x.name ?? '', x]));
    const x = activities(p.activities);
    const y = activities(next.activities);
    const what = (v: { deliverable: boolean }): string => (v.deliverable ? 'Deliverable' : 'Activity');
    for (const [name, v] of x) {
      const w = y.get(name);
      if (!w) add('activity-changed', `${what(v)} "${name}" removed from \`${id}\`.`, { item: name, beforePath: v.path });
      else if (span(v.span) !== span(w.span)) add('activity-changed', `${what(w)} "${name}" ${span(v.span)} → ${span(w.span)}.`, { item: name, before: span(v.span), after: span(w.span), beforePath: v.path, afterPath: w.path });
    }
    for (const [name, w] of y) if (!x.has(name)) add('activity-changed', `${what(w)} "${name}" added to \`${id}\` (${span(w.span)}).`, { item: name, afterPath: w.path });
  }
  for (const [id, p] of after) if (!before.has(id)) add('plan-moved', `Phase \`${id}\` added (${span(p.days)}).`, { item: id, afterPath: p.path });
}

function compareReviews(a: Engagement, b: Engagement, add: Add): void {
  const dates = new Set(a.reviews.map((r) => r.date));
  for (const r of b.reviews) {
    if (dates.has(r.date)) continue;
    const s = r.scores;
    const scores = r.hasScores ? ` scores: financial impact ${text(s.financialImpact)}, capability building ${text(s.capabilityBuilding)}, strategic clarity ${text(s.strategicClarity)};` : '';
    add('review-added', `Review on ${text(r.date)} (${text(r.kind)}):${scores} decision ${text(r.decision)}.`, { item: r.date, after: r.decision, afterPath: r.path });
  }
}

function compareFindings(before: Side, after: Side, add: Add): void {
  const key = (f: { ruleId: string; message: string }): string => `${f.ruleId}\n${f.message}`;
  const was = new Set((before?.findings ?? []).map(key));
  const is = new Set((after?.findings ?? []).map(key));
  for (const f of after?.findings ?? []) {
    if (was.has(key(f)) || f.severity === 'info') continue;
    const afterLine = after!.lines.positionAt(f.range.start).line + 1;
    add('finding-introduced', `${f.severity === 'error' ? 'Error' : 'Warning'} introduced (${f.ruleId}): ${f.message}`, { item: f.ruleId, after: f.message, afterLine });
  }
  for (const f of before?.findings ?? []) {
    if (is.has(key(f)) || f.severity === 'info') continue;
    const beforeLine = before!.lines.positionAt(f.range.start).line + 1;
    add('finding-resolved', `Resolved (${f.ruleId}): ${f.message}`, { item: f.ruleId, before: f.message, beforeLine });
  }
}
