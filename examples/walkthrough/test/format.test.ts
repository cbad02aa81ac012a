import { describe, expect, it } from 'vitest';
import { formatSize } from '../src/describe.js';
import { formatMoscowInstant, shortName } from '../src/format.js';
import { formatPath } from '../src/load-file.js';

describe('formatMoscowInstant', () => {
  it('formats a UTC instant in Moscow time', () => {
    expect(formatMoscowInstant('2026-02-24T07:15:00Z')).toBe('24 февраля 2026 г., 10:15 МСК');
  });

  it('keeps the offset given in the instant', () => {
    expect(formatMoscowInstant('2026-03-05T01:30:00+10:00')).toBe('4 марта 2026 г., 18:30 МСК');
  });

  it('moves to the next day at midnight', () => {
    expect(formatMoscowInstant('2026-03-04T21:00:00.000Z')).toBe('5 марта 2026 г., 00:00 МСК');
  });

  it('formats in English', () => {
    expect(formatMoscowInstant('2026-02-24T07:15:00Z', 'en')).toBe('24 February 2026, 10:15 Moscow time');
  });
});

describe('shortName', () => {
  it('shortens a full name to initials', () => {
    expect(shortName('Орлова Татьяна Николаевна')).toBe('Орлова Т. Н.');
  });

  it('keeps a name without patronymic', () => {
    expect(shortName('Лебедев Игорь')).toBe('Лебедев И.');
  });

  it('keeps a hyphenated surname', () => {
    expect(shortName('  Римская-Корсакова   Анна  ')).toBe('Римская-Корсакова А.');
  });
});

describe('formatPath', () => {
  it('joins keys with dots and indexes in brackets', () => {
    expect(formatPath(['participants', 2, 'documents', 0, 'file'])).toBe('participants[2].documents[0].file');
  });

  it('returns an empty string for the root', () => {
    expect(formatPath([])).toBe('');
  });
});

describe('formatSize', () => {
  it('agrees the Russian noun with the number', () => {
    const sizes = [1, 2, 4, 5, 11, 12, 14, 21, 22, 53, 100, 111, 1001, 1022];
    expect(sizes.map((size) => formatSize(size, 'ru'))).toEqual([
      '1 байт',
      '2 байта',
      '4 байта',
      '5 байт',
      '11 байт',
      '12 байт',
      '14 байт',
      '21 байт',
      '22 байта',
      '53 байта',
      '100 байт',
      '111 байт',
      '1001 байт',
      '1022 байта',
    ]);
  });

  it('writes English sizes', () => {
    expect(formatSize(1, 'en')).toBe('1 byte');
    expect(formatSize(53, 'en')).toBe('53 bytes');
  });
});
