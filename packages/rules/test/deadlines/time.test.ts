import { describe, expect, it } from 'vitest';
import { dateInTimeZone, formatDate, formatInstant } from '../../src/deadlines/index.js';
import { endOfDay } from '../../src/deadlines/time.js';

describe('dateInTimeZone', () => {
  it('reads the date in the zone', () => {
    // 01:30 on 5 March in Vladivostok (UTC+10) is 18:30 on 4 March in Moscow (UTC+3).
    expect(dateInTimeZone('2026-03-05T01:30:00+10:00', 'Europe/Moscow')).toBe('2026-03-04');
    expect(dateInTimeZone('2026-03-05T01:30:00+10:00', 'Asia/Vladivostok')).toBe('2026-03-05');
    expect(dateInTimeZone(new Date('2026-03-04T21:00:00Z'), 'Europe/Moscow')).toBe('2026-03-05');
    expect(dateInTimeZone('2026-03-04T20:59:59.999Z', 'Europe/Moscow')).toBe('2026-03-04');
    expect(dateInTimeZone('2026-03-04T20:59:59.999Z', 'Europe/Kaliningrad')).toBe('2026-03-04');
    expect(dateInTimeZone('2026-03-04T23:00:00Z', 'America/Santiago')).toBe('2026-03-04');
  });

  it('rejects bad input', () => {
    expect(() => dateInTimeZone('2026-03-04T10:00:00', 'Europe/Moscow')).toThrow(TypeError);
    expect(() => dateInTimeZone('2026-03-04T10:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => dateInTimeZone('2026-03-04T10:00:00Z', '')).toThrow(`Invalid time zone: "" is not an IANA time zone.`);
  });
});

describe('endOfDay', () => {
  it('ends at 24:00 in the zone', () => {
    expect(endOfDay('2026-03-04', '24:00', 'Europe/Moscow').toISOString()).toBe('2026-03-04T21:00:00.000Z');
    expect(endOfDay('2026-12-31', '24:00', 'Europe/Moscow').toISOString()).toBe('2026-12-31T21:00:00.000Z');
    expect(endOfDay('2026-03-04', '18:00', 'Europe/Moscow').toISOString()).toBe('2026-03-04T15:00:00.000Z');
    expect(endOfDay('2026-03-04', '24:00', 'Asia/Vladivostok').toISOString()).toBe('2026-03-04T14:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    // Santiago moves from UTC−3 to UTC−4 on 5 April 2026 and back on 6 September 2026, when 00:00 does not exist.
    expect(endOfDay('2026-03-04', '24:00', 'America/Santiago').toISOString()).toBe('2026-03-05T03:00:00.000Z');
    expect(endOfDay('2026-06-04', '24:00', 'America/Santiago').toISOString()).toBe('2026-06-05T04:00:00.000Z');
    expect(endOfDay('2026-09-05', '24:00', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    // Moscow has had no daylight saving since 2014; in 2013 it was UTC+4 all year.
    expect(endOfDay('2013-07-01', '24:00', 'Europe/Moscow').toISOString()).toBe('2013-07-01T20:00:00.000Z');
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-03-04', 'ru', '4 марта 2026 г. (ср)'],
    ['2026-03-04', 'en', 'Wed 4 March 2026'],
    ['2026-01-09', 'ru', '9 января 2026 г. (пт)'],
    ['2025-11-01', 'en', 'Sat 1 November 2025'],
    ['2024-02-29', 'ru', '29 февраля 2024 г. (чт)'],
  ] as const)('%s in %s', (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });

  it('is Russian by default', () => {
    expect(formatDate('2026-03-16')).toBe('16 марта 2026 г. (пн)');
  });

  it('rejects invalid dates', () => {
    expect(() => formatDate('2026-02-30')).toThrow(TypeError);
  });
});

describe('formatInstant', () => {
  it('shows the local time', () => {
    expect(formatInstant('2026-03-04T13:30:00Z', 'Europe/Moscow')).toBe('16:30 4 марта 2026 г.');
    expect(formatInstant('2026-03-04T21:00:00.000Z', 'Asia/Vladivostok')).toBe('07:00 5 марта 2026 г.');
    expect(formatInstant('2026-03-04T21:00:00.000Z', 'Europe/Kaliningrad')).toBe('23:00 4 марта 2026 г.');
    expect(formatInstant('2026-03-04T21:00:00.000Z', 'Europe/Kaliningrad', 'en')).toBe('23:00 on 4 March 2026');
    expect(formatInstant(new Date('2026-03-05T01:30:00+10:00'), 'Europe/Moscow')).toBe('18:30 4 марта 2026 г.');
  });
});
