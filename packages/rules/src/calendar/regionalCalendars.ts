import regionalJson from '../../data/ru-regional-2024-2026.json' with { type: 'json' };
import type { LocalizedText } from '../shared/types.js';
import { extendCalendar, type AddDaysData } from './extendCalendar.js';
import { russianCalendar } from './russianCalendar.js';
import type { WorkCalendar } from './types.js';

const regions: { readonly tatarstan: AddDaysData; readonly bashkortostan: AddDaysData } = regionalJson.regions;

const TATARSTAN_NAME: LocalizedText = {
  ru: 'Производственный календарь Республики Татарстан',
  en: 'Production calendar of the Republic of Tatarstan',
};

const BASHKORTOSTAN_NAME: LocalizedText = {
  ru: 'Производственный календарь Республики Башкортостан',
  en: 'Production calendar of the Republic of Bashkortostan',
};

/**
 * Builds the production calendar of the Republic of Tatarstan for 2024–2026: the federal calendar plus Ураза-байрам,
 * Курбан-байрам, 30 August (День Республики) and 6 November (День Конституции РТ), with their short days.
 * A republican holiday on a weekend is not moved to a weekday (Tatarstan law since 2017). The calendar covers only
 * 2024–2026, the years the regional data is complete for: other years throw instead of missing the region's days.
 *
 * @param base - the federal calendar to build on; `russianCalendar()` by default.
 * @throws {TypeError} when `base` was not made by this package.
 * @throws {RangeError} when `base` does not cover 2024–2026.
 *
 * @example
 * import { tatarstanCalendar } from '@fioco-flow/rules';
 *
 * const kazan = tatarstanCalendar();
 * kazan.isWorkingDay('2026-03-20'); //=> false (Ураза-байрам)
 * kazan.isWorkingDay('2026-08-31'); //=> true (30 August 2026 is a Sunday and is not moved)
 * kazan.describeDay('2026-03-19').short; //=> true
 * kazan.countWorkingDays('2024-12-31', '2025-12-31'); //=> 245
 */
export function tatarstanCalendar(base: WorkCalendar = russianCalendar()): WorkCalendar {
  return extendCalendar(base, regions.tatarstan, { mode: 'add-days', name: TATARSTAN_NAME });
}

/**
 * Builds the production calendar of the Republic of Bashkortostan for 2024–2026: the federal calendar plus
 * Ураза-байрам, Курбан-байрам and 11 October (День Республики), with their short days. A holiday on a weekend moves
 * to the next working day. Monday 17 June 2024 and Monday 12 October 2026 follow from that rule and are marked
 * `inferred`. The calendar covers only 2024–2026: other years throw instead of missing the region's days.
 *
 * @param base - the federal calendar to build on; `russianCalendar()` by default.
 * @throws {TypeError} when `base` was not made by this package.
 * @throws {RangeError} when `base` does not cover 2024–2026.
 *
 * @example
 * import { bashkortostanCalendar } from '@fioco-flow/rules';
 *
 * const ufa = bashkortostanCalendar();
 * ufa.isWorkingDay('2025-10-13'); //=> false (День Республики, moved from Saturday 11 October)
 * ufa.describeDay('2026-10-12').inferred; //=> true
 * ufa.addWorkingDays('2025-10-10', 1); //=> '2025-10-14'
 */
export function bashkortostanCalendar(base: WorkCalendar = russianCalendar()): WorkCalendar {
  return extendCalendar(base, regions.bashkortostan, { mode: 'add-days', name: BASHKORTOSTAN_NAME });
}
