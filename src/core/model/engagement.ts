import type { Path } from '../types';
import type { DaySpan } from './dayRange';
import type { Day } from './dates';

/**
 * The engagement as the rules, the tree and the preview read it. Built leniently from
 * whatever parsed: a field of the wrong type is left out (the schema layer has already
 * reported it), so one broken part never hides the rest. Every element keeps its `path`
 * so findings can point back at the source.
 */
export interface Engagement {
  readonly format?: string;
  readonly id?: string;
  readonly title?: string;
  readonly status?: EngagementStatus;
  readonly currency: string;
  readonly client?: { readonly name?: string; readonly stage?: string; readonly industry?: string; readonly employees?: number };
  readonly executive?: { readonly name?: string; readonly role?: string; readonly email?: string };
  /** Declared parties plus the implicit `exec` and `ceo`. */
  readonly parties: readonly Party[];
  readonly term?: Term;
  readonly commitment?: Commitment;
  readonly fees?: Fees;
  readonly mandate?: Mandate;
  /** Absent when the file has no `authority` map at all. */
  readonly authority?: Authority;
  readonly access?: Access;
  readonly reporting?: readonly ReportingItem[];
  readonly kpis: readonly Kpi[];
  readonly plan?: Plan;
  readonly reviews: readonly Review[];
  readonly notes?: string;
  /**
   * Pointers (`/kpis/0/baseline`) of values that are written but that the schema rejected:
   * the model leaves them out, and a rule about a missing field stays quiet about them,
   * since the schema has already said what is wrong.
   */
  readonly invalidPaths?: ReadonlySet<string>;
}

export type EngagementStatus = 'draft' | 'proposed' | 'active' | 'paused' | 'completed' | 'ended';
export const AREAS = ['people', 'budget', 'process', 'strategy'] as const;
export type Area = (typeof AREAS)[number];
export const LEVELS = ['decide', 'approve', 'recommend', 'consult', 'inform'] as const;
export type Level = (typeof LEVELS)[number];
export type Cadence = 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'quarterly';

export interface Party {
  readonly id: string;
  readonly name?: string;
  readonly title?: string;
  /** True for `exec` and `ceo` when the file does not declare them. */
  readonly implicit: boolean;
  readonly path: Path;
}

export interface Term {
  readonly start?: string;
  readonly end?: string;
  readonly months?: number;
  readonly noticeDays?: number;
  readonly path: Path;
}

export interface Commitment {
  readonly daysPerWeek?: number;
  readonly daysPerMonth?: number;
  readonly surges: readonly Surge[];
  readonly path: Path;
}

export interface Surge {
  readonly daysPerWeek?: number;
  readonly from?: string;
  readonly until?: string;
  readonly path: Path;
}

export interface Fees {
  readonly rate?: { readonly amount?: number; readonly per?: 'hour' | 'day' | 'month' };
  readonly bonuses: readonly { readonly kpi?: string; readonly amount?: number; readonly path: Path }[];
}

export interface Mandate {
  readonly problem?: string;
  readonly mode: 'lead' | 'advise';
  readonly signs: readonly string[];
  readonly objectives: readonly string[];
  readonly outOfScope: readonly string[];
  readonly path: Path;
}

export interface Authority {
  /** An area is absent when its key is missing; present with no rows when its list is empty. */
  readonly areas: Partial<Record<Area, readonly DecisionRow[]>>;
  readonly path: Path;
}

export interface DecisionRow {
  readonly area: Area;
  readonly id?: string;
  readonly decision?: string;
  readonly limit?: number;
  /** Every party key of the row, in source order; `level` is undefined when not a known level. */
  readonly assignments: readonly { readonly party: string; readonly level?: Level; readonly path: Path }[];
  readonly path: Path;
}

export interface Access {
  readonly crm?: 'none' | 'view' | 'full';
  readonly financials: readonly string[];
  readonly ceoOneOnOne?: 'weekly' | 'biweekly' | 'monthly' | 'none';
  readonly meetings: readonly string[];
  readonly path: Path;
}

export interface ReportingItem {
  readonly name?: string;
  readonly cadence?: Cadence;
  readonly format?: 'async' | 'meeting';
  readonly minutes?: number;
  readonly audience?: string;
  readonly path: Path;
}

export interface Kpi {
  readonly id?: string;
  readonly name?: string;
  readonly type?: 'leading' | 'lagging';
  readonly unit?: string;
  readonly baseline?: number;
  readonly target?: number;
  readonly direction?: 'increase' | 'decrease';
  /** The deadline as written: a date or "day N". */
  readonly by?: string;
  /** The accountable party: `exec` unless the file names another. */
  readonly owner: string;
  /** Whether `owner` is written in the file (and so is a reference to check). */
  readonly ownerDeclared: boolean;
  readonly source?: string;
  readonly authority: readonly { readonly id: string; readonly path: Path }[];
  readonly actuals: readonly { readonly date?: string; readonly value?: number; readonly note?: string; readonly path: Path }[];
  readonly path: Path;
}

export interface Plan {
  readonly start?: string;
  readonly days: number;
  readonly phases: readonly Phase[];
  readonly quickWins?: readonly PlanItem[];
  readonly initiatives?: readonly PlanItem[];
  readonly path: Path;
}

export interface Phase {
  readonly id?: string;
  readonly name?: string;
  readonly kind?: 'diagnostic' | 'build' | 'execute' | 'custom';
  readonly days?: DaySpan;
  readonly goal?: string;
  readonly ceoRole?: string;
  readonly activities: readonly Activity[];
  readonly path: Path;
}

export interface Activity {
  readonly id?: string;
  readonly name?: string;
  /** Plan days the activity covers, from `weeks` or `days`. */
  readonly span?: DaySpan;
  readonly spanKey?: 'weeks' | 'days';
  readonly owner?: string;
  readonly deliverable: boolean;
  readonly path: Path;
}

export interface PlanItem {
  readonly name?: string;
  readonly kpi?: string;
  readonly phase?: string;
  readonly path: Path;
}

export interface Review {
  readonly date?: string;
  readonly kind?: 'monthly' | 'quarterly';
  readonly scores: { readonly financialImpact?: number; readonly capabilityBuilding?: number; readonly strategicClarity?: number };
  readonly hasScores: boolean;
  readonly decision?: string;
  readonly notes?: string;
  readonly path: Path;
}

/** Derived dates of an engagement, in day numbers. */
export interface Schedule {
  readonly termStart?: Day;
  /** Last day of the term; undefined when open-ended. */
  readonly termEnd?: Day;
  readonly planStart?: Day;
  readonly planDays: number;
}
