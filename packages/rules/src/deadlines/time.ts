import { TZDate } from '@date-fns/tz';
import { dayMonth, weekdayAbbreviation } from '../shared/dateWords.js';
import { formatIsoDate, invalidDateError, packIsoDate, weekdayOf } from '../shared/isoDate.js';
import type { IsoDate, Locale } from '../shared/types.js';

// An instant must carry its offset: without one, `Date.parse` would read it in the machine's time zone.
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

const knownTimeZones = new Set<string>();

/**
 * Checks that `timeZone` is an IANA time zone that the runtime supports.
 * @throws {RangeError} naming the zone otherwise
 */
export function assertTimeZone(timeZone: unknown, label = 'time zone'): asserts timeZone is string {
  if (typeof timeZone === 'string' && knownTimeZones.has(timeZone)) return;
  try {
    if (typeof timeZone !== 'string' || timeZone === '') throw new RangeError('not a string');
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`Invalid ${label}: ${JSON.stringify(timeZone) ?? String(timeZone)} is not an IANA time zone. Pass a name such as 'Europe/Moscow' or 'Asia/Vladivostok'.`);
  }
  knownTimeZones.add(timeZone);
}

/**
 * Milliseconds since the epoch of an instant given as a `Date` or an ISO string with an offset
 * ('2026-03-04T18:30:00+03:00', '2026-03-04T15:30:00Z').
 * @throws {TypeError} for an invalid `Date`, a string without an offset, or a date that does not exist
 */
export function instantToEpochMs(instant: unknown, label = 'instant'): number {
  if (instant instanceof Date) {
    const time = instant.getTime();
    if (Number.isNaN(time)) throw new TypeError(`Invalid ${label}: the Date object is invalid (its time is NaN).`);
    return time;
  }
  if (typeof instant === 'string') {
    const match = INSTANT_PATTERN.exec(instant);
    const time = match === null || packIsoDate(match[1] ?? '') === -1 ? Number.NaN : Date.parse(instant);
    if (!Number.isNaN(time)) return time;
    throw new TypeError(
      `Invalid ${label}: '${instant}' is not an ISO instant with an offset. Pass a Date or a string such as '2026-03-04T18:30:00+03:00' or '2026-03-04T15:30:00Z'.`,
    );
  }
  throw new TypeError(`Invalid ${label}: expected a Date or an ISO string with an offset, got ${instant === null ? 'null' : typeof instant}.`);
}

// The getters of a TZDate (getFullYear, getHours, …) return the fields in its own zone, never the machine's.
function zonedDate(instant: string | Date, timeZone: string): TZDate {
  const time = instantToEpochMs(instant);
  assertTimeZone(timeZone);
  return new TZDate(time, timeZone);
}

/**
 * Returns the calendar date an instant falls on in a time zone.
 *
 * @example
 * import { dateInTimeZone } from '@fioco-flow/rules';
 *
 * // Submitted at 01:30 on 5 March in Vladivostok: still 4 March in Moscow.
 * dateInTimeZone('2026-03-05T01:30:00+10:00', 'Europe/Moscow'); //=> '2026-03-04'
 * dateInTimeZone('2026-03-05T01:30:00+10:00', 'Asia/Vladivostok'); //=> '2026-03-05'
 * @throws {TypeError} for an invalid instant
 * @throws {RangeError} for an unknown time zone
 */
export function dateInTimeZone(instant: string | Date, timeZone: string): IsoDate {
  const zoned = zonedDate(instant, timeZone);
  return formatIsoDate(zoned.getFullYear(), zoned.getMonth() + 1, zoned.getDate());
}

/**
 * Returns the instant a day ends at in a time zone: `cutOff` '24:00' is the next day's 00:00, any other 'HH:MM' is
 * that time of `date`. The conversion goes through the IANA zone, never a fixed offset.
 */
export function endOfDay(date: IsoDate, cutOff: string, timeZone: string): Date {
  const packed = packIsoDate(date);
  if (packed === -1) throw invalidDateError(date);
  assertTimeZone(timeZone);
  const year = Math.floor(packed / 10000);
  const monthIndex = (Math.floor(packed / 100) % 100) - 1;
  const day = packed % 100;
  const [hours, minutes] = cutOff.split(':').map(Number) as [number, number];
  // TZDate rolls day 32 and hour 24 over like Date does, and moves a time inside a daylight-saving gap forward.
  const zoned = hours === 24 ? new TZDate(year, monthIndex, day + 1, 0, minutes, 0, 0, timeZone) : new TZDate(year, monthIndex, day, hours, minutes, 0, 0, timeZone);
  return new Date(zoned.getTime());
}

/**
 * Formats a calendar date for a person: «4 марта 2026 г. (ср)» or "Wed 4 March 2026".
 *
 * @example
 * import { formatDate } from '@fioco-flow/rules';
 *
 * formatDate('2026-03-09'); //=> '9 марта 2026 г. (пн)'
 * formatDate('2026-03-09', 'en'); //=> 'Mon 9 March 2026'
 * @throws {TypeError} for an invalid date
 */
export function formatDate(date: IsoDate, locale: Locale = 'ru'): string {
  const weekday = weekdayOf(date);
  if (locale === 'en') return `${weekdayAbbreviation(weekday, 'en')} ${dayMonth(date, 'en', true)}`;
  return `${dayMonth(date, 'ru', true)} (${weekdayAbbreviation(weekday, 'ru')})`;
}

/** «07:00 5 марта» or "07:00 on 5 March", with the year when `withYear` is set. */
export function formatLocalTime(instant: string | Date, timeZone: string, locale: Locale, withYear: boolean): string {
  const zoned = zonedDate(instant, timeZone);
  const time = `${String(zoned.getHours()).padStart(2, '0')}:${String(zoned.getMinutes()).padStart(2, '0')}`;
  const date = formatIsoDate(zoned.getFullYear(), zoned.getMonth() + 1, zoned.getDate());
  return locale === 'en' ? `${time} on ${dayMonth(date, 'en', withYear)}` : `${time} ${dayMonth(date, 'ru', withYear)}`;
}

/**
 * Formats an instant as the local time and date in a time zone: «16:30 4 марта 2026 г.» or "16:30 on 4 March 2026".
 *
 * @example
 * import { formatInstant } from '@fioco-flow/rules';
 *
 * // The end of 4 March 2026, Moscow time, seen from Vladivostok and from Kaliningrad.
 * formatInstant('2026-03-04T21:00:00.000Z', 'Asia/Vladivostok'); //=> '07:00 5 марта 2026 г.'
 * formatInstant('2026-03-04T21:00:00.000Z', 'Europe/Kaliningrad', 'en'); //=> '23:00 on 4 March 2026'
 * @throws {TypeError} for an invalid instant
 * @throws {RangeError} for an unknown time zone
 */
export function formatInstant(instant: string | Date, timeZone: string, locale: Locale = 'ru'): string {
  return formatLocalTime(instant, timeZone, locale, true);
}
