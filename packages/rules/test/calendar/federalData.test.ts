import { describe, expect, it } from 'vitest';
import federal from '../../data/ru-federal-2013-2027.json' with { type: 'json' };
import { russianCalendar, type WorkCalendar } from '../../src/calendar/index.js';

interface YearJson {
  readonly nonWorkingWeekdays: readonly string[];
  readonly workingWeekends: readonly string[];
  readonly shortDays: readonly string[];
  readonly decreeOnlyShortDays?: readonly string[];
  readonly transferList: readonly { readonly from: string; readonly to: string; readonly basis: string }[];
  readonly extraordinaryNonWorkingDays?: Readonly<Record<string, string>>;
  readonly calendarStatus: string;
  readonly checks: Readonly<Record<string, number | string>>;
}

const years: Readonly<Record<string, YearJson>> = federal.years;
const withPresidentialDays = russianCalendar();
const decreeOnly = russianCalendar({ extraordinaryNonWorkingDays: false });

function everyDate(year: number): string[] {
  const dates: string[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    dates.push(new Date(time).toISOString().slice(0, 10));
  }
  return dates;
}

function workingDaysIn(calendar: WorkCalendar, year: number): number {
  return everyDate(year).filter((date) => calendar.isWorkingDay(date)).length;
}

function shortDaysIn(calendar: WorkCalendar, year: number): number {
  return everyDate(year).filter((date) => calendar.describeDay(date).short).length;
}

// The working-day totals and 40-hour norms the data lists for each year, as the published calendars give them.
const expectedTotals: readonly [year: number, presidential: number, decreeOnly: number, hours40DecreeOnly: number][] = [
  [2013, 247, 247, 1970],
  [2014, 247, 247, 1970],
  [2015, 247, 247, 1971],
  [2016, 247, 247, 1974],
  [2017, 247, 247, 1973],
  [2018, 247, 247, 1970],
  [2019, 247, 247, 1970],
  [2020, 219, 248, 1979],
  [2021, 240, 247, 1972],
  [2022, 247, 247, 1973],
  [2023, 247, 247, 1973],
  [2024, 248, 248, 1979],
  [2025, 247, 247, 1972],
  [2026, 247, 247, 1972],
  [2027, 249, 249, 1987],
];

describe('federal calendar against its data', () => {
  it('covers 2013–2027', () => {
    expect(withPresidentialDays.years).toEqual(Object.keys(years).map(Number));
    expect(withPresidentialDays.firstDate).toBe('2013-01-01');
    expect(withPresidentialDays.lastDate).toBe('2027-12-31');
  });

  it.each(expectedTotals)('%i totals match the published figures', (year, presidential, byDecree, hours40) => {
    expect(workingDaysIn(withPresidentialDays, year)).toBe(presidential);
    expect(workingDaysIn(decreeOnly, year)).toBe(byDecree);
    // Each short day is one hour shorter than the 8 hours of a working day.
    expect(workingDaysIn(decreeOnly, year) * 8 - shortDaysIn(decreeOnly, year)).toBe(hours40);
  });

  it.each(Object.entries(years))('%s totals equal the checks of the data', (key, data) => {
    const year = Number(key);
    const { checks } = data;
    if ('workingDays' in checks) {
      expect(workingDaysIn(withPresidentialDays, year)).toBe(checks.workingDays);
      expect(workingDaysIn(decreeOnly, year)).toBe(checks.workingDays);
      expect(workingDaysIn(withPresidentialDays, year) * 8 - shortDaysIn(withPresidentialDays, year)).toBe(checks.hours40);
    } else if ('workingDays_governmentDecreeOnly' in checks) {
      expect(workingDaysIn(withPresidentialDays, year)).toBe(checks.workingDays_includingPresidentialNonWorkingDays);
      expect(workingDaysIn(decreeOnly, year)).toBe(checks.workingDays_governmentDecreeOnly);
      expect(workingDaysIn(decreeOnly, year) * 8 - shortDaysIn(decreeOnly, year)).toBe(checks.hours40_governmentDecreeOnly);
    } else {
      expect(workingDaysIn(withPresidentialDays, year)).toBe(checks.workingDays_baselineBeforeDecree);
      expect(workingDaysIn(withPresidentialDays, year) * 8 - shortDaysIn(withPresidentialDays, year)).toBe(checks.hours40_baselineBeforeDecree);
    }
  });

  it.each(Object.entries(years))('%s countWorkingDays agrees with the totals', (key) => {
    const year = Number(key);
    const firstDay = `${year}-01-01`;
    // countWorkingDays excludes its start, so 1 January is added when worked (never, in this data).
    const count = withPresidentialDays.countWorkingDays(firstDay, `${year}-12-31`) + (withPresidentialDays.isWorkingDay(firstDay) ? 1 : 0);
    expect(count).toBe(workingDaysIn(withPresidentialDays, year));
  });

  it.each(Object.entries(years))('%s listed days have their status', (key, data) => {
    const year = Number(key);
    const extraordinary = new Set(Object.keys(data.extraordinaryNonWorkingDays ?? {}));

    for (const date of data.nonWorkingWeekdays) {
      expect(withPresidentialDays.isWorkingDay(date), date).toBe(false);
      expect(decreeOnly.isWorkingDay(date), date).toBe(extraordinary.has(date));
    }
    for (const date of data.workingWeekends) {
      expect(withPresidentialDays.isWorkingDay(date), date).toBe(true);
      expect(withPresidentialDays.describeDay(date).kind).toBe('working_weekend');
    }
    for (const date of data.shortDays) expect(withPresidentialDays.describeDay(date).short, date).toBe(true);
    for (const date of data.decreeOnlyShortDays ?? data.shortDays) expect(decreeOnly.describeDay(date).short, date).toBe(true);

    const weekdaysOff = everyDate(year).filter((date) => {
      const day = withPresidentialDays.describeDay(date);
      return day.weekday <= 5 && !day.working;
    });
    const weekendsWorked = everyDate(year).filter((date) => withPresidentialDays.describeDay(date).kind === 'working_weekend');
    expect(weekdaysOff).toEqual([...data.nonWorkingWeekdays].sort());
    expect(weekendsWorked).toEqual([...data.workingWeekends].sort());
    expect(shortDaysIn(withPresidentialDays, year)).toBe(data.shortDays.length);
  });

  it.each(Object.entries(years))('%s transfers are described', (key, data) => {
    for (const transfer of data.transferList) {
      const target = withPresidentialDays.describeDay(transfer.to);
      expect(target.kind).toBe('transferred_day_off');
      expect(target.transferredFrom).toBe(transfer.from);

      const origin = withPresidentialDays.describeDay(transfer.from);
      if (origin.kind === 'working_weekend') expect(origin.swappedWith).toBe(transfer.to);
      if (origin.kind === 'holiday') expect(origin.swappedWith).toBe(transfer.to);
    }
    expect(withPresidentialDays.yearStatus(Number(key))).toBe(data.calendarStatus);
  });

  it.each([2020, 2021])('%i presidential days name their decree', (year) => {
    const decrees: Readonly<Record<string, string>> = years[String(year)]?.extraordinaryNonWorkingDays ?? {};
    for (const date of Object.keys(decrees)) {
      const day = withPresidentialDays.describeDay(date);
      expect(day.kind).toBe('extraordinary_non_working');
      expect(day.decree).toMatch(/^Указ Президента РФ от \d\d\.\d\d\.\d{4} № \d+/);
      expect(decreeOnly.describeDay(date).kind).toBe('working');
    }
  });
});
