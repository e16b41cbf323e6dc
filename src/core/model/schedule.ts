import { addMonths, parseDay, type Day } from './dates';
import type { Engagement, Schedule } from './engagement';

/** Term and plan dates as day numbers; each is undefined when the file does not give it. */
export function scheduleOf(model: Engagement): Schedule {
  const termStart = parseDay(model.term?.start);
  let termEnd: Day | undefined = parseDay(model.term?.end);
  if (termEnd === undefined && termStart !== undefined && model.term?.months !== undefined) {
    termEnd = addMonths(termStart, model.term.months) - 1;
  }
  const planStart = parseDay(model.plan?.start) ?? termStart;
  return { termStart, termEnd, planStart, planDays: model.plan?.days ?? 90 };
}

/** A KPI deadline (`YYYY-MM-DD` or `day N`) as a day number. */
export function deadlineDay(by: string | undefined, schedule: Schedule): Day | undefined {
  if (by === undefined) return undefined;
  const planDay = /^day ([1-9][0-9]*)$/.exec(by);
  if (planDay) return schedule.planStart === undefined ? undefined : schedule.planStart + Number(planDay[1]) - 1;
  return parseDay(by);
}
