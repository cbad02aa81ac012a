import { describe, expect, it } from 'vitest';
import regional from '../../data/ru-regional-2024-2026.json' with { type: 'json' };
import { bashkortostanCalendar, russianCalendar, tatarstanCalendar, type WorkCalendar } from '../../src/calendar/index.js';

function workingDaysIn(calendar: WorkCalendar, year: number): number {
  let count = 0;
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    if (calendar.isWorkingDay(new Date(time).toISOString().slice(0, 10))) count++;
  }
  return count;
}

const presets: [string, (base?: WorkCalendar) => WorkCalendar, Readonly<Record<string, number>>][] = [
  ['Tatarstan', tatarstanCalendar, regional.regions.tatarstan.checks.workingDays],
  ['Bashkortostan', bashkortostanCalendar, regional.regions.bashkortostan.checks.workingDays],
];

describe.each(presets)('%s preset', (_name, preset, totals) => {
  const calendar = preset();

  it('covers 2024–2026 only', () => {
    expect(calendar.years).toEqual([2024, 2025, 2026]);
    expect(() => calendar.isWorkingDay('2023-12-29')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2027-01-11')).toThrow("then its regional days with mode 'add-days'");
  });

  it.each(Object.entries(totals))('%s working-day total', (year, total) => {
    expect(workingDaysIn(calendar, Number(year))).toBe(total);
  });

  it('keeps the federal days', () => {
    expect(calendar.isWorkingDay('2026-01-09')).toBe(false);
    expect(calendar.isWorkingDay('2025-11-01')).toBe(true);
    expect(calendar.describeDay('2026-03-09').kind).toBe('transferred_day_off');
  });

  it('builds on another base calendar', () => {
    const decreeOnly = preset(russianCalendar({ extraordinaryNonWorkingDays: false }));
    expect(decreeOnly.years).toEqual([2024, 2025, 2026]);
    expect(decreeOnly.name).toEqual(calendar.name);
    expect(() => preset({ ...russianCalendar() })).toThrow(TypeError);
  });
});

describe('Tatarstan', () => {
  const kazan = tatarstanCalendar();

  it.each([
    ['2024-04-10', false],
    ['2024-08-30', false],
    ['2024-11-06', false],
    ['2025-06-06', false],
    ['2025-11-06', false],
    ['2026-03-20', false],
    ['2026-05-27', false],
    ['2026-11-06', false],
    // Holidays on a weekend are not moved.
    ['2024-06-17', true],
    ['2025-03-31', true],
    ['2025-09-01', true],
    ['2026-08-31', true],
  ])('%s is working: %s', (date, working) => {
    expect(kazan.isWorkingDay(date)).toBe(working);
  });

  it('shortens the day before', () => {
    for (const date of ['2024-04-09', '2024-08-29', '2024-11-05', '2025-06-05', '2025-11-05', '2026-03-19', '2026-05-26', '2026-11-05']) {
      expect(kazan.describeDay(date).short, date).toBe(true);
    }
  });

  it('names a holiday on a Sunday', () => {
    expect(kazan.describeDay('2026-08-30')).toMatchInlineSnapshot(`
      {
        "date": "2026-08-30",
        "kind": "regional_holiday",
        "label": {
          "en": "Regional holiday (Republic of Tatarstan): Republic of Tatarstan Day (falls on a Sunday)",
          "ru": "Региональный праздник (Республика Татарстан): День Республики Татарстан (приходится на воскресенье)",
        },
        "name": {
          "en": "Republic of Tatarstan Day",
          "ru": "День Республики Татарстан",
        },
        "provisional": false,
        "short": false,
        "weekday": 7,
        "working": false,
      }
    `);
  });

  it('counts past Ураза-байрам', () => {
    expect(kazan.addWorkingDays('2026-03-19', 1)).toBe('2026-03-23');
    expect(russianCalendar().addWorkingDays('2026-03-19', 1)).toBe('2026-03-20');
  });
});

describe('Bashkortostan', () => {
  const ufa = bashkortostanCalendar();

  it.each([
    ['2024-04-10', false],
    ['2024-06-17', false],
    ['2024-10-11', false],
    ['2025-03-31', false],
    ['2025-06-06', false],
    ['2025-10-13', false],
    ['2026-03-20', false],
    ['2026-05-27', false],
    ['2026-10-12', false],
    ['2024-08-30', true],
    ['2025-11-06', true],
  ])('%s is working: %s', (date, working) => {
    expect(ufa.isWorkingDay(date)).toBe(working);
  });

  it('marks inferred dates', () => {
    expect(ufa.describeDay('2024-06-17').inferred).toBe(true);
    expect(ufa.describeDay('2026-10-12').inferred).toBe(true);
    expect(ufa.describeDay('2025-10-13').inferred).toBeUndefined();
    expect(ufa.describeDay('2026-10-12')).toMatchInlineSnapshot(`
      {
        "date": "2026-10-12",
        "inferred": true,
        "kind": "regional_holiday",
        "label": {
          "en": "Regional holiday (Republic of Bashkortostan): Republic of Bashkortostan Day, moved from Sunday 11 October. The date is inferred from the region's transfer rule, not confirmed by its act",
          "ru": "Региональный праздник (Республика Башкортостан): День Республики Башкортостан (перенос с воскресенья 11 октября). Дата выведена из правила переноса и не подтверждена актом региона",
        },
        "name": {
          "en": "Republic of Bashkortostan Day, moved from Sunday 11 October",
          "ru": "День Республики Башкортостан (перенос с воскресенья 11 октября)",
        },
        "provisional": false,
        "short": false,
        "weekday": 1,
        "working": false,
      }
    `);
  });

  it('shortens the day before', () => {
    for (const date of ['2024-04-09', '2024-10-10', '2025-06-05', '2025-10-10', '2026-03-19', '2026-05-26']) {
      expect(ufa.describeDay(date).short, date).toBe(true);
    }
  });

  it('counts past the moved holiday', () => {
    expect(ufa.addWorkingDays('2025-10-10', 1)).toBe('2025-10-14');
  });
});
