import { describePlanPosition, positionIn } from '../calendar';
import type { EngagementCard } from '../card';
import type { CapacityConfig } from '../config/engagementConfig';
import { normalizeWho } from '../executiveIdentity';
import { kpiStatusOn, type KpiStatus } from '../kpiStatus';
import { formatDay, type Day } from '../model/dates';
import type { EngagementStatus } from '../model/engagement';
import { executiveKey, loadOf, WEEKLY_CAPACITY, type Load } from '../portfolio';
import { dueDates } from './dueDates';
import type { DueItem, ExecutiveLoad, ExecutiveWeek, KpiRollup, LoadSegment, Portfolio, PortfolioEngagement, PortfolioFilter, SourcePlace } from './portfolioTypes';
import { weeklyLoad, weekWindow } from './weeklyLoad';

/** One engagement file as the portfolio reads it. */
export interface PortfolioSource {
  readonly uri: string;
  /** How the file is named to people: a path relative to the workspace. */
  readonly path: string;
  readonly card: EngagementCard;
  /** Errors found in the file; undefined while it is still being checked. */
  readonly errors: number | undefined;
  /** The capacity settings of the `.engagementrc.yaml` that applies to the file. */
  readonly capacity?: CapacityConfig;
}

export interface PortfolioOptions {
  readonly today: Day;
  /** Weeks before the current one (default 4). */
  readonly weeksBack?: number;
  /** Weeks from the current one on (default 12). */
  readonly weeksAhead?: number;
  readonly filter?: PortfolioFilter;
}

export const DEFAULT_WEEKS_BACK = 4;
export const DEFAULT_WEEKS_AHEAD = 12;
/** The most weeks ahead a portfolio shows: two years. */
export const MAX_WEEKS_AHEAD = 104;

const STATUSES: readonly EngagementStatus[] = ['draft', 'proposed', 'active', 'paused', 'completed', 'ended'];
const EMPTY_ROLLUP: KpiRollup = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, done: 0, 'no-data': 0 };
const EPSILON = 1e-9;
/** One collator for every sort: `localeCompare` without one builds its own on each call. */
const collate = new Intl.Collator('en').compare;

/** An engagement of the workspace with what the portfolio derives from its card. */
interface Read {
  readonly ref: number;
  readonly source: PortfolioSource;
  readonly who: string;
  readonly name: string;
  readonly email?: string;
  readonly role?: string;
  readonly client: string;
  readonly status: EngagementStatus;
  readonly load: Load | undefined;
}

/**
 * The portfolio of a workspace on a day. One pass over the files, then work per executive
 * and per engagement selected, each over the weeks of the window: linear in the number of
 * files, whatever the terms' lengths.
 */
export function buildPortfolio(sources: readonly PortfolioSource[], options: PortfolioOptions): Portfolio {
  const today = options.today;
  const mondays = weekWindow(today, options.weeksBack ?? DEFAULT_WEEKS_BACK, Math.min(options.weeksAhead ?? DEFAULT_WEEKS_AHEAD, MAX_WEEKS_AHEAD));
  const from = mondays[0]!;
  const until = mondays[mondays.length - 1]! + 6;
  const filter = options.filter ?? {};

  const read: Read[] = [];
  sources.forEach((source, ref) => {
    const model = source.card.model;
    if (!model) return;
    const who = executiveKey(model) ?? 'name:';
    const load = loadOf(ref, source.path, model, source.card.schedule);
    read.push({
      ref,
      source,
      who,
      name: model.executive?.name?.trim() || model.executive?.email?.trim() || 'No executive named',
      email: model.executive?.email?.trim() || undefined,
      role: model.executive?.role,
      client: model.client?.name?.trim() || 'No client named',
      status: model.status ?? 'draft',
      load,
    });
  });

  const selected = read.filter((r) => matches(r, filter) && concernsWindow(r, from, until));
  const byExecutive = new Map<string, Read[]>();
  for (const r of read) {
    const list = byExecutive.get(r.who) ?? [];
    list.push(r);
    byExecutive.set(r.who, list);
  }
  const shownExecutives = [...new Set(selected.map((r) => r.who))];
  const executives = shownExecutives
    .map((who) => executiveLoad(byExecutive.get(who)!, mondays, today))
    .sort((a, b) => collate(a.name, b.name) || collate(a.key, b.key));

  const engagements = selected
    .sort((a, b) => collate(a.name, b.name) || (a.load?.start ?? Infinity) - (b.load?.start ?? Infinity) || collate(a.source.path, b.source.path))
    .map((r) => engagementOf(r, today));

  const due: DueItem[] = [];
  for (const r of selected) {
    if (r.status !== 'active' && r.status !== 'paused') continue;
    for (const d of dueDates(r.source.card, today)) {
      // A quarterly assessment overdue for longer than the window is still due.
      const inWindow = d.day >= from && d.day <= until;
      const overdue = d.kind === 'assessment' && d.day < from && r.status === 'active';
      if (!inWindow && !overdue) continue;
      due.push({ kind: d.kind, date: formatDay(d.day), daysFromToday: d.day - today, ref: r.ref, what: d.what, place: placeOf(r.source, d.at === 'term' ? r.source.card.lines.term : (r.source.card.lines.reviews ?? r.source.card.lines.term)) });
    }
  }
  due.sort((a, b) => a.daysFromToday - b.daysFromToday || a.ref - b.ref);

  const kpis: Record<KpiStatus, number> = { ...EMPTY_ROLLUP };
  let errors = 0;
  let unchecked = 0;
  for (const e of engagements) {
    for (const status of Object.keys(kpis) as KpiStatus[]) kpis[status] += e.kpis[status];
    if (e.errors === undefined) unchecked++;
    else errors += e.errors;
  }
  return {
    format: 'engagement-portfolio/1',
    today: formatDay(today),
    weeks: mondays.map((monday) => ({ start: formatDay(monday), current: monday <= today && today <= monday + 6 })),
    from: formatDay(from),
    until: formatDay(until),
    executives,
    engagements,
    due,
    totals: {
      files: read.length,
      shown: engagements.length,
      active: engagements.filter((e) => e.status === 'active').length,
      executivesOver: executives.filter((e) => e.weeksOver > 0).length,
      kpis,
      errors,
      unchecked,
    },
    filter,
    choices: {
      executives: [...new Map(read.map((r) => [r.who, r.name])).entries()].map(([key, label]) => ({ key, label })).sort((a, b) => collate(a.label, b.label)),
      clients: sortedUnique(read.map((r) => r.client)),
      roles: sortedUnique(read.flatMap((r) => (r.role ? [r.role] : []))),
      statuses: STATUSES.filter((s) => read.some((r) => r.status === s)),
    },
  };
}

/** Whether an engagement passes every field of the filter. */
function matches(r: Read, filter: PortfolioFilter): boolean {
  if (filter.executive !== undefined) {
    const wanted = normalizeWho(filter.executive);
    const key = wanted.startsWith('email:') || wanted.startsWith('name:') ? wanted : undefined;
    if (key ? r.who !== key : wanted !== normalizeWho(r.email ?? '') && wanted !== normalizeWho(r.name)) return false;
  }
  if (filter.client !== undefined && r.client !== filter.client) return false;
  if (filter.role !== undefined && r.role !== filter.role) return false;
  if (filter.status !== undefined && r.status !== filter.status) return false;
  return true;
}

/** Active and paused engagements always concern the portfolio; others when their term meets the window. */
function concernsWindow(r: Read, from: Day, until: Day): boolean {
  if (r.status === 'active' || r.status === 'paused') return true;
  return r.load !== undefined && r.load.start <= until && r.load.end >= from;
}

/** One executive's weeks: every active and proposed engagement of theirs, whatever the filter, since capacity is about the person. */
function executiveLoad(all: readonly Read[], mondays: readonly Day[], today: Day): ExecutiveLoad {
  const first = [...all].sort((a, b) => collate(a.source.path, b.source.path))[0]!;
  const capacity = capacityOf(first);
  const segments: LoadSegment[] = [];
  for (const r of all) {
    if (!r.load || (r.status !== 'active' && r.status !== 'proposed')) continue;
    const days = weeklyLoad(r.load, mondays).map(round);
    if (days.every((d) => d === 0)) continue;
    const model = r.source.card.model!;
    segments.push({ ref: r.ref, label: model.id ?? model.title ?? r.source.path, client: r.client, tentative: r.status === 'proposed', days, place: placeOf(r.source, r.source.card.lines.commitment) });
  }
  segments.sort((a, b) => Number(a.tentative) - Number(b.tentative) || collate(a.label, b.label));
  const weeks: ExecutiveWeek[] = mondays.map((_, i) => {
    let committed = 0;
    let proposed = 0;
    for (const s of segments) {
      if (s.tentative) proposed += s.days[i]!;
      else committed += s.days[i]!;
    }
    committed = round(committed);
    proposed = round(proposed);
    return { committed, proposed, over: committed > capacity + EPSILON, overIfProposed: committed <= capacity + EPSILON && committed + proposed > capacity + EPSILON };
  });
  let freeAhead = 0;
  mondays.forEach((monday, i) => {
    if (monday + 6 >= today) freeAhead += Math.max(0, capacity - weeks[i]!.committed);
  });
  const roles = sortedUnique(all.flatMap((r) => (r.role ? [r.role] : [])));
  return {
    key: first.who,
    name: first.name,
    ...(first.email ? { email: first.email } : {}),
    roles,
    capacity,
    weeks,
    weeksOver: weeks.filter((w) => w.over).length,
    peak: Math.max(0, ...weeks.map((w) => w.committed)),
    freeAhead: round(freeAhead),
    segments,
  };
}

/** The capacity that the file's `.engagementrc.yaml` gives this executive: by e-mail, by name, the default, else 5 days. */
function capacityOf(r: Read): number {
  const config = r.source.capacity;
  if (!config) return WEEKLY_CAPACITY;
  return (r.email && config.executives[normalizeWho(r.email)]) || config.executives[normalizeWho(r.name)] || config.default || WEEKLY_CAPACITY;
}

function engagementOf(r: Read, today: Day): PortfolioEngagement {
  const card = r.source.card;
  const model = card.model!;
  const kpis: Record<KpiStatus, number> = { ...EMPTY_ROLLUP };
  for (const facts of card.kpis) kpis[kpiStatusOn(facts, card.schedule?.termStart, today)]++;
  const plan = card.plan;
  const position = positionIn(plan, today);
  return {
    ref: r.ref,
    ...(model.id ? { id: model.id } : {}),
    title: model.title?.trim() || model.id || r.source.path,
    client: r.client,
    executive: { key: r.who, name: r.name, ...(r.role ? { role: r.role } : {}) },
    status: r.status,
    ...(card.schedule?.termStart !== undefined ? { termStart: formatDay(card.schedule.termStart) } : {}),
    ...(card.schedule?.termEnd !== undefined ? { termEnd: formatDay(card.schedule.termEnd) } : {}),
    position: describePlanPosition(position),
    phases: plan ? plan.phases.map((p) => ({ name: p.phase.name ?? p.phase.id ?? 'Phase', start: formatDay(plan.start + p.firstDay - 1), end: formatDay(plan.start + p.lastDay - 1) })) : [],
    kpis,
    errors: r.source.errors,
    place: placeOf(r.source, card.lines.id),
    kpiPlace: placeOf(r.source, card.lines.kpis ?? card.lines.id),
  };
}

function placeOf(source: PortfolioSource, line: number | undefined): SourcePlace {
  return { uri: source.uri, path: source.path, line: line ?? 0 };
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(collate);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
