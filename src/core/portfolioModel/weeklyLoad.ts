import type { Day } from '../model/dates';
import { weeklyOn, type Load } from '../portfolio';

/** The Monday of the week that holds `day` (1970-01-01, day 0, was a Thursday). */
export function mondayOf(day: Day): Day {
  return day - (((day + 3) % 7) + 7) % 7;
}

/** The Mondays of a window: `back` weeks before the one holding `today`, that week, and the weeks after it up to `ahead` weeks in all from it. */
export function weekWindow(today: Day, back: number, ahead: number): Day[] {
  const first = mondayOf(today) - back * 7;
  return Array.from({ length: back + ahead }, (_, i) => first + i * 7);
}

/**
 * An engagement's days a week in each week of the window: the average over the week's seven
 * days of what it asks on each (its base commitment, or a surge), so a term that starts on a
 * Thursday counts four sevenths of its first week. Work grows with the weeks, not with the
 * term's length.
 */
export function weeklyLoad(load: Load, mondays: readonly Day[]): number[] {
  return mondays.map((monday) => {
    const first = Math.max(monday, load.start);
    const last = Math.min(monday + 6, load.end);
    if (first > last) return 0;
    if (load.surges.length === 0) return (load.base * (last - first + 1)) / 7;
    let sum = 0;
    for (let day = first; day <= last; day++) sum += weeklyOn(load, day);
    return sum / 7;
  });
}
