import { federalDefinition } from './federalData.js';
import type { WorkCalendar } from './types.js';
import { createCalendar } from './workCalendar.js';

/** Options of `russianCalendar`. */
export interface RussianCalendarOptions {
  /**
   * Whether the paid non-working days declared by presidential decrees in 2020 (30 March – 30 April, 6–8 May,
   * 24 June, 1 July) and 2021 (4–7 May, 1–3 November) are days off, as the published calendars show them.
   * `false` gives the calendar by Government decree alone, with the short days of that reading. Default `true`.
   */
  readonly extraordinaryNonWorkingDays?: boolean;
}

/**
 * Builds the federal production calendar of Russia (five-day week) for 2013–2027 from the data shipped with the
 * package: Labour Code art. 112 holidays, each year's Government decree on transfers, and for 2020 and 2021 the
 * presidential non-working days. 2027 is provisional: its transfer decree is not in the data yet, and every
 * description built on it is marked provisional.
 *
 * @param options - `extraordinaryNonWorkingDays: false` drops the 2020–2021 presidential non-working days.
 * @returns a calendar whose arithmetic runs in constant time per call.
 * @throws {TypeError} when `extraordinaryNonWorkingDays` is given and is not a boolean.
 *
 * @example
 * import { russianCalendar } from '@fioco-flow/rules';
 *
 * const calendar = russianCalendar();
 * calendar.isWorkingDay('2026-01-09'); //=> false (day off transferred from Saturday 3 January)
 * calendar.isWorkingDay('2025-11-01'); //=> true (working Saturday, swapped with Monday 3 November)
 * calendar.addWorkingDays('2026-03-16', -7); //=> '2026-03-04' (Monday 9 March is a day off)
 * calendar.countWorkingDays('2025-12-31', '2026-12-31'); //=> 247
 * russianCalendar({ extraordinaryNonWorkingDays: false }).isWorkingDay('2020-04-06'); //=> true
 */
export function russianCalendar(options: RussianCalendarOptions = {}): WorkCalendar {
  const extraordinaryNonWorkingDays = options.extraordinaryNonWorkingDays ?? true;
  if (typeof extraordinaryNonWorkingDays !== 'boolean') {
    throw new TypeError(
      `Invalid option extraordinaryNonWorkingDays: ${String(extraordinaryNonWorkingDays)} is not a boolean. Pass true (the default) or false.`,
    );
  }
  return createCalendar(federalDefinition(extraordinaryNonWorkingDays));
}
