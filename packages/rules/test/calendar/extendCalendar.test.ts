import { describe, expect, it } from 'vitest';
import federal from '../../data/ru-federal-2013-2027.json' with { type: 'json' };
import { extendCalendar, russianCalendar, type ReplaceYearsData, type WorkCalendar } from '../../src/calendar/index.js';

const federalCalendar = russianCalendar();

// An illustrative 2027 decree, not the real one: the days off of Saturday 2 and Sunday 3 January go to Monday
// 11 January and Friday 31 December, and Saturday 13 November is swapped with Friday 5 November.
const official2027: ReplaceYearsData['years'][string] = {
  nonWorkingWeekdays: [
    '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-11',
    '2027-02-23', '2027-03-08', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-04', '2027-11-05', '2027-12-31',
  ],
  workingWeekends: ['2027-11-13'],
  shortDays: ['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-30'],
  transferList: [
    { from: '2027-01-02', to: '2027-01-11', basis: 'decree' },
    { from: '2027-01-03', to: '2027-12-31', basis: 'decree' },
    { from: '2027-11-13', to: '2027-11-05', basis: 'decree' },
    { from: '2027-05-01', to: '2027-05-03', basis: 'labour-code' },
    { from: '2027-05-09', to: '2027-05-10', basis: 'labour-code' },
    { from: '2027-06-12', to: '2027-06-14', basis: 'labour-code' },
  ],
  calendarStatus: 'official',
};

function workingDaysIn(calendar: WorkCalendar, year: number): number {
  return calendar.countWorkingDays(`${year}-01-01`, `${year}-12-31`) + (calendar.isWorkingDay(`${year}-01-01`) ? 1 : 0);
}

/** Builds a 2028 in the shape of the shipped data, with the Labour Code holidays only. */
function year2028(overrides: Partial<ReplaceYearsData['years'][string]> = {}): ReplaceYearsData {
  return {
    years: {
      '2028': {
        nonWorkingWeekdays: ['2028-01-03', '2028-01-04', '2028-01-05', '2028-01-06', '2028-01-07', '2028-02-23', '2028-03-08', '2028-05-01', '2028-05-09', '2028-06-12'],
        workingWeekends: [],
        shortDays: ['2028-02-22', '2028-03-07', '2028-04-28', '2028-05-08', '2028-06-09', '2028-11-03'],
        calendarStatus: 'provisional',
        ...overrides,
      },
    },
  };
}

describe('extendCalendar replace-years', () => {
  it('replaces the provisional year', () => {
    const calendar = extendCalendar(federalCalendar, { years: { '2027': official2027 } }, { mode: 'replace-years' });

    expect(calendar.yearStatus(2027)).toBe('official');
    expect(calendar.isProvisional('2027-03-01')).toBe(false);
    expect(workingDaysIn(calendar, 2027)).toBe(247);
    expect(calendar.isWorkingDay('2027-11-13')).toBe(true);
    expect(calendar.isWorkingDay('2027-11-05')).toBe(false);
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2027-01-12');
    expect(calendar.describeDay('2027-01-11').label.ru).toBe('Перенос выходного дня с субботы 2 января');
    expect(calendar.describeDay('2027-11-13').label.ru).toBe('Рабочая суббота (перенос выходного дня на пятницу 5 ноября)');
    expect(calendar.name).toEqual(federalCalendar.name);
  });

  it('leaves the original unchanged', () => {
    extendCalendar(federalCalendar, { years: { '2027': official2027 } }, { mode: 'replace-years' });

    expect(federalCalendar.yearStatus(2027)).toBe('provisional');
    expect(federalCalendar.isWorkingDay('2027-01-11')).toBe(true);
    expect(workingDaysIn(federalCalendar, 2027)).toBe(249);
  });

  it('adds a year after the last one', () => {
    const calendar = extendCalendar(federalCalendar, year2028(), { mode: 'replace-years' });

    expect(calendar.years.at(-1)).toBe(2028);
    expect(calendar.lastDate).toBe('2028-12-31');
    expect(calendar.yearStatus(2028)).toBe('provisional');
    expect(calendar.isWorkingDay('2028-03-08')).toBe(false);
    expect(calendar.addWorkingDays('2027-12-31', 1)).toBe('2028-01-10');
    expect(calendar.describeDay('2028-02-23').name?.ru).toBe('День защитника Отечества');
    expect(calendar.describeDay('2028-03-03').label.ru).toContain('2028 год — предварительные данные');
    // 2028 is a leap year: 29 February exists and is a Tuesday.
    expect(calendar.describeDay('2028-02-29').weekday).toBe(2);
  });

  it('accepts the shipped data as it is', () => {
    const calendar = extendCalendar(federalCalendar, federal as unknown as ReplaceYearsData, { mode: 'replace-years' });

    for (let year = 2013; year <= 2027; year++) expect(workingDaysIn(calendar, year)).toBe(workingDaysIn(federalCalendar, year));
    expect(calendar.describeDay('2020-04-06').kind).toBe('extraordinary_non_working');
  });

  it('takes a new name', () => {
    const name = { ru: 'Календарь с 2028 годом', en: 'Calendar with 2028' };
    expect(extendCalendar(federalCalendar, year2028(), { mode: 'replace-years', name }).name).toEqual(name);
  });

  it('names every bad field and date', () => {
    const bad = year2028({
      nonWorkingWeekdays: ['2028-01-03', '2028-01-04', '2028-01-05', '2028-02-30', '2028-03-04', '2027-05-05', '2028-01-03'],
      workingWeekends: ['2028-03-01', '2028-01-02'],
      shortDays: ['2028-3-7', '2028-01-03'],
    });
    expect(() => extendCalendar(federalCalendar, bad, { mode: 'replace-years' })).toThrow(TypeError);
    expect(() => extendCalendar(federalCalendar, bad, { mode: 'replace-years' })).toThrow(
      "Invalid calendar data for extendCalendar (mode 'replace-years'): years.2028.nonWorkingWeekdays[3]: '2028-02-30' is not a real date; years.2028.shortDays[0]: '2028-3-7' is not a date in the form YYYY-MM-DD.",
    );

    const wellFormed = year2028({
      nonWorkingWeekdays: ['2028-01-03', '2028-01-04', '2028-01-05', '2028-01-06', '2028-03-04', '2027-05-05', '2028-01-03'],
      workingWeekends: ['2028-03-01', '2028-01-02'],
      shortDays: ['2028-01-03'],
      transferList: [{ from: '2028-01-01', to: '2028-01-10' }],
    });
    expect(() => extendCalendar(federalCalendar, wellFormed, { mode: 'replace-years' })).toThrowErrorMatchingInlineSnapshot(`[TypeError: Invalid calendar data for extendCalendar (mode 'replace-years'): years.2028.nonWorkingWeekdays[4]: '2028-03-04' is a Saturday, not a weekday (weekend days off need no entry); years.2028.nonWorkingWeekdays[5]: '2027-05-05' is not in 2028; years.2028.nonWorkingWeekdays[6]: '2028-01-03' is listed twice; years.2028.workingWeekends[0]: '2028-03-01' is a Wednesday, not a Saturday or Sunday; years.2028.workingWeekends[1]: '2028-01-02' is a Labour Code holiday (Новогодние каникулы) and cannot be a working day; years.2028.shortDays[0]: '2028-01-03' is not a working day, so it cannot be shortened; years.2028.nonWorkingWeekdays: '2028-01-07' is missing: it is a Labour Code holiday (Рождество Христово) on a Friday; years.2028.nonWorkingWeekdays: '2028-02-23' is missing: it is a Labour Code holiday (День защитника Отечества) on a Wednesday; years.2028.nonWorkingWeekdays: '2028-03-08' is missing: it is a Labour Code holiday (Международный женский день) on a Wednesday; years.2028.nonWorkingWeekdays: '2028-05-01' is missing: it is a Labour Code holiday (Праздник Весны и Труда) on a Monday; and 3 more.]`);
  });

  it('rejects a malformed shape', () => {
    expect(() => extendCalendar(federalCalendar, { years: { '2028': { nonWorkingWeekdays: [] } } } as unknown as ReplaceYearsData, { mode: 'replace-years' }))
      .toThrowErrorMatchingInlineSnapshot(`[TypeError: Invalid calendar data for extendCalendar (mode 'replace-years'): years.2028.workingWeekends: missing (expected array); years.2028.shortDays: missing (expected array).]`);
    expect(() => extendCalendar(federalCalendar, { years: { '28': year2028().years['2028']! } }, { mode: 'replace-years' })).toThrow(
      "years.28: '28' is not a year: a year key is four digits, such as '2028'",
    );
    expect(() => extendCalendar(federalCalendar, year2028({ calendarStatus: 'draft' as 'official' }), { mode: 'replace-years' })).toThrow(
      'years.2028.calendarStatus',
    );
    expect(() => extendCalendar(federalCalendar, null as unknown as ReplaceYearsData, { mode: 'replace-years' })).toThrow(TypeError);
  });

  it('rejects extraordinary days not listed as off', () => {
    const data = year2028({ extraordinaryNonWorkingDays: { '2028-04-03': 'Указ № 1' } });
    expect(() => extendCalendar(federalCalendar, data, { mode: 'replace-years' })).toThrow(
      "years.2028.extraordinaryNonWorkingDays.2028-04-03: '2028-04-03' is not in nonWorkingWeekdays",
    );
  });

  it('keeps the years contiguous', () => {
    const data: ReplaceYearsData = { years: { '2029': { ...year2028().years['2028']!, nonWorkingWeekdays: [], shortDays: [] } } };
    expect(() => extendCalendar(federalCalendar, data, { mode: 'replace-years' })).toThrow(RangeError);
    expect(() => extendCalendar(federalCalendar, data, { mode: 'replace-years' })).toThrow(
      'The calendar would have a gap: 2028 missing between 2027 and 2029. Years must be contiguous; add 2028 too.',
    );
  });

  it('rejects foreign calendars and unknown modes', () => {
    const foreign = { ...federalCalendar };
    expect(() => extendCalendar(foreign, year2028(), { mode: 'replace-years' })).toThrow('extendCalendar needs a calendar made by this package');
    expect(() => extendCalendar(federalCalendar, year2028(), { mode: 'replace' as 'replace-years' })).toThrow(
      `Invalid option mode: "replace". Pass 'replace-years' or 'add-days'.`,
    );
    expect(() => extendCalendar(federalCalendar, year2028(), { mode: 'replace-years', name: { ru: '', en: 'x' } })).toThrow('Invalid option name');
  });
});

describe('extendCalendar add-days', () => {
  const region = { ru: 'Республика Татарстан', en: 'Republic of Tatarstan' };

  it('adds named non-working days', () => {
    const calendar = extendCalendar(
      federalCalendar,
      { name: region, days: [{ date: '2026-03-20', ru: 'Ураза-байрам', en: 'Eid al-Fitr (Uraza Bayram)' }], shortDays: ['2026-03-19'] },
      { mode: 'add-days' },
    );

    expect(calendar.isWorkingDay('2026-03-20')).toBe(false);
    expect(calendar.describeDay('2026-03-19').short).toBe(true);
    expect(calendar.addWorkingDays('2026-03-19', 1)).toBe('2026-03-23');
    expect(calendar.name.ru).toBe('Федеральный производственный календарь, Республика Татарстан');
    expect(calendar.years).toEqual(federalCalendar.years);
    expect(federalCalendar.isWorkingDay('2026-03-20')).toBe(true);
    expect(calendar.describeDay('2026-03-20')).toMatchInlineSnapshot(`
      {
        "date": "2026-03-20",
        "kind": "regional_holiday",
        "label": {
          "en": "Regional holiday (Republic of Tatarstan): Eid al-Fitr (Uraza Bayram)",
          "ru": "Региональный праздник (Республика Татарстан): Ураза-байрам",
        },
        "name": {
          "en": "Eid al-Fitr (Uraza Bayram)",
          "ru": "Ураза-байрам",
        },
        "provisional": false,
        "short": false,
        "weekday": 5,
        "working": false,
      }
    `);
  });

  it('keeps the federal reason of a day already off', () => {
    const calendar = extendCalendar(federalCalendar, { days: [{ date: '2026-03-09', ru: 'Праздник', en: 'Feast' }] }, { mode: 'add-days' });

    expect(calendar.describeDay('2026-03-09').kind).toBe('transferred_day_off');
  });

  it('makes a working Saturday a day off', () => {
    const calendar = extendCalendar(federalCalendar, { days: [{ date: '2025-11-01', ru: 'Праздник', en: 'Feast' }] }, { mode: 'add-days' });

    expect(calendar.isWorkingDay('2025-11-01')).toBe(false);
    expect(calendar.describeDay('2025-11-01').label.ru).toBe('Региональный праздник: Праздник (приходится на субботу)');
  });

  it('stacks on an earlier layer', () => {
    const first = extendCalendar(federalCalendar, { days: [{ date: '2026-03-20', ru: 'А', en: 'A' }] }, { mode: 'add-days' });
    const second = extendCalendar(first, { days: [{ date: '2026-05-27', ru: 'Б', en: 'B' }] }, { mode: 'add-days' });

    expect(second.isWorkingDay('2026-03-20')).toBe(false);
    expect(second.isWorkingDay('2026-05-27')).toBe(false);
    expect(first.isWorkingDay('2026-05-27')).toBe(true);
  });

  it('limits the calendar to the years given', () => {
    const calendar = extendCalendar(federalCalendar, { days: [{ date: '2025-06-06', ru: 'А', en: 'A' }], years: [2025, 2024] }, { mode: 'add-days' });

    expect(calendar.years).toEqual([2024, 2025]);
    expect(() => calendar.isWorkingDay('2026-01-12')).toThrow(
      "Date '2026-01-12' is outside the calendar data: Federal production calendar of Russia covers 2024–2025 and has no data for 2026. Add the year with extendCalendar(calendar, { years: { '2026': { nonWorkingWeekdays, workingWeekends, shortDays } } }, { mode: 'replace-years' }), then its regional days with mode 'add-days'.",
    );
  });

  it('names every bad field and date', () => {
    const data = {
      days: [
        { date: '2026-02-30', ru: 'А', en: 'A' },
        { date: '2026-03-20', ru: '', en: 'B' },
      ],
      shortDays: ['2026/03/19'],
    };
    expect(() => extendCalendar(federalCalendar, data, { mode: 'add-days' })).toThrowErrorMatchingInlineSnapshot(`[TypeError: Invalid calendar data for extendCalendar (mode 'add-days'): days[0].date: '2026-02-30' is not a real date; days[1].ru: empty (expected a non-empty string); shortDays[0]: '2026/03/19' is not a date in the form YYYY-MM-DD.]`);
  });

  it('rejects duplicates and short days off', () => {
    const data = {
      days: [
        { date: '2026-03-20', ru: 'А', en: 'A' },
        { date: '2026-03-20', ru: 'Б', en: 'B' },
      ],
    };
    expect(() => extendCalendar(federalCalendar, data, { mode: 'add-days' })).toThrow("days[1].date: '2026-03-20' is listed twice");
    expect(() =>
      extendCalendar(federalCalendar, { days: [{ date: '2026-03-20', ru: 'А', en: 'A' }], shortDays: ['2026-03-20', '2026-03-21'] }, { mode: 'add-days' }),
    ).toThrow(
      "Invalid calendar data for extendCalendar (mode 'add-days'): shortDays[0]: '2026-03-20' is not a working day, so it cannot be shortened; shortDays[1]: '2026-03-21' is not a working day, so it cannot be shortened.",
    );
  });

  it('rejects dates outside the data', () => {
    expect(() => extendCalendar(federalCalendar, { days: [{ date: '2028-03-20', ru: 'А', en: 'A' }] }, { mode: 'add-days' })).toThrow(RangeError);
    expect(() => extendCalendar(federalCalendar, { days: [{ date: '2028-03-20', ru: 'А', en: 'A' }] }, { mode: 'add-days' })).toThrow(
      "days[0].date: '2028-03-20' is outside the calendar data (2013–2027). Add 2028 first",
    );
    expect(() => extendCalendar(federalCalendar, { days: [], years: [2027, 2028] }, { mode: 'add-days' })).toThrow(
      'Year 2028 of the regional data is outside the calendar data (2013–2027).',
    );
    expect(() => extendCalendar(federalCalendar, { days: [], years: [] }, { mode: 'add-days' })).toThrow('years: empty (expected at least one item)');
    expect(() => extendCalendar(federalCalendar, { days: [], years: [2024, 2026] }, { mode: 'add-days' })).toThrow(
      'The years of the regional data would have a gap: 2025 missing',
    );
    expect(() => extendCalendar(federalCalendar, { days: [{ date: '2023-03-20', ru: 'А', en: 'A' }], years: [2024] }, { mode: 'add-days' })).toThrow(
      "days[0].date: '2023-03-20' is outside the years this data covers (2024)",
    );
  });

  it('reports regional short days broken by replaced years', () => {
    const regional = extendCalendar(federalCalendar, { name: region, days: [], shortDays: ['2027-03-19'] }, { mode: 'add-days' });
    const decree = { ...official2027, nonWorkingWeekdays: [...official2027.nonWorkingWeekdays, '2027-03-19'] };

    expect(() => extendCalendar(regional, { years: { '2027': decree } }, { mode: 'replace-years' })).toThrow(
      "regional days (Republic of Tatarstan) shortDays[0]: '2027-03-19' is not a working day, so it cannot be shortened",
    );
  });
});
