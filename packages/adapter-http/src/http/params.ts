import type { IsoDate, LocalizedText } from '@fioco-flow/rules';
import { z } from 'zod';
import { problem } from '../problems/problem.js';

const isoDateSchema = z.iso.date();
const integerPattern = /^[+-]?\d{1,6}$/u;

const expectedDate: LocalizedText = {
  ru: 'дата ГГГГ-ММ-ДД, существующая в календаре (например, 2026-03-16)',
  en: 'an existing date YYYY-MM-DD (for example 2026-03-16)',
};

const expectedInteger: LocalizedText = {
  ru: 'целое число, например -7 или 3',
  en: 'an integer such as -7 or 3',
};

/**
 * Reads a required `YYYY-MM-DD` parameter.
 *
 * @throws {ProblemError} `invalid_parameter` (400) when it is missing or not an existing date.
 */
export function requireIsoDate(name: string, value: string | undefined): IsoDate {
  if (value === undefined || !isoDateSchema.safeParse(value).success) {
    throw problem('invalid_parameter', { name, value: value ?? '', expected: expectedDate });
  }
  return value;
}

/**
 * Reads a required integer parameter of at most six digits.
 *
 * @throws {ProblemError} `invalid_parameter` (400) when it is missing or not an integer.
 */
export function requireInteger(name: string, value: string | undefined): number {
  if (value === undefined || !integerPattern.test(value)) {
    throw problem('invalid_parameter', { name, value: value ?? '', expected: expectedInteger });
  }
  return Number(value);
}

/**
 * Reads an optional parameter that must be one of a few words.
 *
 * @throws {ProblemError} `invalid_parameter` (400) when it is present and not one of them.
 */
export function optionalChoice<const TChoice extends string>(
  name: string,
  value: string | undefined,
  choices: readonly TChoice[],
): TChoice | undefined {
  if (value === undefined) return undefined;
  const match = choices.find((choice) => choice === value);
  if (match === undefined) {
    const list = choices.join(', ');
    throw problem('invalid_parameter', { name, value, expected: { ru: `одно из значений: ${list}`, en: `one of: ${list}` } });
  }
  return match;
}

/**
 * Reads an optional ISO 8601 instant with a zone designator, such as `2026-03-04T15:30:00Z`.
 *
 * @throws {ProblemError} `invalid_parameter` (400) when it is present and not such an instant.
 */
export function optionalInstant(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!z.iso.datetime({ offset: true }).safeParse(value).success) {
    throw problem('invalid_parameter', {
      name,
      value,
      expected: {
        ru: 'момент времени ISO 8601 с часовым поясом, например 2026-03-04T15:30:00+03:00',
        en: 'an ISO 8601 instant with a zone, for example 2026-03-04T15:30:00+03:00',
      },
    });
  }
  return value;
}

/**
 * Reads an optional IANA time zone name, such as `Asia/Vladivostok`.
 *
 * @throws {ProblemError} `invalid_parameter` (400) when it is present and not a time zone in the runtime's IANA database.
 */
export function optionalTimeZone(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    throw problem('invalid_parameter', {
      name,
      value,
      expected: { ru: 'часовой пояс IANA, например Asia/Vladivostok', en: 'an IANA time zone such as Asia/Vladivostok' },
    });
  }
}
