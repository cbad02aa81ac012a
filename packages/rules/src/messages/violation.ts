/**
 * Every code a rule of this package can report, in one closed list. The catalogs of each language are keyed by
 * these codes, so adding a code without its wording in every language fails to compile.
 *
 * @example
 * violationCodes.includes('snils_invalid_checksum') //=> true
 */
export const violationCodes = [
  // Generic checks of a value's presence, type and shape.
  'required',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'invalid_date',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'unknown_field',
  'invalid_input',
  // Identifiers.
  'snils_not_string',
  'snils_invalid_format',
  'snils_invalid_checksum',
  'inn_invalid',
  'inn_not_organization',
  'kpp_invalid',
  'kpp_cyrillic_letter',
  'ogrn_invalid',
  'ogrnip_invalid',
  'phone_invalid',
  'email_invalid',
  'tracking_number_invalid',
  // Fields of a participant row and of the organization's requisites.
  'name_invalid',
  'citizenship_invalid',
  'birth_date_out_of_range',
  'education_not_admitted',
  'postal_address_postcode_missing',
  // Rules over the whole participant list.
  'no_participants',
  'duplicate_row_id',
  'subject_not_in_program',
  'duplicate_snils_subject',
  'personal_data_mismatch',
  'document_missing',
  // Conditions of submitting an application, checked by the application's owner.
  'consent_missing',
  'platform_name_required',
] as const;

/**
 * Code of a failed rule, in snake_case. Tests and programs compare codes; people read the sentence that
 * `formatViolation` renders from the code and its params.
 */
export type ViolationCode = (typeof violationCodes)[number];

/** Values a violation carries for its message: strings, numbers and lists of them (row numbers, field names). */
export type ViolationParams = Readonly<Record<string, string | number | readonly (string | number)[]>>;

/**
 * One failed rule: what failed (`code`), where (`path` into the checked data, e.g. `['participants', 2, 'snils']`,
 * with 0-based list indexes) and the values its message needs (`params`).
 */
export interface Violation {
  readonly code: ViolationCode;
  readonly path: readonly (string | number)[];
  readonly params: ViolationParams;
}

const codeSet: ReadonlySet<string> = new Set(violationCodes);

/**
 * Tells whether `value` is one of the codes in `violationCodes`.
 *
 * @example
 * isViolationCode('snils_invalid_checksum') //=> true
 * isViolationCode('snils_wrong') //=> false
 */
export function isViolationCode(value: unknown): value is ViolationCode {
  return typeof value === 'string' && codeSet.has(value);
}
