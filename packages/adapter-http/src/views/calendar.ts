import type { DayDescription, Deadline, IsoDate, Locale, WorkCalendar } from '@fioco-flow/rules';
import { renderDeadline } from '@fioco-flow/rules';
import { problem } from '../problems/problem.js';

/** A day of the production calendar with its texts in the response language. */
export interface DayView extends Omit<DayDescription, 'name' | 'label'> {
  readonly name?: string;
  readonly label: string;
}

/** A deadline with its sentence in the response language and the days it skipped described likewise. */
export interface DeadlineView extends Omit<Deadline, 'explanation'> {
  readonly text: string;
  readonly explanation: Omit<Deadline['explanation'], 'skippedDays' | 'countedWorkingWeekends'> & {
    readonly skippedDays: readonly DayView[];
    readonly countedWorkingWeekends: readonly DayView[];
  };
}

/** Writes a day's description with its name and label in one language. */
export function toDayView(day: DayDescription, locale: Locale): DayView {
  const { name, label, ...facts } = day;
  return { ...facts, ...(name ? { name: name[locale] } : {}), label: label[locale] };
}

/** Writes a deadline with its rendered sentence, and the days it describes, in one language. */
export function toDeadlineView(deadline: Deadline, locale: Locale, organizationTimeZone?: string): DeadlineView {
  const text = renderDeadline(deadline, { locale, ...(organizationTimeZone ? { organizationTimeZone } : {}) });
  return {
    ...deadline,
    text,
    explanation: {
      ...deadline.explanation,
      skippedDays: deadline.explanation.skippedDays.map((day) => toDayView(day, locale)),
      countedWorkingWeekends: deadline.explanation.countedWorkingWeekends.map((day) => toDayView(day, locale)),
    },
  };
}

/**
 * Runs a calendar computation and turns the `RangeError` of a date beyond the calendar's data into a
 * `date_outside_calendar` problem naming the date and the years the calendar covers.
 */
export function withinCalendar<T>(calendar: WorkCalendar, date: IsoDate, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) {
      throw problem('date_outside_calendar', {
        date,
        firstYear: calendar.years[0] ?? 0,
        lastYear: calendar.years[calendar.years.length - 1] ?? 0,
      });
    }
    throw error;
  }
}

/** Returns whether any year from the earlier to the later date is provisional in the calendar. */
export function spansProvisionalYear(calendar: WorkCalendar, a: IsoDate, b: IsoDate): boolean {
  const first = Number((a < b ? a : b).slice(0, 4));
  const last = Number((a < b ? b : a).slice(0, 4));
  for (let year = first; year <= last; year += 1) {
    if (calendar.yearStatus(year) === 'provisional') return true;
  }
  return false;
}
