import type { Violation } from '../messages/violation.js';
import { readIdentifier, stripSeparators, weightedSum } from './_lib/input.js';
import { isValidCountryCode } from './countryCodes.js';

const DOMESTIC = /^[0-9]{14}$/;
const UPU_S10 = /^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/**
 * Check digit of a Russian Post domestic identifier, computed like a UPC check digit over its first 13 digits:
 * three times the sum of the digits at odd positions (1st, 3rd, …, 13th) plus the sum of those at even positions,
 * then (10 − sum mod 10) mod 10.
 */
function domesticCheckDigit(thirteenDigits: string): number {
  let sum = 0;
  for (let index = 0; index < 13; index += 1) {
    const digit = thirteenDigits.charCodeAt(index) - 48;
    sum += index % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Check digit of a UPU S10 serial number: 11 − (weighted sum mod 11), where 10 becomes 0 and 11 becomes 5. */
function s10CheckDigit(serial: string): number {
  const check = 11 - (weightedSum(serial, S10_WEIGHTS) % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/**
 * Writes a postal tracking number without spaces or dashes and with capital letters. Returns `null` unless the
 * result has the form of a Russian Post domestic identifier (14 digits) or of a UPU S10 identifier (2 letters,
 * 9 digits, 2 letters). Check digits are not verified: use `isValidTrackingNumber` for that.
 *
 * @example
 * normalizeTrackingNumber('ra 1234 5678 5 ru') //=> 'RA123456785RU'
 * normalizeTrackingNumber('101000 98 12345 6') //=> '10100098123456'
 * normalizeTrackingNumber('RA12345678RU') //=> null
 */
export function normalizeTrackingNumber(value: string): string | null {
  if (typeof value !== 'string') return null;
  const compact = stripSeparators(value).toUpperCase();
  return DOMESTIC.test(compact) || UPU_S10.test(compact) ? compact : null;
}

/**
 * Checks a postal tracking number (почтовый идентификатор). Two forms are accepted, with spaces, dashes and
 * lower-case letters allowed:
 * - a Russian Post domestic identifier: 14 digits, the last a check digit computed like a UPC check digit;
 * - a UPU S10 identifier: 2 letters of the service, an 8-digit serial, a check digit with the weights
 *   8, 6, 4, 2, 3, 5, 9, 7, and the ISO 3166-1 alpha-2 code of the issuing country.
 *
 * Codes: `required`, `invalid_type`, `tracking_number_invalid` (`params.reason`: `'format'`, `'checksum'`, or
 * `'country'` with `params.country`).
 *
 * @example
 * validateTrackingNumber('RA123456785RU') //=> []
 * validateTrackingNumber('10100098123456') //=> []
 * validateTrackingNumber('RA123456784RU')
 * //=> [{ code: 'tracking_number_invalid', path: [], params: { value: 'RA123456784RU', reason: 'checksum' } }]
 */
export function validateTrackingNumber(value: unknown): Violation[] {
  const input = readIdentifier(value);
  if ('violation' in input) return [input.violation];
  const compact = stripSeparators(input.text).toUpperCase();

  if (DOMESTIC.test(compact)) {
    if (domesticCheckDigit(compact) !== Number(compact[13])) {
      return [{ code: 'tracking_number_invalid', path: [], params: { value: input.text, reason: 'checksum' } }];
    }
    return [];
  }

  const s10 = UPU_S10.exec(compact);
  if (s10 === null) {
    return [{ code: 'tracking_number_invalid', path: [], params: { value: input.text, reason: 'format' } }];
  }
  const [, , serial = '', checkDigit = '', country = ''] = s10;
  if (s10CheckDigit(serial) !== Number(checkDigit)) {
    return [{ code: 'tracking_number_invalid', path: [], params: { value: input.text, reason: 'checksum' } }];
  }
  if (!isValidCountryCode(country)) {
    return [{ code: 'tracking_number_invalid', path: [], params: { value: input.text, reason: 'country', country } }];
  }
  return [];
}

/**
 * Tells whether `value` is a valid postal tracking number: a Russian Post domestic identifier of 14 digits or a
 * UPU S10 identifier such as 'RA123456785RU', check digit included.
 *
 * @example
 * isValidTrackingNumber('RA123456785RU') //=> true
 * isValidTrackingNumber('10100098123456') //=> true
 * isValidTrackingNumber('10100098123457') //=> false (check digit)
 */
export function isValidTrackingNumber(value: unknown): boolean {
  return validateTrackingNumber(value).length === 0;
}
