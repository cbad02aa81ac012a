import type { IsoDate } from './types.js';

/** Year, month (1–12) and day of month of a calendar date. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DASH = 45;
const ZERO = 48;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Checks whether `year` is a leap year of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 0);
}

/**
 * Reads the digits of a `YYYY-MM-DD` string by char code, without a regex or a `Date`.
 * Returns `year * 10000 + month * 100 + day`, or -1 when the shape is wrong or the date does not exist.
 */
export function packIsoDate(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return -1;

  const y0 = value.charCodeAt(0) - ZERO;
  const y1 = value.charCodeAt(1) - ZERO;
  const y2 = value.charCodeAt(2) - ZERO;
  const y3 = value.charCodeAt(3) - ZERO;
  const m0 = value.charCodeAt(5) - ZERO;
  const m1 = value.charCodeAt(6) - ZERO;
  const d0 = value.charCodeAt(8) - ZERO;
  const d1 = value.charCodeAt(9) - ZERO;
  // `d | (9 - d)` is negative exactly when d < 0 or d > 9, so one test checks all eight digits.
  if (((y0 | (9 - y0)) | (y1 | (9 - y1)) | (y2 | (9 - y2)) | (y3 | (9 - y3)) | (m0 | (9 - m0)) | (m1 | (9 - m1)) | (d0 | (9 - d0)) | (d1 | (9 - d1))) < 0) {
    return -1;
  }

  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/** Checks whether `value` is a string `YYYY-MM-DD` naming a date that exists ('2026-02-30' does not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && packIsoDate(value) !== -1;
}

/**
 * Builds the `TypeError` for a value that is not an ISO calendar date, naming the value and the expected form.
 * Kept apart from the checks so that the hot paths only pay for it when they fail.
 */
export function invalidDateError(value: unknown, label = 'date'): TypeError {
  if (typeof value !== 'string') {
    const shown = typeof value === 'number' ? `the number ${String(value)}` : describeValue(value);
    return new TypeError(`Invalid ${label}: expected a string 'YYYY-MM-DD' such as '2026-03-04', got ${shown}.`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new TypeError(`Invalid ${label}: '${value}' is not a real calendar date. Pass an existing date such as '2026-03-04'.`);
  }
  return new TypeError(`Invalid ${label}: '${value}' is not in the form YYYY-MM-DD (for example '2026-03-04').`);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (value instanceof Date) return 'a Date object (pass its calendar date as a string)';
  return `a value of type ${typeof value}`;
}

/**
 * Parses a strict `YYYY-MM-DD` string into its parts.
 *
 * @example
 * parseIsoDate('2026-03-09') //=> { year: 2026, month: 3, day: 9 }
 * @throws {TypeError} when `value` is not a string of that form or names a date that does not exist
 */
export function parseIsoDate(value: unknown): DateParts {
  const packed = typeof value === 'string' ? packIsoDate(value) : -1;
  if (packed === -1) throw invalidDateError(value);
  return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (negative before it). */
export function epochDay(year: number, month: number, day: number): number {
  // Counts from 1 March so that the leap day is the last day of the counting year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Converts days since 1970-01-01 to year, month and day. */
export function partsFromEpochDay(days: number): DateParts {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Formats parts as `YYYY-MM-DD`. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01 of an ISO date. @throws {TypeError} for an invalid date */
export function isoToEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return epochDay(year, month, day);
}

/** Converts days since 1970-01-01 to an ISO date. */
export function epochDayToIso(days: number): IsoDate {
  const { year, month, day } = partsFromEpochDay(days);
  return formatIsoDate(year, month, day);
}

/** Adds `amount` calendar days to `date` (subtracts when negative). @throws {TypeError} for an invalid date */
export function addCalendarDays(date: IsoDate, amount: number): IsoDate {
  return epochDayToIso(isoToEpochDay(date) + amount);
}

/** ISO weekday of a day since 1970-01-01: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of an ISO date: 1 = Monday … 7 = Sunday. @throws {TypeError} for an invalid date */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfEpochDay(isoToEpochDay(date));
}
