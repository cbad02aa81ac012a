import type { Violation } from '../messages/violation.js';
import { readIdentifier } from './_lib/input.js';

// Spaces, dashes and the brackets around an area code, as in '8 (916) 123-45-67' or '+7 (48234) 2-17-05'.
const PHONE_SEPARATORS = /[\s\p{Pd}()]/gu;

// Trunk prefix '+7' or '8', or none, then the 10-digit national number. Russian national numbers begin with
// 3, 4 or 8 (geographic and toll-free codes) or 9 (mobile); +7 6xx and +7 7xx numbers belong to Kazakhstan.
// No code begins with 89, so '8 916 123-45-6' is a mobile number with a digit missing, not a number in 891.
const RUSSIAN_PHONE = /^(?:\+7|8)?([349][0-9]{9}|8[0-8][0-9]{8})$/;

/**
 * Writes a Russian phone number as `+7` and its 10 digits. Accepts the number with `+7`, with the trunk prefix `8`
 * or with neither, and with spaces, dashes and brackets anywhere. Returns `null` for anything else: another
 * country's number, a wrong number of digits, letters, or a number whose national part does not begin with 3, 4, 8
 * or 9. A national part beginning with 89 is rejected too: it is a mobile number written with the trunk prefix 8
 * and missing a digit.
 *
 * @example
 * normalizePhone('8 (916) 123-45-67') //=> '+79161234567'
 * normalizePhone('+7 916 123 45 67') //=> '+79161234567'
 * normalizePhone('9161234567') //=> '+79161234567'
 * normalizePhone('+7 (48234) 2-17-05') //=> '+74823421705'
 * normalizePhone('+44 20 7946 0958') //=> null
 */
export function normalizePhone(value: string): string | null {
  if (typeof value !== 'string') return null;
  const match = RUSSIAN_PHONE.exec(value.replace(PHONE_SEPARATORS, ''));
  return match === null ? null : `+7${match[1]}`;
}

/**
 * Checks a Russian phone number; see `normalizePhone` for the accepted forms.
 *
 * Codes: `required`, `invalid_type`, `phone_invalid`.
 *
 * @example
 * validatePhone('+7 916 123-45-67') //=> []
 * validatePhone('916 123-45') //=> [{ code: 'phone_invalid', path: [], params: { value: '916 123-45' } }]
 */
export function validatePhone(value: unknown): Violation[] {
  const input = readIdentifier(value);
  if ('violation' in input) return [input.violation];
  if (normalizePhone(input.text) === null) {
    return [{ code: 'phone_invalid', path: [], params: { value: input.text } }];
  }
  return [];
}

/**
 * Tells whether `value` is a Russian phone number in one of the forms `normalizePhone` accepts.
 *
 * @example
 * isValidPhone('8 (916) 123-45-67') //=> true
 * isValidPhone('+7 716 123 45 67') //=> false (Kazakhstan)
 */
export function isValidPhone(value: unknown): boolean {
  return validatePhone(value).length === 0;
}
