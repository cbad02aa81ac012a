import type { Violation } from '../messages/violation.js';
import { isDigits, readIdentifier } from './_lib/input.js';

type RegistrationNumberCode = 'ogrn_invalid' | 'ogrnip_invalid';

/**
 * Checks a state registration number of `length` digits whose last digit is the remainder of the number formed
 * by the other digits modulo `modulus`, then modulo 10.
 */
function validateRegistrationNumber(
  value: unknown,
  code: RegistrationNumberCode,
  length: number,
  modulus: number,
): Violation[] {
  const input = readIdentifier(value);
  if ('violation' in input) return [input.violation];
  const text = input.text;

  if (!isDigits(text)) {
    return [{ code, path: [], params: { value: text, reason: 'characters' } }];
  }
  if (text.length !== length) {
    return [{ code, path: [], params: { value: text, reason: 'length', length: text.length } }];
  }

  // A prefix of 12 or 14 digits stays below Number.MAX_SAFE_INTEGER (16 digits), so the remainder is exact.
  const checkDigit = (Number(text.slice(0, -1)) % modulus) % 10;
  if (checkDigit !== Number(text.slice(-1))) {
    return [{ code, path: [], params: { value: text, reason: 'checksum' } }];
  }
  return [];
}

/**
 * Checks an ОГРН (primary state registration number of a legal entity): 13 digits, the last equal to the number
 * formed by the first 12 digits modulo 11, then modulo 10.
 *
 * Codes: `required`, `invalid_type`, `ogrn_invalid` (`params.reason`: `'characters'`, `'length'` with
 * `params.length`, or `'checksum'`).
 *
 * @example
 * validateOgrn('1027700132195') //=> []
 * validateOgrn('1027700132196')
 * //=> [{ code: 'ogrn_invalid', path: [], params: { value: '1027700132196', reason: 'checksum' } }]
 */
export function validateOgrn(value: unknown): Violation[] {
  return validateRegistrationNumber(value, 'ogrn_invalid', 13, 11);
}

/**
 * Tells whether `value` is a valid ОГРН of a legal entity (13 digits with its check digit).
 *
 * @example
 * isValidOgrn('1027700132195') //=> true (ПАО Сбербанк)
 * isValidOgrn('1027700132196') //=> false
 * isValidOgrn('304500116000157') //=> false (15 digits: an ОГРНИП)
 */
export function isValidOgrn(value: unknown): boolean {
  return validateOgrn(value).length === 0;
}

/**
 * Checks an ОГРНИП (primary state registration number of an individual entrepreneur): 15 digits, the last equal to
 * the number formed by the first 14 digits modulo 13, then modulo 10.
 *
 * Codes: `required`, `invalid_type`, `ogrnip_invalid` (`params.reason`: `'characters'`, `'length'` with
 * `params.length`, or `'checksum'`).
 *
 * @example
 * validateOgrnip('304500116000157') //=> []
 * validateOgrnip('304500116000158')
 * //=> [{ code: 'ogrnip_invalid', path: [], params: { value: '304500116000158', reason: 'checksum' } }]
 */
export function validateOgrnip(value: unknown): Violation[] {
  return validateRegistrationNumber(value, 'ogrnip_invalid', 15, 13);
}

/**
 * Tells whether `value` is a valid ОГРНИП of an individual entrepreneur (15 digits with its check digit).
 *
 * @example
 * isValidOgrnip('304500116000157') //=> true
 * isValidOgrnip('304500116000158') //=> false
 */
export function isValidOgrnip(value: unknown): boolean {
  return validateOgrnip(value).length === 0;
}
