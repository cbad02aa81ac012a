import type { Violation } from '../messages/violation.js';
import { readIdentifier } from './_lib/input.js';

const KPP_PATTERN = /^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$/;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;

/**
 * Checks a КПП (tax registration reason code): 9 characters, namely 4 digits (the tax office), 2 digits or capital
 * Latin letters (the reason), 3 digits (the sequence number). The КПП has no check digit, so only its form is
 * checked. Cyrillic letters that look like Latin ones (А, В, Е, К, М, Н, О, Р, С, Т, Х) get their own code, because
 * they look right on screen and are a common typing mistake.
 *
 * Codes: `required`, `invalid_type`, `kpp_cyrillic_letter` (`params.letters`: the Cyrillic letters found),
 * `kpp_invalid`.
 *
 * @example
 * validateKpp('773601001') //=> []
 * validateKpp('7736AB001') //=> []
 * validateKpp('7736АВ001') // Cyrillic А and В
 * //=> [{ code: 'kpp_cyrillic_letter', path: [], params: { value: '7736АВ001', letters: 'АВ' } }]
 * validateKpp('77360100') //=> [{ code: 'kpp_invalid', path: [], params: { value: '77360100' } }]
 */
export function validateKpp(value: unknown): Violation[] {
  const input = readIdentifier(value);
  if ('violation' in input) return [input.violation];
  const text = input.text;

  const cyrillic = text.match(CYRILLIC_LETTER);
  if (cyrillic !== null) {
    const letters = [...new Set(cyrillic)].join('');
    return [{ code: 'kpp_cyrillic_letter', path: [], params: { value: text, letters } }];
  }
  if (!KPP_PATTERN.test(text)) {
    return [{ code: 'kpp_invalid', path: [], params: { value: text } }];
  }
  return [];
}

/**
 * Tells whether `value` is a КПП of the valid form: 4 digits, 2 digits or capital Latin letters, 3 digits.
 *
 * @example
 * isValidKpp('773601001') //=> true
 * isValidKpp('7736AB001') //=> true
 * isValidKpp('7736АВ001') //=> false (Cyrillic А and В)
 * isValidKpp('7736ab001') //=> false (lower case)
 */
export function isValidKpp(value: unknown): boolean {
  return validateKpp(value).length === 0;
}
