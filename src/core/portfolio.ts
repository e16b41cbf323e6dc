import { analyzeRaw, finish, type Analysis, type AnalyzeOptions, type RawAnalysis } from './analyze';
import { formatDay, parseDay, type Day } from './model/dates';
import type { Engagement } from './model/engagement';
import type { RawFinding } from './types';
import { pointerOf } from './yaml/sourceMap';

import { WEEKS_PER_MONTH } from './model/monthlyCost';

export { WEEKS_PER_MONTH };
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

/** Portfolio findings per file index, for engagements whose combined load exceeds capacity. */
export function portfolioFindings(entries: PortfolioEntries): Map<number, RawFinding[]> {
  const result = new Map<number, RawFinding[]>();
  for (const loads of groupByExecutive(entries)) addOverloadFindings(loads, entries, result);
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
    const schedule = analysis.schedule;
    if (!model || !schedule || model.status !== 'active' || schedule.termStart === undefined) return;
    const base = baseWeekly(model);
    if (base === undefined) return;
    const who = executiveKey(model);
    if (!who) return;
    const end = schedule.termEnd ?? Infinity;
    if (end < schedule.termStart) return;
    const list = byExecutive.get(who) ?? [];
    list.push({ index, path, model, start: schedule.termStart, end, base, surges: surgesOf(model) });
    byExecutive.set(who, list);
  });
  return [...byExecutive.values()].filter((loads) => loads.length > 1);
}

/** Adds to `result` (by file index) the findings of one executive's engagements, if they overload. */
export function addOverloadFindings(loads: readonly Load[], entries: PortfolioEntries, result: Map<number, RawFinding[]>): void {
  const peak = findOverload(loads);
  if (!peak) return;
  // Each involved engagement is described once; every message names all but its own.
  const weekly = peak.involved.map((o) => round(weeklyOn(o, peak.from)));
  const described = peak.involved.map((o, i) => `\`${o.model.id ?? o.path}\` (${o.path}, ${weekly[i]} d/w)`);
  for (const [i, load] of peak.involved.entries()) {
    const analysis = entries[load.index]!.analysis;
    const others = described.filter((_, j) => j !== i).join(', ');
    const who = load.model.executive?.name ?? load.model.executive?.email ?? 'The executive';
    const until = peak.until === Infinity ? 'onwards' : `to ${formatDay(peak.until)}`;
    const message =
      `${who} is committed ${round(peak.total)} days a week from ${formatDay(peak.from)} ${until} across active engagements: ` +
      `this one (${weekly[i]} d/w) and ${others}.`;
    const range = analysis.sourceMap.rangeOf(pointerOf(['commitment']), 'key');
    const list = result.get(load.index) ?? [];
    list.push({ ruleId: 'portfolio-overcommitted', severity: 'warning', message, range });
    result.set(load.index, list);
  }
}

/** Same person: same e-mail when both give one, else the same name. */
function executiveKey(model: PortfolioModel): string | undefined {
  const email = model.executive?.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const name = model.executive?.name?.trim().toLowerCase().replace(/\s+/g, ' ');
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
function weeklyOn(load: Load, day: Day): number {
  for (const surge of load.surges) if (surge.from <= day && day <= surge.until) return surge.daysPerWeek;
  return load.base;
}

/**
 * The first period in which the summed load exceeds capacity, found by sweeping the days on
 * which any load changes (term and surge boundaries), so the cost is in boundaries, not days.
 */
function findOverload(loads: readonly Load[]): { from: Day; until: Day; total: number; involved: Load[] } | undefined {
  const boundaries = new Set<Day>();
  for (const load of loads) {
    boundaries.add(load.start);
    if (load.end !== Infinity) boundaries.add(load.end + 1);
    for (const surge of load.model.commitment?.surges ?? []) {
      const from = parseDay(surge.from);
      const until = parseDay(surge.until);
      if (from !== undefined) boundaries.add(from);
      if (until !== undefined) boundaries.add(until + 1);
    }
  }
  const days = [...boundaries].sort((a, b) => a - b);
  for (let i = 0; i < days.length; i++) {
    const from = days[i]!;
    const active = loads.filter((l) => l.start <= from && from <= l.end);
    if (active.length < 2) continue;
    const total = active.reduce((sum, l) => sum + weeklyOn(l, from), 0);
    if (total > WEEKLY_CAPACITY + 1e-9) {
      const next = days[i + 1];
      return { from, until: next === undefined ? Math.min(...active.map((l) => l.end)) : next - 1, total, involved: active };
    }
  }
  return undefined;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
