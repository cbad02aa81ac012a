import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, epochDay, epochDayToIso, isIsoDate, parseIsoDate, partsFromEpochDay, weekdayOf } from '../../src/shared/isoDate.js';

describe('ISO date helpers', () => {
  it('parses a date', () => {
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-2-3', '', '20260304', '2026-03-04 ', '+026-03-04', '2026-03-1/'])(
    'rejects %j',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
      expect(() => parseIsoDate(value)).toThrow(TypeError);
    },
  );

  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it('rejects non-strings', () => {
    for (const value of [20260304, null, undefined, {}, new Date(0)]) expect(isIsoDate(value)).toBe(false);
  });

  it('counts days from 1970-01-01', () => {
    expect(epochDay(1970, 1, 1)).toBe(0);
    expect(epochDay(2026, 3, 4)).toBe(Date.UTC(2026, 2, 4) / 86_400_000);
    expect(epochDayToIso(-1)).toBe('1969-12-31');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(weekdayOf('2026-03-16')).toBe(1);
    expect(weekdayOf('2026-03-15')).toBe(7);
  });

  it('agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDay(1, 1, 1), max: epochDay(9999, 12, 31) }), (day) => {
        const date = new Date(day * 86_400_000);
        const parts = partsFromEpochDay(day);
        expect(parts).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(epochDay(parts.year, parts.month, parts.day)).toBe(day);
        expect(weekdayOf(epochDayToIso(day))).toBe(((date.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });
});
