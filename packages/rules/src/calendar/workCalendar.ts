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

// Days before the first of each month: entries 1–12 for a common year, 14–25 for a leap year.
const MONTH_STARTS = (() => {
  const starts = new Int16Array(26);
  for (let month = 1; month <= 12; month++) {
    starts[month] = month === 1 ? 0 : starts[month - 1]! + daysInMonth(2001, month - 1);
    starts[13 + month] = month === 1 ? 0 : starts[13 + month - 1]! + daysInMonth(2000, month - 1);
  }
  return starts;
})();

const definitions = new WeakMap<WorkCalendar, CalendarDefinition>();

/** Looks up the definition a calendar of this package was built from; undefined for a calendar made elsewhere. */
export function definitionOf(calendar: WorkCalendar): CalendarDefinition | undefined {
  return definitions.get(calendar);
}

function invalidAmountError(amount: unknown): TypeError {
  const shown = typeof amount === 'string' ? `'${amount}' (a string)` : String(amount);
  return new TypeError(`Invalid amount: ${shown} is not a whole number of working days. Pass an integer such as 7 or -3.`);
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

  // Hot path: digits are read by char code and every table access is in range by construction.
  function indexOf(date: unknown): number {
    const packed = typeof date === 'string' ? packIsoDate(date) : -1;
    if (packed === -1) throw invalidDateError(date);
    const year = (packed / 10000) | 0;
    const yearIndex = year - firstYear;
    if (yearIndex < 0 || yearIndex >= yearCount) throw outsideDataError(date as string, year);
    const monthDay = packed - year * 10000;
    const month = (monthDay / 100) | 0;
    return yearStart[yearIndex]! + MONTH_STARTS[leapYear[yearIndex]! * 13 + month]! + (monthDay - month * 100) - 1;
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
    return isoAt(workingDays[ordinal]!);
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
