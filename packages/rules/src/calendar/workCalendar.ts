import { daysInMonth, formatIsoDate, invalidDateError, packIsoDate } from '../shared/isoDate.js';
import type { IsoDate } from '../shared/types.js';
import type { CalendarDefinition } from './definition.js';
import { describeDayAt } from './describe.js';
import { buildModel, KIND_MASK, WORKING_WEEKEND, type CalendarModel } from './model.js';
import type { DayDescription, WorkCalendar, YearStatus } from './types.js';

// '-MM-DD' of every day of a leap year; a common year skips entry 59 (29 February).
const MONTH_DAY_SUFFIXES: readonly string[] = (() => {
  const suffixes: string[] = [];
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= daysInMonth(2000, month); day++) suffixes.push(formatIsoDate(2000, month, day).slice(4));
  }
  return suffixes;
})();
const FEBRUARY_29 = 59;

// Length of each month and days before its first day: entries 1–12 for a common year, 14–25 for a leap year.
const MONTH_LENGTHS = new Int16Array(26);
const MONTH_STARTS = new Int16Array(26);
for (let month = 1; month <= 12; month++) {
  MONTH_LENGTHS[month] = daysInMonth(2001, month);
  MONTH_LENGTHS[13 + month] = daysInMonth(2000, month);
  MONTH_STARTS[month] = month === 1 ? 0 : MONTH_STARTS[month - 1]! + MONTH_LENGTHS[month - 1]!;
  MONTH_STARTS[13 + month] = month === 1 ? 0 : MONTH_STARTS[13 + month - 1]! + MONTH_LENGTHS[13 + month - 1]!;
}

const DASH = 45;
const ZERO = 48;

const definitions = new WeakMap<WorkCalendar, CalendarDefinition>();

/** Looks up the definition a calendar of this package was built from; undefined for a calendar made elsewhere. */
export function definitionOf(calendar: WorkCalendar): CalendarDefinition | undefined {
  return definitions.get(calendar);
}

function invalidAmountError(amount: unknown): TypeError {
  const amountText = typeof amount === 'string' ? `'${amount}' (a string)` : String(amount);
  return new TypeError(`Invalid amount: ${amountText} is not a whole number of working days. Pass an integer such as 7 or -3.`);
}

/**
 * Builds a `WorkCalendar` over a checked definition. The methods are closures over the model's tables, so they
 * may be passed around detached from the calendar (`dates.filter(calendar.isWorkingDay)`).
 */
export function createCalendar(definition: CalendarDefinition, model: CalendarModel = buildModel(definition)): WorkCalendar {
  const { firstYear, yearCount, yearStart, leapYear, cumulative, workingDays, flags } = model;
  const lastYear = firstYear + yearCount - 1;
  const workingTotal = workingDays.length;
  const years = Object.freeze(Array.from({ length: yearCount }, (_, i) => firstYear + i));
  const yearTexts = years.map((year) => String(year));
  const firstDate = `${firstYear}-01-01`;
  const lastDate = `${lastYear}-12-31`;
  const hasRegionalDays = definition.layers.length > 0;

  function howToAdd(year: number): string {
    const regional = hasRegionalDays ? ", then its regional days with mode 'add-days'" : '';
    return `Add the year with extendCalendar(calendar, { years: { '${year}': { nonWorkingWeekdays, workingWeekends, shortDays } } }, { mode: 'replace-years' })${regional}.`;
  }

  function outsideDataError(date: string, year: number): RangeError {
    return new RangeError(
      `Date '${date}' is outside the calendar data: ${model.name.en} covers ${firstYear}–${lastYear} and has no data for ${year}. ${howToAdd(year)}`,
    );
  }

  function resultOutsideDataError(date: string, amount: number): RangeError {
    const after = amount > 0;
    const year = after ? lastYear + 1 : firstYear - 1;
    return new RangeError(
      `addWorkingDays('${date}', ${amount}) falls ${after ? `after ${lastDate}, the last` : `before ${firstDate}, the first`} date of the calendar data (${firstYear}–${lastYear}). ${howToAdd(year)}`,
    );
  }

  // Hot path: the digits are read by char code, without a regex or a Date, and every table access is in range by
  // construction. Any failure goes to `rejectDate`, which finds the exact problem.
  function indexOf(date: unknown): number {
    if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return rejectDate(date);
    const y0 = date.charCodeAt(0) - ZERO;
    const y1 = date.charCodeAt(1) - ZERO;
    const y2 = date.charCodeAt(2) - ZERO;
    const y3 = date.charCodeAt(3) - ZERO;
    const m0 = date.charCodeAt(5) - ZERO;
    const m1 = date.charCodeAt(6) - ZERO;
    const d0 = date.charCodeAt(8) - ZERO;
    const d1 = date.charCodeAt(9) - ZERO;
    const yearIndex = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - firstYear;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    // Each digit is 0–9 exactly when `d | (9 - d)` is not negative.
    const digits = y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | m0 | (9 - m0) | m1 | (9 - m1) | d0 | (9 - d0) | d1 | (9 - d1);
    if (digits < 0 || yearIndex < 0 || yearIndex >= yearCount) return rejectDate(date);
    if (month === 0 || month > 12 || day === 0 || day > MONTH_LENGTHS[leapYear[yearIndex]! * 13 + month]!) return rejectDate(date);
    return yearStart[yearIndex]! + MONTH_STARTS[leapYear[yearIndex]! * 13 + month]! + day - 1;
  }

  function rejectDate(date: unknown): never {
    const packed = typeof date === 'string' ? packIsoDate(date) : -1;
    if (packed === -1) throw invalidDateError(date);
    throw outsideDataError(date as string, Math.floor(packed / 10000));
  }

  function yearIndexAt(index: number): number {
    let yearIndex = ((index * 4) / 1461) | 0;
    while (yearStart[yearIndex]! > index) yearIndex--;
    while (yearStart[yearIndex + 1]! <= index) yearIndex++;
    return yearIndex;
  }

  function isoAt(index: number): IsoDate {
    const yearIndex = yearIndexAt(index);
    let dayOfYear = index - yearStart[yearIndex]!;
    if (leapYear[yearIndex] === 0 && dayOfYear >= FEBRUARY_29) dayOfYear++;
    return yearTexts[yearIndex]! + MONTH_DAY_SUFFIXES[dayOfYear]!;
  }

  // The ISO string of each working day, made on first use, so that addWorkingDays allocates nothing once warm.
  // At most one short string per working day of the data (about 3,700 for 2013–2027).
  const workingDayTexts = new Array<IsoDate | undefined>(workingTotal).fill(undefined);

  function workingDayText(ordinal: number): IsoDate {
    return (workingDayTexts[ordinal] ??= isoAt(workingDays[ordinal]!));
  }

  function yearStatus(year: number): YearStatus {
    if (!Number.isInteger(year)) throw new TypeError(`Invalid year: ${String(year)} is not an integer year such as 2026.`);
    if (year < firstYear || year > lastYear) {
      throw new RangeError(`Year ${year} is outside the calendar data: ${model.name.en} covers ${firstYear}–${lastYear}. ${howToAdd(year)}`);
    }
    return model.yearStatus[year - firstYear]!;
  }

  function isWorkingDay(date: IsoDate): boolean {
    return (flags[indexOf(date)]! & KIND_MASK) <= WORKING_WEEKEND;
  }

  function addWorkingDays(date: IsoDate, amount: number): IsoDate {
    const index = indexOf(date);
    if (!Number.isInteger(amount)) throw invalidAmountError(amount);
    if (amount === 0) return date;

    // `cumulative[index + 1]` working days lie on or before `date`, `cumulative[index]` strictly before it,
    // so the target's position in `workingDays` follows directly.
    const ordinal = amount > 0 ? cumulative[index + 1]! + amount - 1 : cumulative[index]! + amount;
    if (ordinal < 0 || ordinal >= workingTotal) throw resultOutsideDataError(date, amount);
    return workingDayText(ordinal);
  }

  function countWorkingDays(from: IsoDate, to: IsoDate): number {
    const fromIndex = indexOf(from);
    const toIndex = indexOf(to);
    // Working days in (from, to]; when `to` is earlier the same difference is minus the count for (to, from].
    return cumulative[toIndex + 1]! - cumulative[fromIndex + 1]!;
  }

  function describeDay(date: IsoDate): DayDescription {
    return describeDayAt(model, indexOf(date));
  }

  function isProvisional(date: IsoDate): boolean {
    return model.yearStatus[yearIndexAt(indexOf(date))] === 'provisional';
  }

  const calendar: WorkCalendar = Object.freeze({
    name: model.name,
    years,
    firstDate,
    lastDate,
    yearStatus,
    isWorkingDay,
    addWorkingDays,
    countWorkingDays,
    describeDay,
    isProvisional,
  });
  definitions.set(calendar, definition);
  return calendar;
}
