import { epochDay, isLeapYear, packIsoDate, weekdayOfEpochDay } from '../shared/isoDate.js';
import type { IsoDate, LocalizedText } from '../shared/types.js';
import type { CalendarDefinition, RegionalDay } from './definition.js';
import type { YearStatus } from './types.js';

// Day kinds as stored in `CalendarModel.flags`. The two working kinds come first, so `kind <= WORKING_WEEKEND`
// tests for a working day.
export const WORKING = 0;
export const WORKING_WEEKEND = 1;
export const WEEKEND = 2;
export const HOLIDAY = 3;
export const TRANSFERRED_DAY_OFF = 4;
export const EXTRAORDINARY = 5;
export const REGIONAL_HOLIDAY = 6;

export const KIND_MASK = 7;
export const SHORT_FLAG = 8;

/** A regional day as stored in the model, with the region it belongs to. */
export interface RegionalEntry extends RegionalDay {
  readonly region?: LocalizedText;
}

/**
 * The tables one calendar is computed from. Dates are addressed by their day index: days since 1 January of the
 * first year. Every lookup is O(1).
 */
export interface CalendarModel {
  readonly name: LocalizedText;
  readonly firstYear: number;
  readonly yearCount: number;
  /** Days since 1970-01-01 of day index 0. */
  readonly firstEpochDay: number;
  readonly dayCount: number;
  /** Day index of 1 January of each year, plus one entry for the day after the last year. */
  readonly yearStart: Int32Array;
  readonly leapYear: Uint8Array;
  readonly yearStatus: readonly YearStatus[];
  /** Per day index: the kind code, plus `SHORT_FLAG` for a pre-holiday short day. */
  readonly flags: Uint8Array;
  /** `cumulative[i]` = working days among day indexes 0 … i − 1; length `dayCount + 1`. */
  readonly cumulative: Int32Array;
  /** `workingDays[k]` = day index of the (k + 1)-th working day of the data. */
  readonly workingDays: Int32Array;
  readonly holidays: ReadonlyMap<string, LocalizedText>;
  /** Day index of a transferred day off → the date it came from. */
  readonly transferredFrom: ReadonlyMap<number, IsoDate>;
  /** Day index of a date whose day off was moved → where it went. */
  readonly transferredTo: ReadonlyMap<number, IsoDate>;
  readonly decrees: ReadonlyMap<number, string>;
  readonly regional: ReadonlyMap<number, RegionalEntry>;
}

/** A problem in calendar data: where it is (`years.2028.shortDays[2]`) and what is wrong. */
export interface DataIssue {
  readonly path: string;
  readonly message: string;
  /** For a problem in regional days: the position of their layer in `CalendarDefinition.layers`. */
  readonly layer?: number;
}

/**
 * Builds the lookup tables of a definition whose years are contiguous and already checked. Regional short days are
 * checked here against the federal days they land on, and their problems are pushed to `issues`, not thrown.
 */
export function buildModel(definition: CalendarDefinition, issues: DataIssue[] = []): CalendarModel {
  const yearNumbers = [...definition.years.keys()].sort((a, b) => a - b);
  const firstYear = yearNumbers[0] ?? 0;
  const yearCount = yearNumbers.length;
  const firstEpochDay = epochDay(firstYear, 1, 1);

  const yearStart = new Int32Array(yearCount + 1);
  const leapYear = new Uint8Array(yearCount);
  for (let i = 0; i < yearCount; i++) {
    yearStart[i] = epochDay(firstYear + i, 1, 1) - firstEpochDay;
    leapYear[i] = isLeapYear(firstYear + i) ? 1 : 0;
  }
  yearStart[yearCount] = epochDay(firstYear + yearCount, 1, 1) - firstEpochDay;
  const dayCount = yearStart[yearCount] ?? 0;

  const indexOf = (date: IsoDate): number => {
    const packed = packIsoDate(date);
    if (packed === -1) return -1;
    const index = epochDay(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100) - firstEpochDay;
    return index >= 0 && index < dayCount ? index : -1;
  };

  const flags = new Uint8Array(dayCount);
  for (let index = 0; index < dayCount; index++) {
    flags[index] = weekdayOfEpochDay(firstEpochDay + index) >= 6 ? WEEKEND : WORKING;
  }

  const transferredFrom = new Map<number, IsoDate>();
  const transferredTo = new Map<number, IsoDate>();
  const decrees = new Map<number, string>();
  const yearStatus: YearStatus[] = [];

  for (const year of yearNumbers) {
    const data = definition.years.get(year);
    if (data === undefined) continue;
    yearStatus.push(data.status);

    for (const transfer of data.transferList) {
      const to = indexOf(transfer.to);
      const from = indexOf(transfer.from);
      if (to !== -1) transferredFrom.set(to, transfer.from);
      if (from !== -1) transferredTo.set(from, transfer.to);
    }

    // A holiday on a weekend is a holiday too, though the day was off anyway.
    for (const monthDay of definition.holidays.keys()) {
      const index = indexOf(`${year}-${monthDay}`);
      if (index !== -1 && flags[index] === WEEKEND) flags[index] = HOLIDAY;
    }

    for (const date of data.nonWorkingWeekdays) {
      const index = indexOf(date);
      const decree = data.extraordinary.get(date);
      if (decree !== undefined) {
        flags[index] = EXTRAORDINARY;
        decrees.set(index, decree);
      } else if (definition.holidays.has(date.slice(5))) {
        flags[index] = HOLIDAY;
      } else {
        flags[index] = TRANSFERRED_DAY_OFF;
      }
    }

    for (const date of data.workingWeekends) flags[indexOf(date)] = WORKING_WEEKEND;
    for (const date of data.shortDays) flags[indexOf(date)]! |= SHORT_FLAG;
  }

  const regional = new Map<number, RegionalEntry>();
  for (const [layerNumber, layer] of definition.layers.entries()) {
    for (const day of layer.days) {
      const index = indexOf(day.date);
      // Outside the years a layer was cut to, or a day already off under federal law: the federal reason stays.
      if (index === -1) continue;
      const kind = flags[index]! & KIND_MASK;
      if (kind !== WORKING && kind !== WORKING_WEEKEND && kind !== WEEKEND) continue;
      flags[index] = REGIONAL_HOLIDAY;
      regional.set(index, layer.region === undefined ? day : { ...day, region: layer.region });
    }
    for (const [position, date] of layer.shortDays.entries()) {
      const index = indexOf(date);
      if (index === -1) continue;
      if ((flags[index]! & KIND_MASK) > WORKING_WEEKEND) {
        issues.push({ path: `shortDays[${position}]`, message: `'${date}' is not a working day, so it cannot be shortened`, layer: layerNumber });
        continue;
      }
      flags[index]! |= SHORT_FLAG;
    }
  }

  const cumulative = new Int32Array(dayCount + 1);
  let workingTotal = 0;
  for (let index = 0; index < dayCount; index++) {
    if ((flags[index]! & KIND_MASK) <= WORKING_WEEKEND) workingTotal++;
    cumulative[index + 1] = workingTotal;
  }
  const workingDays = new Int32Array(workingTotal);
  for (let index = 0, ordinal = 0; index < dayCount; index++) {
    if ((flags[index]! & KIND_MASK) <= WORKING_WEEKEND) workingDays[ordinal++] = index;
  }

  return {
    name: definition.name,
    firstYear,
    yearCount,
    firstEpochDay,
    dayCount,
    yearStart,
    leapYear,
    yearStatus,
    flags,
    cumulative,
    workingDays,
    holidays: definition.holidays,
    transferredFrom,
    transferredTo,
    decrees,
    regional,
  };
}
