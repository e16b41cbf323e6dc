import { formatDay, type Day } from './model/dates';
import type { Engagement, Phase } from './model/engagement';
import { scheduleOf } from './model/schedule';

export interface PhaseDates {
  readonly phase: Phase;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly startDate: string;
  readonly endDate: string;
}

/** The phase a position names: its id and name. */
export type PhaseName = Pick<Phase, 'id' | 'name'>;

export type PlanPosition =
  | { readonly state: 'no-plan' }
  | { readonly state: 'not-started'; readonly daysUntilStart: number }
  | { readonly state: 'in-progress'; readonly day: number; readonly days: number; readonly phase?: PhaseName }
  | { readonly state: 'complete'; readonly days: number };

/**
 * The plan's days as plain data: its first day, its length and the days of each phase that
 * has them. All `planPosition` needs, so a list of many engagements can keep this alone.
 */
export interface PlanDays<P extends PhaseName = Phase> {
  readonly start: Day;
  readonly days: number;
  readonly phases: readonly { readonly phase: P; readonly firstDay: number; readonly lastDay: number }[];
}

export interface PlanCalendar {
  readonly startDate: string;
  readonly endDate: string;
  readonly days: number;
  readonly phases: readonly PhaseDates[];
  /** Calendar date of plan day N (day 1 is the start). */
  dateOfDay(day: number): string;
  /** Plan day of a date (may be ≤ 0 before the start or > days after the end). */
  dayOfDate(day: Day): number;
}

/** The plan's days, or undefined without a start date. */
export function planDays(model: Engagement): PlanDays | undefined {
  const schedule = scheduleOf(model);
  const start = schedule.planStart;
  if (start === undefined) return undefined;
  const phases: PlanDays['phases'][number][] = [];
  for (const phase of model.plan?.phases ?? []) if (phase.days) phases.push({ phase, firstDay: phase.days.first, lastDay: phase.days.last });
  return { start, days: schedule.planDays, phases };
}

/** The plan laid on the calendar, or undefined without a start date. */
export function planCalendar(model: Engagement): PlanCalendar | undefined {
  const plan = planDays(model);
  if (!plan) return undefined;
  const { start, days } = plan;
  const dateOfDay = (n: number): string => formatDay(start + n - 1);
  return {
    startDate: dateOfDay(1),
    endDate: dateOfDay(days),
    days,
    phases: plan.phases.map((p) => ({ ...p, startDate: dateOfDay(p.firstDay), endDate: dateOfDay(p.lastDay) })),
    dateOfDay,
    dayOfDate: (d: Day) => d - start + 1,
  };
}

/** Where "today" falls in the plan: "day 34 of 90, Build", "starts in 5 days", "complete". */
export function planPosition(model: Engagement, today: Day): PlanPosition {
  return positionIn(planDays(model), today);
}

/** As `planPosition`, from the plan's days alone (undefined: no start date). */
export function positionIn(plan: PlanDays<PhaseName> | undefined, today: Day): PlanPosition {
  if (!plan) return { state: 'no-plan' };
  const day = today - plan.start + 1;
  if (day < 1) return { state: 'not-started', daysUntilStart: 1 - day };
  if (day > plan.days) return { state: 'complete', days: plan.days };
  const current = plan.phases.find((p) => p.firstDay <= day && day <= p.lastDay);
  return current ? { state: 'in-progress', day, days: plan.days, phase: current.phase } : { state: 'in-progress', day, days: plan.days };
}

/** One line for a status bar or a header. */
export function describePlanPosition(position: PlanPosition): string {
  switch (position.state) {
    case 'no-plan':
      return 'No plan start date';
    case 'not-started':
      return position.daysUntilStart === 1 ? 'Starts tomorrow' : `Starts in ${position.daysUntilStart} days`;
    case 'complete':
      return 'Plan complete';
    case 'in-progress': {
      const phase = position.phase ? ` · ${position.phase.name ?? position.phase.id ?? 'unnamed phase'}` : '';
      return `Day ${position.day} of ${position.days}${phase}`;
    }
  }
}
