import type { Violation } from '../messages/violation.js';
import { isDigits, readIdentifier, stripSeparators, weightedSum } from './_lib/input.js';

const NUMBER_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, 1] as const;

// Numbers up to 001-001-998 were issued before the control number existed, so they are not checked.
const LAST_UNCHECKED_NUMBER = 1_001_998;

/**
 * Computes the control number (the last two digits) of a СНИЛС from its first nine digits: the digits are weighted
 * 9 down to 1 and summed; a sum below 100 is the control number itself, 100 and 101 give 00, and a larger sum is
 * taken modulo 101, where a remainder of 100 gives 00 again.
 */
function snilsControlNumber(nineDigits: string): number {
  const sum = weightedSum(nineDigits, NUMBER_WEIGHTS);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const remainder = sum % 101;
  return remainder === 100 ? 0 : remainder;
}

/**
 * Checks a СНИЛС (insurance number of an individual personal account) and reports every reason it is invalid.
 *
 * The number is 11 digits: nine digits of the number and a two-digit control number. Spaces, dashes and
 * non-breaking spaces (U+00A0, U+202F) between the digits are allowed. Numbers up to 001-001-998 are not checked
 * against the control number. A JavaScript number is rejected with `snils_not_string`, because a СНИЛС that begins
 * with 0 loses its leading zeros as a number.
 *
 * Codes: `required`, `snils_not_string`, `invalid_type`, `snils_invalid_format` (`params.reason` is `'characters'`
 * or `'length'`, `params.digits` the number of digits found), `snils_invalid_checksum`. Each violation has an
 * empty path and the typed value in `params.value`.
 *
 * @example
 * validateSnils('112-233-445 95') //=> []
 * validateSnils('112-233-445 96')
 * //=> [{ code: 'snils_invalid_checksum', path: [], params: { value: '112-233-445 96' } }]
 * validateSnils(11223344595)
 * //=> [{ code: 'snils_not_string', path: [], params: { value: '11223344595' } }]
 */
export function validateSnils(value: unknown): Violation[] {
  if (typeof value === 'number' || typeof value === 'bigint') {
    return [{ code: 'snils_not_string', path: [], params: { value: String(value) } }];
  }
  const input = readIdentifier(value);
  if ('violation' in input) return [input.violation];

  const digits = stripSeparators(input.text);
  if (!isDigits(digits)) {
    return [{ code: 'snils_invalid_format', path: [], params: { value: input.text, reason: 'characters' } }];
  }
  if (digits.length !== 11) {
    return [
      { code: 'snils_invalid_format', path: [], params: { value: input.text, reason: 'length', digits: digits.length } },
    ];
  }

  const number = digits.slice(0, 9);
  if (Number(number) <= LAST_UNCHECKED_NUMBER) return [];
  if (snilsControlNumber(number) !== Number(digits.slice(9))) {
    return [{ code: 'snils_invalid_checksum', path: [], params: { value: input.text } }];
  }
  return [];
}

/**
 * Tells whether `value` is a valid СНИЛС string. See `validateSnils` for the rules.
 *
 * @example
 * isValidSnils('112-233-445 95') //=> true
 * isValidSnils('11223344595') //=> true
 * isValidSnils('112-233-445 96') //=> false (control number)
 * isValidSnils(11223344595) //=> false (a number, not a string)
 */
export function isValidSnils(value: unknown): boolean {
  return validateSnils(value).length === 0;
}

/**
 * Writes a СНИЛС in its canonical form `XXX-XXX-XXX YY`, whatever spaces and dashes it was typed with. Returns
 * `null` unless the value is a string of exactly 11 digits once the separators are removed. The control number
 * is not checked: use `isValidSnils` for that.
 *
 * @example
 * normalizeSnils('11223344595') //=> '112-233-445 95'
 * normalizeSnils('112 233 445-95') //=> '112-233-445 95'
 * normalizeSnils('112-233-445') //=> null
 */
export function normalizeSnils(value: string): string | null {
  if (typeof value !== 'string') return null;
  const digits = stripSeparators(value);
  if (digits.length !== 11 || !isDigits(digits)) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}
