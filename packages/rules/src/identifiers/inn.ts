import type { Violation, ViolationParams } from '../messages/violation.js';
import { isDigits, readIdentifier, weightedSum } from './_lib/input.js';

const ORGANIZATION_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INDIVIDUAL_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INDIVIDUAL_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const HOLDER_LENGTHS = { organization: 10, individual: 12 } as const;

/** Computes a check digit of the ИНН: the weighted sum modulo 11, then modulo 10 (a remainder of 10 gives 0). */
function innCheckDigit(digits: string, weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10;
}

function hasValidInnChecksum(digits: string): boolean {
  if (digits.length === 10) {
    return innCheckDigit(digits, ORGANIZATION_WEIGHTS) === Number(digits[9]);
  }
  return (
    innCheckDigit(digits, INDIVIDUAL_WEIGHTS_11) === Number(digits[10]) &&
    innCheckDigit(digits, INDIVIDUAL_WEIGHTS_12) === Number(digits[11])
  );
}

/** Options of `validateInn`. */
export interface ValidateInnOptions {
  /**
   * Whose ИНН is expected: `'organization'` (10 digits; a 12-digit ИНН is reported as `inn_not_organization`),
   * `'individual'` (12 digits) or `'any'` (either, the default).
   */
  readonly holder?: 'organization' | 'individual' | 'any';
}

/**
 * Checks an ИНН (taxpayer identification number) and reports why it is invalid.
 *
 * An organization's ИНН has 10 digits, the last a check digit; an individual's has 12, the last two check digits.
 * Each check digit is the weighted sum of the digits before it modulo 11, then modulo 10. Surrounding spaces are
 * ignored; spaces inside the number are not accepted.
 *
 * Codes: `required`, `invalid_type`, `inn_invalid` (`params.reason`: `'characters'`, `'length'` with
 * `params.length` and `params.expectedLength` when only one length fits, or `'checksum'`), `inn_not_organization`.
 *
 * @example
 * validateInn('7707083893') //=> []
 * validateInn('7707083894') //=> [{ code: 'inn_invalid', path: [], params: { value: '7707083894', reason: 'checksum' } }]
 * validateInn('500100732259', { holder: 'organization' })
 * //=> [{ code: 'inn_not_organization', path: [], params: { value: '500100732259' } }]
 */
export function validateInn(value: unknown, options: ValidateInnOptions = {}): Violation[] {
  const holder = options.holder ?? 'any';
  const input = readIdentifier(value);
  if ('violation' in input) return [input.violation];
  const text = input.text;

  if (!isDigits(text)) {
    return [{ code: 'inn_invalid', path: [], params: { value: text, reason: 'characters' } }];
  }
  if (holder === 'organization' && text.length === 12) {
    return [{ code: 'inn_not_organization', path: [], params: { value: text } }];
  }
  const lengths = holder === 'any' ? [10, 12] : [HOLDER_LENGTHS[holder]];
  if (!lengths.includes(text.length)) {
    const params: ViolationParams =
      lengths.length === 1
        ? { value: text, reason: 'length', length: text.length, expectedLength: lengths[0] ?? 10 }
        : { value: text, reason: 'length', length: text.length };
    return [{ code: 'inn_invalid', path: [], params }];
  }

  if (!hasValidInnChecksum(text)) {
    return [{ code: 'inn_invalid', path: [], params: { value: text, reason: 'checksum' } }];
  }
  return [];
}

/**
 * Tells whether `value` is a valid ИНН of an organization (10 digits) or of an individual (12 digits), check
 * digits included.
 *
 * @example
 * isValidInn('7707083893') //=> true (ПАО Сбербанк)
 * isValidInn('500100732259') //=> true (an individual)
 * isValidInn('7707083894') //=> false
 * isValidInn(7707083893) //=> false (a number, not a string)
 */
export function isValidInn(value: unknown): boolean {
  return validateInn(value).length === 0;
}
