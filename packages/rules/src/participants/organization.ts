import { z } from 'zod';
import { validateInn } from '../identifiers/inn.js';
import { validateKpp } from '../identifiers/kpp.js';
import { validateOgrn } from '../identifiers/ogrn.js';
import { normalizePhone, validatePhone } from '../identifiers/phone.js';
import { valueTypeName } from '../messages/_lib/valueType.js';
import type { Violation } from '../messages/violation.js';
import { violationsFromZod } from '../messages/zod.js';
import {
  addViolations,
  draftField,
  draftShape,
  emailField,
  identifierField,
  maxLengths,
  personName,
  requiredText,
} from './_lib/fields.js';
import { isWellFormedName } from './names.js';
import type { ValidationStage } from './validateRows.js';

const trimmed = (value: string): string => value.trim();

// A Russian postcode is six digits standing apart from other digits: «171250, Тверская область, …».
const POSTCODE = /(?<![0-9])[0-9]{6}(?![0-9])/;

const organizationFields = {
  fullName: requiredText(maxLengths.longText),
  inn: identifierField(
    (value) => validateInn(value, { holder: 'organization' }),
    trimmed,
    'ИНН of the organization: 10 digits',
    '7707083893',
  ),
  kpp: identifierField(validateKpp, trimmed, 'КПП: 4 digits, 2 digits or capital Latin letters, 3 digits', '773601001'),
  ogrn: identifierField(validateOgrn, trimmed, 'ОГРН of the organization: 13 digits', '1027700132195'),
  postalAddress: requiredText(maxLengths.longText).superRefine((address, context) => {
    if (!POSTCODE.test(address)) {
      addViolations(context, [{ code: 'postal_address_postcode_missing', path: [], params: { value: address } }]);
    }
  }),
  headName: personName(maxLengths.fullName).superRefine((name, context) => {
    // The head signs the contract, so the surname and at least the first name are needed. A name that is not
    // well-formed already has its own violation.
    if (isWellFormedName(name) && name.split(' ').length < 2) {
      addViolations(context, [{ code: 'invalid_format', path: [], params: { value: name } }]);
    }
  }),
  headPosition: requiredText(maxLengths.text),
  email: emailField(),
  phone: identifierField(validatePhone, normalizePhone, 'Russian phone, stored as +7 and 10 digits', '+74823421705'),
};

/**
 * Complete requisites of the organization, as submission requires them: full name, ИНН of an organization
 * (10 digits), КПП, ОГРН (13 digits), postal address with its 6-digit postcode, and the head's full name and
 * position. E-mail and phone are optional but checked when given; the phone is stored as '+7' and 10 digits.
 *
 * @example
 * organizationSchema.parse({ fullName: 'ПАО Сбербанк', inn: '7707083893', kpp: '773601001',
 *   ogrn: '1027700132195', postalAddress: '117997, г. Москва, ул. Вавилова, д. 19',
 *   headName: 'Иванов Иван Иванович', headPosition: 'Президент', phone: '8 (495) 500-55-50' })
 * //=> { …, phone: '+74955005550' }
 */
export const organizationSchema = z.object({
  ...organizationFields,
  email: draftField(organizationFields.email),
  phone: draftField(organizationFields.phone),
});

/**
 * Requisites of the organization being filled in: every field is optional, a blank value counts as not filled in,
 * and every value present must pass the same checks as in `organizationSchema`.
 *
 * @example
 * organizationDraftSchema.safeParse({ inn: '500100732259' }).success //=> false (an individual's ИНН)
 */
export const organizationDraftSchema = z.object(draftShape(organizationFields));

/** Options of `validateOrganization`. */
export interface ValidateOrganizationOptions {
  /** `'submission'` by default. */
  readonly stage?: ValidationStage;
}

/**
 * Checks the requisites of the organization and reports every violation at once, each with the path
 * `['organization', field]`. At the draft stage only the values filled in are checked; at submission every field
 * but the e-mail and the phone is required.
 *
 * @example
 * validateOrganization({ inn: '7707083893' }, { stage: 'draft' }) //=> []
 * validateOrganization({ inn: '500100732259' }, { stage: 'draft' })
 * //=> [{ code: 'inn_not_organization', path: ['organization', 'inn'], params: { value: '500100732259' } }]
 * @throws {TypeError} when `options.stage` is neither 'draft' nor 'submission'
 */
export function validateOrganization(value: unknown, options: ValidateOrganizationOptions = {}): Violation[] {
  const stage = options.stage ?? 'submission';
  if (stage !== 'draft' && stage !== 'submission') {
    throw new TypeError(`Unknown stage ${JSON.stringify(stage)}: pass 'draft' or 'submission'.`);
  }
  if (value === undefined || value === null) {
    return stage === 'draft' ? [] : [{ code: 'required', path: ['organization'], params: {} }];
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [{ code: 'invalid_type', path: ['organization'], params: { expected: 'object', received: valueTypeName(value) } }];
  }

  const schema = stage === 'draft' ? organizationDraftSchema : organizationSchema;
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? [] : violationsFromZod(result.error, ['organization']);
}
