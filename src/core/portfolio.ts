import { normalizeWho } from './executiveIdentity';
import { analyzeRaw, finish, type Analysis, type AnalyzeOptions, type RawAnalysis } from './analyze';
import { formatDay, parseDay, type Day } from './model/dates';
import type { Engagement } from './model/engagement';
import { WEEKS_PER_MONTH } from './model/monthlyCost';
import type { RawFinding } from './types';
import { countOf, daysAWeek } from './text/numbers';
import { addDuplicateIdFindings } from './workspaceIds';
import { pointerOf } from './yaml/sourceMap';

/** Days a week one person can give in total. */
export const WEEKLY_CAPACITY = 5;

export interface WorkspaceFile {
  /** How the file is named in messages (a path relative to the workspace, say). */
  readonly path: string;
  readonly text: string;
  readonly options?: AnalyzeOptions;
}

/**
 * Analyzes a set of files together: each on its own, plus `portfolio-overcommitted`, which
 * needs every engagement of an executive at once. Results are in the order of `files`.
 */
export function analyzeWorkspace(files: readonly WorkspaceFile[]): Analysis[] {
  const raws = files.map((file) => analyzeRaw(file.text, file.options));
  const extra = portfolioFindings(files.map((file, i) => ({ path: file.path, analysis: raws[i]! })));
  // `finish` applies each file's settings, so a file with the rule `off` drops these too.
  return raws.map((raw, i) => finish({ ...raw, rawFindings: [...raw.rawFindings, ...(extra.get(i) ?? [])] }, files[i]!.text, files[i]!.options?.rules));
}

/** What the portfolio rule reads of an engagement's model. */
export type PortfolioModel = Pick<Engagement, 'id' | 'status' | 'executive' | 'commitment'>;

/**
 * What the portfolio rule reads of one analysis. Only the lookup of a range is needed of the
 * source map, so a thread that has dropped its map can pass that one range instead.
 */
export interface PortfolioInput {
  readonly model: PortfolioModel | undefined;
  readonly schedule: RawAnalysis['schedule'];
  readonly sourceMap: Pick<RawAnalysis['sourceMap'], 'rangeOf'>;
}

/** One active engagement as the portfolio rule weighs it. */
export interface Load {
  readonly index: number;
  readonly path: string;
  readonly model: PortfolioModel;
  readonly start: Day;
  /** Last day, or Infinity for an open-ended term. */
  readonly end: Day;
  /** Days a week outside surges. */
  readonly base: number;
  /** Surges with their days read once: the sweep asks for them at every boundary. */
  readonly surges: readonly Surge[];
}

interface Surge {
  readonly from: Day;
  readonly until: Day;
  readonly daysPerWeek: number;
}

type PortfolioEntries = readonly { path: string; analysis: PortfolioInput }[];

/**
 * The findings that need every file, per file index: engagements whose combined load exceeds
 * capacity (`portfolio-overcommitted`) and ids used by more than one file (`duplicate-engagement-id`).
 */
export function portfolioFindings(entries: PortfolioEntries): Map<number, RawFinding[]> {
  const result = new Map<number, RawFinding[]>();
  for (const loads of groupByExecutive(entries)) addOverloadFindings(loads, entries, result);
  addDuplicateIdFindings(entries, result);
  return result;
}

/**
 * The first step of `portfolioFindings`: the active engagements of each executive who has
 * more than one. The second, `addOverloadFindings`, takes one group at a time, so a caller
 * that must not hold its thread long can spread the groups over several tasks.
 */
export function groupByExecutive(entries: PortfolioEntries): Load[][] {
  const byExecutive = new Map<string, Load[]>();
  entries.forEach(({ path, analysis }, index) => {
    const model = analysis.model;
    if (model?.status !== 'active') return;
    const load = loadOf(index, path, model, analysis.schedule);
    const who = executiveKey(model);
    if (!load || !who) return;
    const list = byExecutive.get(who) ?? [];
    list.push(load);
    byExecutive.set(who, list);
  });
  return [...byExecutive.values()].filter((loads) => loads.length > 1);
}

/** An engagement's load over its term, whatever its status; undefined without a start, a commitment, or with an end before the start. */
export function loadOf(index: number, path: string, model: PortfolioModel, schedule: RawAnalysis['schedule']): Load | undefined {
  if (!schedule || schedule.termStart === undefined) return undefined;
  const base = baseWeekly(model);
  if (base === undefined) return undefined;
  const end = schedule.termEnd ?? Infinity;
  if (end < schedule.termStart) return undefined;
  return { index, path, model, start: schedule.termStart, end, base, surges: surgesOf(model) };
}

/** How many over-committed periods and other engagements a message names; the rest are counted. */
const NAMED_PERIODS = 4;
const NAMED_OTHERS = 3;

/**
 * Adds to `result` (by file index) the findings of one executive's engagements, if they
 * overload: each file gets one finding that lists the over-committed periods of its term,
 * each with its load, and names a few of the other engagements involved. A message's size
 * does not grow with the number of engagements: beyond a few, periods and engagements are
 * counted, not listed.
 */
export function addOverloadFindings(loads: readonly Load[], entries: PortfolioEntries, result: Map<number, RawFinding[]>): void {
  const periods = overloadedPeriods(loads);
  if (periods.length === 0) return;
  for (const load of loads) {
    // Periods are split at every term boundary, so one that starts within the term lies within it.
    const first = firstWhere(periods, (p) => p.until >= load.start);
    const last = firstWhere(periods, (p) => p.from > load.end) - 1;
    if (first > last) continue;
    const own = periods.slice(first, Math.min(last + 1, first + NAMED_PERIODS));
    const morePeriods = last - first + 1 - own.length;
    const loadText = own.map((p) => `${daysAWeek(round(p.total))} ${span(p.from, p.until)}`).join('; ');
    const at = periods[first]!;
    const others = at.sample.filter((s) => s.load !== load).slice(0, NAMED_OTHERS);
    const moreOthers = at.active - 1 - others.length;
    const named = others.map((o) => `\`${o.load.model.id ?? o.load.path}\` (${o.load.path}, ${daysAWeek(round(o.weekly))})`);
    if (moreOthers > 0) named.push(`${countOf(moreOthers, 'other engagement')}`);
    const who = load.model.executive?.name ?? load.model.executive?.email ?? 'The executive';
    const message =
      `${who} is committed to more than ${daysAWeek(WEEKLY_CAPACITY)} across active engagements: ${loadText}` +
      `${morePeriods > 0 ? `; and in ${countOf(morePeriods, 'more period')}` : ''}. ` +
      `From ${formatDay(at.from)}, besides this one (${daysAWeek(round(weeklyOn(load, at.from)))}): ${listOf(named)}. ` +
      'Lower a commitment, or move a term or a surge so they no longer overlap.';
    const range = entries[load.index]!.analysis.sourceMap.rangeOf(pointerOf(['commitment']), 'key');
    const list = result.get(load.index) ?? [];
    list.push({ ruleId: 'portfolio-overcommitted', severity: 'warning', message, range });
    result.set(load.index, list);
  }
}

function span(from: Day, until: Day): string {
  return until === Infinity ? `from ${formatDay(from)} onwards` : from === until ? `on ${formatDay(from)}` : `from ${formatDay(from)} to ${formatDay(until)}`;
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Same person: same e-mail when both give one, else the same name. */
export function executiveKey(model: PortfolioModel): string | undefined {
  const email = model.executive?.email ? normalizeWho(model.executive.email) : '';
  if (email) return `email:${email}`;
  const name = model.executive?.name ? normalizeWho(model.executive.name) : '';
  return name ? `name:${name}` : undefined;
}

function baseWeekly(model: PortfolioModel): number | undefined {
  const c = model.commitment;
  if (!c) return undefined;
  if (c.daysPerWeek !== undefined) return c.daysPerWeek;
  if (c.daysPerMonth !== undefined) return c.daysPerMonth / WEEKS_PER_MONTH;
  return undefined;
}

/** The surges that count: with days a week and both dates readable, in the order written. */
function surgesOf(model: PortfolioModel): Surge[] {
  const surges: Surge[] = [];
  for (const surge of model.commitment?.surges ?? []) {
    const from = parseDay(surge.from);
    const until = parseDay(surge.until);
    if (surge.daysPerWeek !== undefined && from !== undefined && until !== undefined) surges.push({ from, until, daysPerWeek: surge.daysPerWeek });
  }
  return surges;
}

/** Days a week on a given day: the first surge covering the day replaces the base commitment. */
export function weeklyOn(load: Load, day: Day): number {
  for (const surge of load.surges) if (surge.from <= day && day <= surge.until) return surge.daysPerWeek;
  return load.base;
}

/** A stretch of days with one total load above capacity. */
interface Period {
  readonly from: Day;
  /** Last day, or Infinity. */
  readonly until: Day;
  readonly total: number;
  /** How many engagements are active in it, and the first few of them with their days a week. */
  readonly active: number;
  readonly sample: readonly { readonly load: Load; readonly weekly: number }[];
}

/**
 * Every period in which the summed load exceeds capacity, in order. One sweep over the days
 * on which any load changes (term starts and ends, surge boundaries): the running total and
 * the set of active engagements change by each load's own change, so the work grows with the
 * number of boundaries, not with days or with engagements times boundaries.
 */
function overloadedPeriods(loads: readonly Load[]): Period[] {
  const changes: { day: Day; load: Load; weekly: number }[] = [];
  for (const load of loads) {
    const days = new Set<Day>([load.start]);
    for (const surge of load.surges) {
      if (surge.from > load.start && surge.from <= load.end) days.add(surge.from);
      if (surge.until + 1 > load.start && surge.until + 1 <= load.end) days.add(surge.until + 1);
    }
    for (const day of days) changes.push({ day, load, weekly: weeklyOn(load, day) });
    if (load.end !== Infinity) changes.push({ day: load.end + 1, load, weekly: 0 });
  }
  changes.sort((a, b) => a.day - b.day);
  const current = new Map<Load, number>();
  let total = 0;
  const periods: Period[] = [];
  for (let i = 0; i < changes.length; ) {
    const day = changes[i]!.day;
    let joinedOrLeft = false;
    for (; i < changes.length && changes[i]!.day === day; i++) {
      const { load, weekly } = changes[i]!;
      total += weekly - (current.get(load) ?? 0);
      if (weekly === 0 || !current.has(load)) joinedOrLeft = true;
      if (weekly === 0) current.delete(load);
      else current.set(load, weekly);
    }
    if (current.size < 2 || total <= WEEKLY_CAPACITY + 1e-9) continue;
    const until = i < changes.length ? changes[i]!.day - 1 : Infinity;
    const previous = periods[periods.length - 1];
    // A surge that ends as another starts leaves the load as it was: one period, not two.
    if (previous && !joinedOrLeft && previous.until === day - 1 && Math.abs(previous.total - total) < 1e-9) {
      periods[periods.length - 1] = { ...previous, until };
      continue;
    }
    const sample: { load: Load; weekly: number }[] = [];
    for (const [load, weekly] of current) {
      sample.push({ load, weekly });
      if (sample.length > NAMED_OTHERS) break;
    }
    periods.push({ from: day, until, total, active: current.size, sample });
  }
  return periods;
}

/** The index of the first period for which `holds` is true, where it is true of a tail of the list (binary search). */
function firstWhere(periods: readonly Period[], holds: (period: Period) => boolean): number {
  let low = 0;
  let high = periods.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (holds(periods[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
