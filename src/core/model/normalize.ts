import type { Path } from '../types';
import { parseDayRange, weeksToDays } from './dayRange';
import {
  AREAS,
  LEVELS,
  type Access,
  type Activity,
  type Authority,
  type Commitment,
  type DecisionRow,
  type Engagement,
  type Fees,
  type Kpi,
  type Mandate,
  type Party,
  type Phase,
  type Plan,
  type PlanItem,
  type ReportingItem,
  type Review,
  type Term,
} from './engagement';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
function pick<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}
/** Items of a list that are maps, each with its index (indexes stay those of the source). */
function items(v: unknown): [Obj, number][] {
  if (!Array.isArray(v)) return [];
  const out: [Obj, number][] = [];
  v.forEach((item, i) => {
    if (isObj(item)) out.push([item, i]);
  });
  return out;
}
/** Own enumerable entries only: a `__proto__` key is data, never a prototype. */
const entries = (o: Obj): [string, unknown][] => Object.keys(o).map((k) => [k, o[k]]);

/**
 * Builds the typed model from parsed data; `undefined` when the root is not a map. With
 * `forCard`, only what an engagement card reads (core/card.ts: identity, status, client,
 * executive, commitment, term, plan, KPIs and reviews) is built, and the other sections are left empty:
 * a workspace scan needs only cards, and the rest is about half of the work.
 */
export function normalize(raw: unknown, forCard = false): Engagement | undefined {
  if (!isObj(raw)) return undefined;
  const client = isObj(raw.client) ? raw.client : undefined;
  const executive = isObj(raw.executive) ? raw.executive : undefined;
  const read = {
    format: str(raw.format),
    id: str(raw.id),
    title: str(raw.title),
    status: 'status' in raw ? pick(raw.status, ['draft', 'proposed', 'active', 'paused', 'completed', 'ended'] as const) : ('draft' as const),
    currency: str(raw.currency) ?? 'USD',
    client: client && { name: str(client.name), stage: str(client.stage), industry: str(client.industry), employees: num(client.employees) },
    executive: executive && { name: str(executive.name), role: str(executive.role), email: str(executive.email) },
    term: isObj(raw.term) ? term(raw.term) : undefined,
    commitment: isObj(raw.commitment) ? commitment(raw.commitment) : undefined,
    plan: isObj(raw.plan) ? plan(raw.plan) : undefined,
    kpis: items(raw.kpis).map(([k, i]) => kpi(k, ['kpis', i])),
    reviews: items(raw.reviews).map(([r, i]) => review(r, ['reviews', i])),
  };
  if (forCard) return { ...read, parties: [] };
  return {
    ...read,
    parties: parties(raw.parties),
    fees: isObj(raw.fees) ? fees(raw.fees) : undefined,
    mandate: isObj(raw.mandate) ? mandate(raw.mandate) : undefined,
    authority: isObj(raw.authority) ? authority(raw.authority) : undefined,
    access: isObj(raw.access) ? access(raw.access) : undefined,
    reporting: Array.isArray(raw.reporting) ? items(raw.reporting).map(([r, i]) => reporting(r, ['reporting', i])) : undefined,
    notes: str(raw.notes),
  };
}

function parties(v: unknown): Party[] {
  const declared: Party[] = isObj(v)
    ? entries(v).map(([id, p]) => ({
        id,
        name: isObj(p) ? str(p.name) : undefined,
        title: isObj(p) ? str(p.title) : undefined,
        implicit: false,
        path: ['parties', id],
      }))
    : [];
  for (const id of ['exec', 'ceo']) {
    if (!declared.some((p) => p.id === id)) declared.push({ id, implicit: true, path: [] });
  }
  return declared;
}

function term(t: Obj): Term {
  return { start: str(t.start), end: str(t.end), months: num(t.months), noticeDays: num(t['notice-days']), path: ['term'] };
}

function commitment(c: Obj): Commitment {
  return {
    daysPerWeek: num(c['days-per-week']),
    daysPerMonth: num(c['days-per-month']),
    surges: items(c.surge).map(([s, i]) => ({
      daysPerWeek: num(s['days-per-week']),
      from: str(s.from),
      until: str(s.until),
      path: ['commitment', 'surge', i],
    })),
    path: ['commitment'],
  };
}

function fees(f: Obj): Fees {
  const rate = isObj(f.rate) ? { amount: num(f.rate.amount), per: pick(f.rate.per, ['hour', 'day', 'month']) } : undefined;
  return {
    rate,
    bonuses: items(f.bonuses).map(([b, i]) => ({ kpi: str(b.kpi), amount: num(b.amount), path: ['fees', 'bonuses', i] })),
  };
}

function mandate(m: Obj): Mandate {
  return {
    problem: str(m.problem),
    mode: pick(m.mode, ['lead', 'advise']) ?? 'lead',
    signs: strings(m.signs),
    objectives: strings(m.objectives),
    outOfScope: strings(m['out-of-scope']),
    path: ['mandate'],
  };
}

const ROW_FIELDS = new Set(['id', 'decision', 'limit']);

function authority(a: Obj): Authority {
  const areas: Authority['areas'] = {};
  for (const area of AREAS) {
    if (!(area in a)) continue;
    const rows: DecisionRow[] = items(a[area]).map(([row, i]) => {
      const path: Path = ['authority', area, i];
      return {
        area,
        id: str(row.id),
        decision: str(row.decision),
        limit: num(row.limit),
        assignments: entries(row)
          .filter(([key]) => !ROW_FIELDS.has(key))
          .map(([party, level]) => ({ party, level: pick(level, LEVELS), path: [...path, party] })),
        path,
      };
    });
    areas[area] = rows;
  }
  return { areas, path: ['authority'] };
}

function access(a: Obj): Access {
  return {
    crm: pick(a.crm, ['none', 'view', 'full']),
    financials: strings(a.financials),
    ceoOneOnOne: pick(a['ceo-one-on-one'], ['weekly', 'biweekly', 'monthly', 'none']),
    meetings: strings(a.meetings),
    path: ['access'],
  };
}

function reporting(r: Obj, path: Path): ReportingItem {
  return {
    name: str(r.name),
    cadence: pick(r.cadence, ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly']),
    format: pick(r.format, ['async', 'meeting']),
    minutes: num(r.minutes),
    audience: str(r.audience),
    path,
  };
}

function kpi(k: Obj, path: Path): Kpi {
  const authorityIds: Kpi['authority'] = Array.isArray(k.authority)
    ? k.authority.flatMap((id, i) => (typeof id === 'string' ? [{ id, path: [...path, 'authority', i] }] : []))
    : [];
  return {
    id: str(k.id),
    name: str(k.name),
    type: pick(k.type, ['leading', 'lagging']),
    unit: str(k.unit),
    baseline: num(k.baseline),
    target: num(k.target),
    direction: pick(k.direction, ['increase', 'decrease']),
    by: str(k.by),
    owner: str(k.owner) ?? 'exec',
    ownerDeclared: str(k.owner) !== undefined,
    source: str(k.source),
    authority: authorityIds,
    actuals: items(k.actuals).map(([a, i]) => ({ date: str(a.date), value: num(a.value), note: str(a.note), path: [...path, 'actuals', i] })),
    path,
  };
}

function plan(p: Obj): Plan {
  const days = num(p.days);
  return {
    start: str(p.start),
    days: days !== undefined && Number.isInteger(days) && days >= 1 ? days : 90,
    phases: items(p.phases).map(([ph, i]) => phase(ph, ['plan', 'phases', i])),
    quickWins: Array.isArray(p['quick-wins']) ? items(p['quick-wins']).map(([q, i]) => planItem(q, ['plan', 'quick-wins', i])) : undefined,
    initiatives: Array.isArray(p.initiatives) ? items(p.initiatives).map(([q, i]) => planItem(q, ['plan', 'initiatives', i])) : undefined,
    path: ['plan'],
  };
}

function phase(p: Obj, path: Path): Phase {
  return {
    id: str(p.id),
    name: str(p.name),
    kind: pick(p.kind, ['diagnostic', 'build', 'execute', 'custom']),
    days: parseDayRange(p.days),
    goal: str(p.goal),
    ceoRole: str(p['ceo-role']),
    activities: items(p.activities).map(([a, i]) => activity(a, [...path, 'activities', i])),
    path,
  };
}

function activity(a: Obj, path: Path): Activity {
  const weeks = parseDayRange(a.weeks);
  const days = parseDayRange(a.days);
  const span = weeks ? weeksToDays(weeks) : days;
  const spanKey = weeks ? 'weeks' : days ? 'days' : undefined;
  return { id: str(a.id), name: str(a.name), span, spanKey, owner: str(a.owner), deliverable: a.deliverable === true, path };
}

function planItem(q: Obj, path: Path): PlanItem {
  return { name: str(q.name), kpi: str(q.kpi), phase: str(q.phase), path };
}

function review(r: Obj, path: Path): Review {
  const scores = isObj(r.scores) ? r.scores : {};
  return {
    date: str(r.date),
    kind: pick(r.kind, ['monthly', 'quarterly']),
    scores: {
      financialImpact: num(scores['financial-impact']),
      capabilityBuilding: num(scores['capability-building']),
      strategicClarity: num(scores['strategic-clarity']),
    },
    hasScores: isObj(r.scores),
    decision: str(r.decision),
    notes: str(r.notes),
    path,
  };
}
