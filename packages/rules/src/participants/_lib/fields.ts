import { z } from 'zod';
import { formatViolation } from '../../messages/format.js';
import type { Violation, ViolationCode, ViolationParams } from '../../messages/violation.js';
import { isValidCountryCode } from '../../identifiers/countryCodes.js';
import { isIsoDate } from '../../shared/isoDate.js';
import { invalidNameCharacters, isWellFormedName, tidyName } from '../names.js';

/** Longest accepted values, in characters. */
export const maxLengths = {
  id: 100,
  name: 100,
  fullName: 200,
  text: 300,
  longText: 1000,
  email: 254,
  diplomaPart: 30,
} as const;

type Refinement = z.core.$RefinementCtx<unknown>;

/**
 * Adds violations to a zod refinement as custom issues that carry the violation's code and params, so that
 * `violationsFromZod` gets them back unchanged. The issue message is the English sentence, for callers that read
 * zod's own messages.
 */
export function addViolations(context: Refinement, violations: readonly Violation[]): void {
  for (const violation of violations) {
    context.addIssue({
      code: 'custom',
      message: formatViolation(violation, 'en'),
      params: { code: violation.code, ...violation.params },
      path: [...violation.path],
    });
  }
}

function addViolation(context: Refinement, code: ViolationCode, params: ViolationParams): void {
  addViolations(context, [{ code, path: [], params }]);
}

/** Tells whether a draft treats a value as not filled in: `undefined`, `null` or a blank string. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Builds the draft form of a field: a blank value is dropped (`undefined` in the output), any other value must pass the
 * complete field's checks.
 */
export function draftField<TSchema extends z.core.SomeType>(schema: TSchema) {
  return z.preprocess((value) => (isBlank(value) ? undefined : value), z.optional(schema));
}

/** Builds the draft form of every field of a shape; see `draftField`. */
export function draftShape<TShape extends Readonly<Record<string, z.core.SomeType>>>(shape: TShape) {
  const entries = Object.entries(shape).map(([name, schema]) => [name, draftField(schema)]);
  return Object.fromEntries(entries) as { [Name in keyof TShape]: ReturnType<typeof draftField<TShape[Name]>> };
}

/** Builds a required text field: trimmed, not empty, at most `max` characters. */
export function requiredText(max: number) {
  return z.string().trim().min(1, { abort: true }).max(max, { abort: true });
}

/**
 * Builds a field for a person's name or surname: Cyrillic letters with single spaces, hyphens and apostrophes between them, stored
 * in NFC with single spaces.
 */
export function personName(max: number = maxLengths.name) {
  return requiredText(max)
    .overwrite(tidyName)
    .superRefine((name, context) => {
      if (isWellFormedName(name)) return;
      const characters = invalidNameCharacters(name);
      addViolation(context, 'name_invalid', characters.length === 0 ? { value: name } : { value: name, characters });
    });
}

/**
 * Builds a field for an identifier typed by a person (СНИЛС, ИНН, phone …). Any input goes to `validate`, so that
 * a number gets the identifier's own message, and the valid string is stored as `normalize` writes it.
 */
export function identifierField(
  validate: (value: unknown) => Violation[],
  normalize: (value: string) => string | null,
  description: string,
  example: string,
) {
  return z
    .unknown()
    .superRefine((value, context) => addViolations(context, validate(value)))
    .meta({ type: 'string', description, examples: [example] })
    .pipe(z.string().overwrite((value) => normalize(value) ?? value.trim()));
}

// Local part as zod's own e-mail pattern; the domain may be written in any script, as in «школа.рф».
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/** Builds an e-mail field whose domain may be internationalized. */
export function emailField() {
  return requiredText(maxLengths.email)
    .superRefine((email, context) => {
      if (!EMAIL_PATTERN.test(email)) addViolation(context, 'email_invalid', { value: email });
    })
    .meta({ format: 'email', examples: ['ivanova@school17.ru'] });
}

/** Builds a field for an existing calendar date written 'YYYY-MM-DD'. */
export function isoDateField() {
  return z
    .string()
    .min(1, { abort: true })
    .superRefine((date, context) => {
      if (!isIsoDate(date)) addViolation(context, 'invalid_date', { value: date });
    })
    .meta({ format: 'date', examples: ['1985-04-23'] });
}

// Series and numbers of Russian diplomas: digits, sometimes Cyrillic or Latin letters, groups split by a space or
// a hyphen (106924 0381527, ВСГ 1234567, АВ-12).
const DIPLOMA_PART_PATTERN = /^[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+)*$/u;

/** Builds a field for the series or the number of a diploma. */
export function diplomaPartField(example: string) {
  return requiredText(maxLengths.diplomaPart)
    .overwrite((value) => value.replace(/\s+/gu, ' '))
    .superRefine((value, context) => {
      if (!DIPLOMA_PART_PATTERN.test(value)) addViolation(context, 'invalid_format', { value });
    })
    .meta({ examples: [example] });
}

/**
 * Builds a field for one string among `values`, reporting any other string with `code`. The output type is the
 * union of the values.
 */
export function choiceField<const TValues extends readonly [string, ...string[]]>(
  values: TValues,
  code: ViolationCode,
) {
  return z
    .string()
    .min(1, { abort: true })
    .superRefine((value, context) => {
      if (!(values as readonly string[]).includes(value)) addViolation(context, code, { value, allowed: [...values] });
    })
    .meta({ enum: [...values] })
    .pipe(z.enum(values));
}

/** Builds the citizenship field: an ISO 3166-1 alpha-2 code, accepted in lower case and stored in capitals. */
export function citizenshipField() {
  return z
    .string()
    .trim()
    .min(1, { abort: true })
    .toUpperCase()
    .superRefine((code, context) => {
      if (!isValidCountryCode(code)) addViolation(context, 'citizenship_invalid', { value: code });
    })
    .meta({ examples: ['RU'] });
}
