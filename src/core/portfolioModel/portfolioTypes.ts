import type { KpiStatus } from '../kpiStatus';
import type { EngagementStatus } from '../model/engagement';

/**
 * The portfolio: every executive's load week by week against their capacity, every
 * engagement's term, plan position and KPIs, and the dates that call for a decision. Plain
 * data (dates as `YYYY-MM-DD`), the same for the editor's page, the command line's formats
 * and `--format json`.
 */
export interface Portfolio {
  readonly format: 'engagement-portfolio/1';
  readonly today: string;
  /** The weeks shown, Monday to Sunday, oldest first. */
  readonly weeks: readonly PortfolioWeek[];
  /** The window's first and last day: the timeline's span, and the horizon of dates due. */
  readonly from: string;
  readonly until: string;
  /** The executives with at least one engagement the filter selects, by name. */
  readonly executives: readonly ExecutiveLoad[];
  /** The engagements the filter selects that concern the window, by executive and start. */
  readonly engagements: readonly PortfolioEngagement[];
  /** Term ends, notice dates and quarterly assessments in the window, by date. */
  readonly due: readonly DueItem[];
  readonly totals: PortfolioTotals;
  readonly filter: PortfolioFilter;
  /** What the filters can choose from: every value in the workspace, sorted. */
  readonly choices: FilterChoices;
}

export interface PortfolioWeek {
  /** The Monday. */
  readonly start: string;
  /** The week that holds today. */
  readonly current: boolean;
}

/** Narrows the portfolio to engagements that match every field given. */
export interface PortfolioFilter {
  /** An executive's e-mail or name (compared as the format identifies executives). */
  readonly executive?: string;
  readonly client?: string;
  readonly role?: string;
  readonly status?: EngagementStatus;
}

export interface FilterChoices {
  readonly executives: readonly { readonly key: string; readonly label: string }[];
  readonly clients: readonly string[];
  readonly roles: readonly string[];
  readonly statuses: readonly EngagementStatus[];
}

/** Where a list item opens: the file (its URI, and how it is named to people) and a 0-based line. */
export interface SourcePlace {
  readonly uri: string;
  readonly path: string;
  readonly line: number;
}

export interface ExecutiveLoad {
  /** `email:…` or `name:…`: how engagements are matched to one person. */
  readonly key: string;
  readonly name: string;
  readonly email?: string;
  readonly roles: readonly string[];
  /** Days a week, from `.engagementrc.yaml` or the default of 5. */
  readonly capacity: number;
  /** Per week of the window, in the order of `Portfolio.weeks`. */
  readonly weeks: readonly ExecutiveWeek[];
  /** Weeks whose committed load (active engagements) is above capacity. */
  readonly weeksOver: number;
  /** The most committed days of any week of the window. */
  readonly peak: number;
  /** Free days over the window's weeks from the current one on: capacity less committed load, never below 0. */
  readonly freeAhead: number;
  /** The engagements drawn in the chart (every one with load in the window), as indexes into `Portfolio.engagements`' `ref`. */
  readonly segments: readonly LoadSegment[];
}

/** One engagement in an executive's chart. */
export interface LoadSegment {
  readonly ref: number;
  readonly label: string;
  readonly client: string;
  /** Proposed engagements are drawn, but counted apart: they are not committed yet. */
  readonly tentative: boolean;
  /** Days a week in each week of the window. */
  readonly days: readonly number[];
  readonly place: SourcePlace;
}

export interface ExecutiveWeek {
  /** Days committed (active engagements). */
  readonly committed: number;
  /** Days proposed on top (proposed engagements). */
  readonly proposed: number;
  readonly over: boolean;
  /** Over capacity only if the proposals are won. */
  readonly overIfProposed: boolean;
}

export interface PortfolioEngagement {
  /** Stable within one portfolio: segments and dates due point here. */
  readonly ref: number;
  readonly id?: string;
  readonly title: string;
  readonly client: string;
  readonly executive: { readonly key: string; readonly name: string; readonly role?: string };
  readonly status: EngagementStatus;
  readonly termStart?: string;
  /** Undefined for an open-ended term. */
  readonly termEnd?: string;
  /** "day 34 of 90 · Build", "starts in 5 days", "plan complete", "no plan dates". */
  readonly position: string;
  readonly phases: readonly { readonly name: string; readonly start: string; readonly end: string }[];
  readonly kpis: KpiRollup;
  /** Errors found in the file; undefined while it is still being checked. */
  readonly errors: number | undefined;
  readonly place: SourcePlace;
  readonly kpiPlace: SourcePlace;
}

export type KpiRollup = Readonly<Record<KpiStatus, number>>;

export type DueKind = 'term-end' | 'notice' | 'assessment';

export interface DueItem {
  readonly kind: DueKind;
  readonly date: string;
  /** Negative when past. */
  readonly daysFromToday: number;
  readonly ref: number;
  /** "Term ends", "Notice due (30 days before the end)", "Quarterly assessment (last 2026-06-30)". */
  readonly what: string;
  readonly place: SourcePlace;
}

export interface PortfolioTotals {
  /** Engagements in the workspace, before the filter. */
  readonly files: number;
  readonly shown: number;
  readonly active: number;
  readonly executivesOver: number;
  readonly kpis: KpiRollup;
  readonly errors: number;
  /** Files still being checked (their errors are not counted yet). */
  readonly unchecked: number;
}
