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

export type PlanPosition =
  | { readonly state: 'no-plan' }
  | { readonly state: 'not-started'; readonly daysUntilStart: number }
  | { readonly state: 'in-progress'; readonly day: number; readonly days: number; readonly phase?: Phase }
  | { readonly state: 'complete'; readonly days: number };

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

/** The plan laid on the calendar, or undefined without a start date. */
export function planCalendar(model: Engagement): PlanCalendar | undefined {
  const schedule = scheduleOf(model);
  const start = schedule.planStart;
  if (start === undefined) return undefined;
  const days = schedule.planDays;
  const dateOfDay = (n: number): string => formatDay(start + n - 1);
  const phases: PhaseDates[] = [];
  for (const phase of model.plan?.phases ?? []) {
    if (!phase.days) continue;
    phases.push({
      phase,
      firstDay: phase.days.first,
      lastDay: phase.days.last,
      startDate: dateOfDay(phase.days.first),
      endDate: dateOfDay(phase.days.last),
    });
  }
  return {
    startDate: dateOfDay(1),
    endDate: dateOfDay(days),
    days,
    phases,
    dateOfDay,
    dayOfDate: (d: Day) => d - start + 1,
  };
}

/** Where "today" falls in the plan: "day 34 of 90, Build", "starts in 5 days", "complete". */
export function planPosition(model: Engagement, today: Day): PlanPosition {
  const calendar = planCalendar(model);
  if (!calendar) return { state: 'no-plan' };
  const day = calendar.dayOfDate(today);
  if (day < 1) return { state: 'not-started', daysUntilStart: 1 - day };
  if (day > calendar.days) return { state: 'complete', days: calendar.days };
  const current = calendar.phases.find((p) => p.firstDay <= day && day <= p.lastDay);
  return current ? { state: 'in-progress', day, days: calendar.days, phase: current.phase } : { state: 'in-progress', day, days: calendar.days };
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
