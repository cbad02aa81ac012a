import { describe, expect, expectTypeOf, it } from 'vitest';
import { russianCalendar, type DayDescription, type WorkCalendar } from '../../src/calendar/index.js';
import type { IsoDate } from '../../src/shared/types.js';

const calendar = russianCalendar();

describe('isWorkingDay', () => {
  it.each([
    ['2026-01-09', false, 'Friday off, transferred from Saturday 3 January'],
    ['2026-12-31', false, 'Thursday off, transferred from Sunday 4 January'],
    ['2025-11-01', true, 'working Saturday'],
    ['2025-02-24', true, 'Monday after Sunday 23 February, the decree moved that day off to 8 May'],
    ['2025-03-10', true, 'Monday after Saturday 8 March, the decree moved that day off to 13 June'],
    ['2014-03-10', false, 'Monday after Saturday 8 March 2014, moved automatically by the Labour Code'],
    ['2024-04-27', true, 'working Saturday swapped with Monday 29 April'],
    ['2024-04-29', false, 'Monday off, swapped with Saturday 27 April'],
    ['2026-03-09', false, 'Monday off after Sunday 8 March'],
    ['2026-03-10', true, 'ordinary Tuesday'],
    ['2026-03-14', false, 'plain Saturday'],
    ['2026-02-23', false, 'Defender of the Fatherland Day on a Monday'],
    ['2020-04-06', false, 'presidential non-working day'],
    ['2022-05-04', true, 'a day off only in Bashkortostan'],
  ])('%s is working: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('ignores presidential days when asked', () => {
    const decreeOnly = russianCalendar({ extraordinaryNonWorkingDays: false });
    expect(decreeOnly.isWorkingDay('2020-04-06')).toBe(true);
    expect(decreeOnly.isWorkingDay('2021-11-03')).toBe(true);
    expect(decreeOnly.describeDay('2021-11-03').short).toBe(true);
    expect(decreeOnly.isWorkingDay('2020-05-04')).toBe(false);
    expect(decreeOnly.name.ru).toContain('по постановлениям Правительства');
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Worked examples of the procedure.
    ['2026-05-08', 3, '2026-05-14'],
    ['2026-03-16', -7, '2026-03-04'],
    ['2026-03-16', -8, '2026-03-03'],
    ['2026-03-16', -3, '2026-03-11'],
    // Start on a weekend or a holiday: the start is never counted.
    ['2026-03-07', 1, '2026-03-10'],
    ['2026-03-07', -1, '2026-03-06'],
    ['2026-03-08', 1, '2026-03-10'],
    ['2026-01-01', 1, '2026-01-12'],
    ['2026-01-01', -1, '2025-12-30'],
    ['2026-01-09', -1, '2025-12-30'],
    // Transferred working Saturdays are counted.
    ['2025-10-31', 1, '2025-11-01'],
    ['2025-11-05', -1, '2025-11-01'],
    ['2025-11-05', -2, '2025-10-31'],
    ['2024-04-26', 1, '2024-04-27'],
    ['2024-04-26', 2, '2024-05-02'],
    ['2024-12-27', 1, '2024-12-28'],
    // Year boundaries and the New Year break.
    ['2025-12-30', 1, '2026-01-12'],
    ['2026-01-12', -1, '2025-12-30'],
    ['2026-12-30', 1, '2027-01-11'],
    ['2025-12-26', 5, '2026-01-14'],
    ['2013-12-31', 1, '2014-01-09'],
    // Zero returns the date itself, working or not.
    ['2026-03-09', 0, '2026-03-09'],
    ['2026-03-10', 0, '2026-03-10'],
    // A whole year ahead and back.
    ['2025-12-31', 247, '2026-12-30'],
    ['2026-12-30', -246, '2026-01-12'],
  ])('%s %+d → %s', (date, amount, expected) => {
    expect(calendar.addWorkingDays(date, amount)).toBe(expected);
  });

  it('treats -0 as zero', () => {
    expect(calendar.addWorkingDays('2026-03-09', -0)).toBe('2026-03-09');
  });

  it('rejects non-integer amounts', () => {
    for (const amount of [1.5, -0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => calendar.addWorkingDays('2026-03-04', amount)).toThrow(TypeError);
    }
    expect(() => calendar.addWorkingDays('2026-03-04', 1.5)).toThrow('Invalid amount: 1.5 is not a whole number of working days');
    expect(() => calendar.addWorkingDays('2026-03-04', '3' as unknown as number)).toThrow("Invalid amount: '3' (a string)");
    expect(() => calendar.addWorkingDays('2026-03-04', undefined as unknown as number)).toThrow('Invalid amount: undefined');
  });

  it('rejects results beyond the data', () => {
    expect(() => calendar.addWorkingDays('2027-12-28', 5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2027-12-28', 5)).toThrow(
      "addWorkingDays('2027-12-28', 5) falls after 2027-12-31, the last date of the calendar data (2013–2027). Add the year with extendCalendar(calendar, { years: { '2028': { nonWorkingWeekdays, workingWeekends, shortDays } } }, { mode: 'replace-years' }).",
    );
    expect(() => calendar.addWorkingDays('2013-01-09', -1)).toThrow(/falls before 2013-01-01.*'2012'/);
    expect(calendar.addWorkingDays('2027-12-30', 1)).toBe('2027-12-31');
    expect(calendar.addWorkingDays('2013-01-10', -1)).toBe('2013-01-09');
  });
});

describe('countWorkingDays', () => {
  it.each([
    ['2026-05-08', '2026-05-14', 3],
    ['2026-03-04', '2026-03-16', 7],
    ['2026-03-16', '2026-03-04', -7],
    ['2026-03-07', '2026-03-08', 0],
    ['2026-03-07', '2026-03-10', 1],
    ['2025-10-31', '2025-11-05', 2],
    ['2025-12-30', '2026-01-12', 1],
    ['2025-12-31', '2026-12-31', 247],
    ['2023-12-31', '2024-12-31', 248],
    ['2026-03-04', '2026-03-04', 0],
    ['2026-03-09', '2026-03-09', 0],
  ])('(%s, %s] = %i', (from, to, expected) => {
    expect(calendar.countWorkingDays(from, to)).toBe(expected);
  });
});

describe('invalid input', () => {
  const methods: [string, (value: unknown) => unknown][] = [
    ['isWorkingDay', (value) => calendar.isWorkingDay(value as IsoDate)],
    ['addWorkingDays', (value) => calendar.addWorkingDays(value as IsoDate, 1)],
    ['countWorkingDays from', (value) => calendar.countWorkingDays(value as IsoDate, '2026-03-04')],
    ['countWorkingDays to', (value) => calendar.countWorkingDays('2026-03-04', value as IsoDate)],
    ['describeDay', (value) => calendar.describeDay(value as IsoDate)],
    ['isProvisional', (value) => calendar.isProvisional(value as IsoDate)],
  ];

  it.each(methods)('%s rejects malformed dates', (_name, call) => {
    expect(() => call('2026-02-30')).toThrow("Invalid date: '2026-02-30' is not a real calendar date");
    expect(() => call('2025-02-29')).toThrow("'2025-02-29' is not a real calendar date");
    expect(() => call('2026-13-01')).toThrow("'2026-13-01' is not a real calendar date");
    expect(() => call('2026-00-10')).toThrow("'2026-00-10' is not a real calendar date");
    expect(() => call('2026-2-3')).toThrow("Invalid date: '2026-2-3' is not in the form YYYY-MM-DD");
    expect(() => call('')).toThrow("Invalid date: '' is not in the form YYYY-MM-DD");
    expect(() => call(' 2026-03-04')).toThrow(TypeError);
    expect(() => call('2026-03-04T00:00:00Z')).toThrow(TypeError);
    expect(() => call('2026/03/04')).toThrow(TypeError);
    expect(() => call('2026-03-0a')).toThrow(TypeError);
    expect(() => call('２０２６-03-04')).toThrow(TypeError);
    expect(() => call(20260304)).toThrow("Invalid date: expected a string 'YYYY-MM-DD' such as '2026-03-04', got the number 20260304.");
    expect(() => call(null)).toThrow('got null');
    expect(() => call(undefined)).toThrow('got undefined');
    expect(() => call(new Date(Date.UTC(2026, 2, 4)))).toThrow('got a Date object');
  });

  it('accepts the leap day', () => {
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true);
    expect(calendar.describeDay('2024-02-29').weekday).toBe(4);
  });

  it.each(methods)('%s rejects years outside the data', (_name, call) => {
    expect(() => call('2012-12-31')).toThrow(RangeError);
    expect(() => call('2028-01-01')).toThrow(RangeError);
    expect(() => call('2028-01-01')).toThrow(
      "Date '2028-01-01' is outside the calendar data: Federal production calendar of Russia covers 2013–2027 and has no data for 2028. Add the year with extendCalendar(calendar, { years: { '2028': { nonWorkingWeekdays, workingWeekends, shortDays } } }, { mode: 'replace-years' }).",
    );
    expect(() => call('2012-12-31')).toThrow('has no data for 2012');
  });

  it('yearStatus rejects bad years', () => {
    expect(() => calendar.yearStatus(2012)).toThrow(RangeError);
    expect(() => calendar.yearStatus(2028)).toThrow('Year 2028 is outside the calendar data');
    expect(() => calendar.yearStatus(2026.5)).toThrow(TypeError);
    expect(() => calendar.yearStatus('2026' as unknown as number)).toThrow(TypeError);
  });

  it('rejects a non-boolean option', () => {
    expect(() => russianCalendar({ extraordinaryNonWorkingDays: 'no' as unknown as boolean })).toThrow(
      'Invalid option extraordinaryNonWorkingDays: no is not a boolean',
    );
  });
});

describe('provisional year', () => {
  it('marks 2027 provisional', () => {
    expect(calendar.yearStatus(2026)).toBe('official');
    expect(calendar.yearStatus(2027)).toBe('provisional');
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-01-01')).toBe(true);
    expect(calendar.describeDay('2027-03-09').provisional).toBe(true);
  });
});

describe('calendar object', () => {
  it('methods work detached', () => {
    const { isWorkingDay, addWorkingDays } = calendar;
    expect(['2026-03-06', '2026-03-09', '2026-03-10'].filter(isWorkingDay)).toEqual(['2026-03-06', '2026-03-10']);
    expect(addWorkingDays('2026-03-16', -7)).toBe('2026-03-04');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.years)).toBe(true);
  });

  it('has the documented types', () => {
    expectTypeOf(calendar).toEqualTypeOf<WorkCalendar>();
    expectTypeOf(calendar.addWorkingDays).returns.toEqualTypeOf<IsoDate>();
    expectTypeOf(calendar.describeDay).returns.toEqualTypeOf<DayDescription>();
    expectTypeOf(calendar.yearStatus).returns.toEqualTypeOf<'official' | 'provisional'>();
  });
});

describe('describeDay', () => {
  it('transferred day off', () => {
    expect(calendar.describeDay('2026-01-09')).toMatchInlineSnapshot(`
      {
        "date": "2026-01-09",
        "kind": "transferred_day_off",
        "label": {
          "en": "Day off transferred from Saturday 3 January",
          "ru": "Перенос выходного дня с субботы 3 января",
        },
        "provisional": false,
        "short": false,
        "transferredFrom": "2026-01-03",
        "weekday": 5,
        "working": false,
      }
    `);
  });

  it('holiday on a weekend with its day off moved', () => {
    expect(calendar.describeDay('2026-03-08')).toMatchInlineSnapshot(`
      {
        "date": "2026-03-08",
        "kind": "holiday",
        "label": {
          "en": "Public holiday: International Women's Day (falls on a Sunday, the day off is transferred to Monday 9 March)",
          "ru": "Праздничный день: Международный женский день (приходится на воскресенье, выходной день перенесён на понедельник 9 марта)",
        },
        "name": {
          "en": "International Women's Day",
          "ru": "Международный женский день",
        },
        "provisional": false,
        "short": false,
        "swappedWith": "2026-03-09",
        "weekday": 7,
        "working": false,
      }
    `);
  });

  it('holiday on a weekday', () => {
    expect(calendar.describeDay('2026-02-23')).toMatchInlineSnapshot(`
      {
        "date": "2026-02-23",
        "kind": "holiday",
        "label": {
          "en": "Public holiday: Defender of the Fatherland Day",
          "ru": "Праздничный день: День защитника Отечества",
        },
        "name": {
          "en": "Defender of the Fatherland Day",
          "ru": "День защитника Отечества",
        },
        "provisional": false,
        "short": false,
        "weekday": 1,
        "working": false,
      }
    `);
  });

  it('working Saturday', () => {
    expect(calendar.describeDay('2024-04-27')).toMatchInlineSnapshot(`
      {
        "date": "2024-04-27",
        "kind": "working_weekend",
        "label": {
          "en": "Working Saturday (day off transferred to Monday 29 April)",
          "ru": "Рабочая суббота (перенос выходного дня на понедельник 29 апреля)",
        },
        "provisional": false,
        "short": false,
        "swappedWith": "2024-04-29",
        "weekday": 6,
        "working": true,
      }
    `);
  });

  it('short working Saturday', () => {
    expect(calendar.describeDay('2024-11-02')).toMatchInlineSnapshot(`
      {
        "date": "2024-11-02",
        "kind": "working_weekend",
        "label": {
          "en": "Working Saturday, one hour shorter (day off transferred to Tuesday 30 April)",
          "ru": "Рабочая суббота, сокращённая на 1 час (перенос выходного дня на вторник 30 апреля)",
        },
        "provisional": false,
        "short": true,
        "swappedWith": "2024-04-30",
        "weekday": 6,
        "working": true,
      }
    `);
  });

  it('short weekday', () => {
    expect(calendar.describeDay('2026-04-30')).toMatchInlineSnapshot(`
      {
        "date": "2026-04-30",
        "kind": "working",
        "label": {
          "en": "Working day (pre-holiday, one hour shorter)",
          "ru": "Рабочий день (предпраздничный, сокращённый на 1 час)",
        },
        "provisional": false,
        "short": true,
        "weekday": 4,
        "working": true,
      }
    `);
  });

  it('plain working day and weekend', () => {
    expect(calendar.describeDay('2026-03-10')).toMatchInlineSnapshot(`
      {
        "date": "2026-03-10",
        "kind": "working",
        "label": {
          "en": "Working day",
          "ru": "Рабочий день",
        },
        "provisional": false,
        "short": false,
        "weekday": 2,
        "working": true,
      }
    `);
    expect(calendar.describeDay('2026-03-15')).toMatchInlineSnapshot(`
      {
        "date": "2026-03-15",
        "kind": "weekend",
        "label": {
          "en": "Weekend (Sunday)",
          "ru": "Выходной день (воскресенье)",
        },
        "provisional": false,
        "short": false,
        "weekday": 7,
        "working": false,
      }
    `);
  });

  it('transfer from a Monday kept working', () => {
    expect(calendar.describeDay('2013-05-10')).toMatchInlineSnapshot(`
      {
        "date": "2013-05-10",
        "kind": "transferred_day_off",
        "label": {
          "en": "Day off transferred from Monday 25 February (for Defender of the Fatherland Day on Saturday 23 February)",
          "ru": "Перенос выходного дня с понедельника 25 февраля (за День защитника Отечества в субботу 23 февраля)",
        },
        "provisional": false,
        "short": false,
        "transferredFrom": "2013-02-25",
        "weekday": 5,
        "working": false,
      }
    `);
  });

  it('presidential non-working day', () => {
    expect(calendar.describeDay('2020-03-31')).toMatchInlineSnapshot(`
      {
        "date": "2020-03-31",
        "decree": "Указ Президента РФ от 25.03.2020 № 206",
        "kind": "extraordinary_non_working",
        "label": {
          "en": "Paid non-working day declared by presidential decree (Указ Президента РФ от 25.03.2020 № 206)",
          "ru": "Нерабочий день с сохранением заработной платы (Указ Президента РФ от 25.03.2020 № 206)",
        },
        "provisional": false,
        "short": false,
        "weekday": 2,
        "working": false,
      }
    `);
  });

  it('Labour Code move of 2014', () => {
    expect(calendar.describeDay('2014-03-10')).toMatchInlineSnapshot(`
      {
        "date": "2014-03-10",
        "kind": "transferred_day_off",
        "label": {
          "en": "Day off transferred from Saturday 8 March",
          "ru": "Перенос выходного дня с субботы 8 марта",
        },
        "provisional": false,
        "short": false,
        "transferredFrom": "2014-03-08",
        "weekday": 1,
        "working": false,
      }
    `);
  });

  it('provisional day', () => {
    expect(calendar.describeDay('2027-01-02')).toMatchInlineSnapshot(`
      {
        "date": "2027-01-02",
        "kind": "holiday",
        "label": {
          "en": "Public holiday: New Year holidays (falls on a Saturday). 2027 is provisional: the Government decree on transferring days off has not been published yet",
          "ru": "Праздничный день: Новогодние каникулы (приходится на субботу). 2027 год — предварительные данные: постановление Правительства о переносе выходных ещё не опубликовано",
        },
        "name": {
          "en": "New Year holidays",
          "ru": "Новогодние каникулы",
        },
        "provisional": true,
        "short": false,
        "weekday": 6,
        "working": false,
      }
    `);
    expect(calendar.describeDay('2027-05-03')).toMatchInlineSnapshot(`
      {
        "date": "2027-05-03",
        "kind": "transferred_day_off",
        "label": {
          "en": "Day off transferred from Saturday 1 May. 2027 is provisional: the Government decree on transferring days off has not been published yet",
          "ru": "Перенос выходного дня с субботы 1 мая. 2027 год — предварительные данные: постановление Правительства о переносе выходных ещё не опубликовано",
        },
        "provisional": true,
        "short": false,
        "transferredFrom": "2027-05-01",
        "weekday": 1,
        "working": false,
      }
    `);
  });
});
