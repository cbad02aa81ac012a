import { allowedValues, dateParam, fieldKey, quotedParam, rowNumbers } from './_lib/catalogHelpers.js';
import { englishPlural, joinList, listParam, numberParam, quote, shorten, textParam } from './_lib/wording.js';
import type { MessageCatalog, MessageContext } from './context.js';
import { consentLabel, documentKindLabel, fieldLabel } from './labels.js';

const TYPE_WITH_ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  bigint: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
};

/** "The field "Last name" of the participant in row 3 (…)", or "The value" when the path names no field. */
function fieldSubject(c: MessageContext): string {
  return c.field === undefined ? `The value${c.owner}` : `The field ${c.field}${c.owner}`;
}

/** "The value of the field "Last name" of the participant in row 3 (…)". */
function valueOfField(c: MessageContext): string {
  return c.field === undefined ? `The value${c.owner}` : `The value of the field ${c.field}${c.owner}`;
}

/** ": "112-233-445 96"", or nothing when the violation has no value. */
function colonValue(c: MessageContext): string {
  return c.value === undefined ? '' : `: ${c.value}`;
}

/** ", but "…" was entered", or nothing when the violation has no value. */
function enteredValue(c: MessageContext): string {
  return c.value === undefined ? '' : `, but ${c.value} was entered`;
}

/** " "…"" after a noun, or nothing when the violation has no value. */
function spacedValue(c: MessageContext): string {
  return c.value === undefined ? '' : ` ${c.value}`;
}

/** ", but "…" has 10 digits", from `params.digits` or `params.length`. */
function digitCount(c: MessageContext, param: 'digits' | 'length'): string {
  const count = numberParam(c.params, param);
  if (count === undefined) return enteredValue(c);
  return `, but ${c.value ?? 'it'} has ${count} ${englishPlural(count, 'digit', 'digits')}`;
}

function lengthUnit(c: MessageContext, count: number): string {
  return textParam(c.params, 'unit') === 'items'
    ? englishPlural(count, 'item', 'items')
    : englishPlural(count, 'character', 'characters');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The English wording of every violation code; `formatViolation` prepares the context it receives.
 *
 * @example
 * enMessages.no_participants({ params: {}, path: ['participants'], field: undefined, owner: '', value: undefined })
 * //=> 'The application has no participants. Add at least one row to the list.'
 */
export const enMessages = {
  required: (c) =>
    c.field === undefined
      ? `A required value${c.owner} is missing. Fill it in.`
      : `The field ${c.field}${c.owner} is empty. Fill it in.`,

  invalid_type: (c) => {
    const received = textParam(c.params, 'received');
    const expected = textParam(c.params, 'expected');
    const receivedText = received === undefined ? undefined : TYPE_WITH_ARTICLE[received];
    const shown =
      receivedText === undefined
        ? 'a value of the wrong type'
        : receivedText === 'a number' && c.value !== undefined
          ? `the number ${c.value}`
          : receivedText;
    const expectedText = expected === undefined ? undefined : (TYPE_WITH_ARTICLE[expected] ?? expected);
    const wanted = expectedText === undefined ? '' : `, but ${expectedText} is expected`;
    const fix =
      expected === 'string' && (received === 'number' || received === 'bigint')
        ? 'Pass the value as a string, because a number loses its leading zeros.'
        : 'Pass a value of the right type.';
    return `${fieldSubject(c)} contains ${shown}${wanted}. ${fix}`;
  },

  invalid_value: (c) => {
    const allowed = allowedValues(c, 'en');
    const choice = allowed.length === 0 ? 'Choose a value from the list.' : `Choose one of: ${allowed.join(', ')}.`;
    return `${fieldSubject(c)} contains a value that is not allowed${colonValue(c)}. ${choice}`;
  },

  invalid_format: (c) => {
    const field = fieldKey(c.path);
    const fix =
      field === 'diplomaSeries' || field === 'diplomaNumber'
        ? 'Copy the series and number as printed in the diploma: letters, digits, spaces and hyphens.'
        : field === 'headName'
          ? 'Enter the surname, the first name and the patronymic (if any) in full.'
          : 'Check the value.';
    return `${fieldSubject(c)} has an invalid format${colonValue(c)}. ${fix}`;
  },

  invalid_date: (c) =>
    `${fieldSubject(c)} is not an existing date in the form YYYY-MM-DD${colonValue(c)}. ` +
    'Enter the date as YYYY-MM-DD, e.g. 1985-04-23.',

  too_short: (c) => {
    const minimum = numberParam(c.params, 'minimum');
    const limit = minimum === undefined ? '' : `: at least ${minimum} ${lengthUnit(c, minimum)} are needed`;
    return `${valueOfField(c)} is too short${limit}. Complete it.`;
  },

  too_long: (c) => {
    const maximum = numberParam(c.params, 'maximum');
    const limit = maximum === undefined ? '' : `: at most ${maximum} ${lengthUnit(c, maximum)} are allowed`;
    return `${valueOfField(c)} is too long${limit}. Shorten it.`;
  },

  too_small: (c) => {
    const minimum = numberParam(c.params, 'minimum');
    const limit = minimum === undefined ? '' : `: the minimum is ${minimum}`;
    return `${valueOfField(c)} is below the minimum${limit}${enteredValue(c)}. Correct it.`;
  },

  too_big: (c) => {
    const maximum = numberParam(c.params, 'maximum');
    const limit = maximum === undefined ? '' : `: the maximum is ${maximum}`;
    return `${valueOfField(c)} is above the maximum${limit}${enteredValue(c)}. Correct it.`;
  },

  unknown_field: (c) => `${fieldSubject(c)} is not part of the form. Remove it or check its name for a typo.`,

  invalid_input: (c) => `${fieldSubject(c)} is invalid${colonValue(c)}. Check the value.`,

  snils_not_string: (c) =>
    `The SNILS${c.owner} was given as the number${spacedValue(c)}, not as a string, so its leading zeros may ` +
    'have been lost. Pass the SNILS as a string, e.g. "112-233-445 95".',

  snils_invalid_format: (c) =>
    textParam(c.params, 'reason') === 'characters'
      ? `The SNILS${c.owner} contains characters that are not allowed${colonValue(c)}. ` +
        'Only digits, spaces and hyphens are allowed, e.g. "112-233-445 95".'
      : `The SNILS${c.owner} must have 11 digits${digitCount(c, 'digits')}. ` +
        'Enter the whole number, e.g. "112-233-445 95".',

  snils_invalid_checksum: (c) => `The SNILS${c.owner} fails the checksum test${colonValue(c)}. Check the number.`,

  inn_invalid: (c) => {
    const reason = textParam(c.params, 'reason');
    if (reason === 'checksum') {
      return `The INN${c.owner} fails the check digit test${colonValue(c)}. Check the number.`;
    }
    if (reason === 'characters') {
      return `The INN${c.owner} must contain only digits${enteredValue(c)}. Check the number.`;
    }
    const expected = numberParam(c.params, 'expectedLength');
    const lengths =
      expected === undefined ? '10 digits (an organization) or 12 digits (an individual)' : `${expected} digits`;
    return `The INN${c.owner} must have ${lengths}${digitCount(c, 'length')}. Check the number.`;
  },

  inn_not_organization: (c) =>
    `The INN${spacedValue(c)}${c.owner} has 12 digits, like the INN of an individual or an individual ` +
    "entrepreneur. Enter the organization's 10-digit INN.",

  kpp_invalid: (c) =>
    `The KPP${c.owner} is invalid${colonValue(c)}. A KPP has 9 characters: 4 digits, then 2 digits or capital ` +
    'Latin letters, then 3 digits, e.g. "773601001".',

  kpp_cyrillic_letter: (c) => {
    const letters = textParam(c.params, 'letters');
    const found =
      letters === undefined
        ? 'Cyrillic letters'
        : `the Cyrillic ${englishPlural([...letters].length, 'letter', 'letters')} ${quote(letters, 'en')}`;
    return (
      `The KPP${c.owner} contains ${found}${colonValue(c)}. ` +
      'Only capital Latin letters are allowed in a KPP. Type them in the English keyboard layout.'
    );
  },

  ogrn_invalid: (c) => registrationNumberMessage(c, 'OGRN', 13),

  ogrnip_invalid: (c) => registrationNumberMessage(c, 'OGRNIP', 15),

  phone_invalid: (c) =>
    `The phone number${c.owner} is not recognized${colonValue(c)}. ` +
    'Enter a Russian number: +7 or 8 followed by 10 digits, e.g. "+7 916 123-45-67".',

  email_invalid: (c) =>
    `The e-mail address${c.owner} is invalid${colonValue(c)}. Enter an address like "name@example.ru".`,

  tracking_number_invalid: (c) => {
    const reason = textParam(c.params, 'reason');
    if (reason === 'checksum') {
      return (
        `The postal tracking number${c.owner} fails the check digit test${colonValue(c)}. ` +
        'Compare it with the receipt.'
      );
    }
    if (reason === 'country') {
      const country = quotedParam(c, 'country', 'en') ?? 'two letters';
      return (
        `The postal tracking number${spacedValue(c)}${c.owner} ends in ${country}, which is not an ISO 3166-1 ` +
        'country code. Compare it with the receipt.'
      );
    }
    return (
      `The postal tracking number${c.owner} is not recognized${colonValue(c)}. Enter the 14 digits of a domestic ` +
      'item or the 13 characters of an international one, e.g. "RA123456785RU".'
    );
  },

  name_invalid: (c) => {
    const characters = listParam(c.params, 'characters');
    const listed = characters.length === 0 ? '' : ` (characters not allowed: ${characters.join(', ')})`;
    return (
      `${fieldSubject(c)} is invalid${colonValue(c)}${listed}. Names are written in Cyrillic letters, as in the ` +
      'passport, with only a space, a hyphen or an apostrophe allowed between letters.'
    );
  },

  citizenship_invalid: (c) =>
    `The citizenship${c.owner} is invalid${colonValue(c)}. Enter the two-letter ISO 3166-1 country code, e.g. "RU".`,

  birth_date_out_of_range: (c) => {
    const age = numberParam(c.params, 'age');
    const asOf = dateParam(c, 'asOf', 'en');
    const minimum = numberParam(c.params, 'minimumAge') ?? 18;
    const maximum = numberParam(c.params, 'maximumAge') ?? 100;
    if (age !== undefined && age < 0) {
      return `The date of birth${spacedValue(c)}${c.owner} is after the date of the check${asOf === undefined ? '' : `, ${asOf}`}. Check the date of birth.`;
    }
    const actual =
      age === undefined || asOf === undefined
        ? ''
        : `on ${asOf} the participant is ${age} ${englishPlural(age, 'year', 'years')} old, but `;
    return (
      `The date of birth${spacedValue(c)}${c.owner} is out of range: ${actual}participants must be from ${minimum} ` +
      `to ${maximum} years old. Check the date of birth.`
    );
  },

  education_not_admitted: (c) => {
    const allowed = allowedValues(c, 'en');
    const choice = allowed.length === 0 ? 'Choose one of these levels.' : `Choose one of: ${allowed.join(', ')}.`;
    return (
      `The education level${spacedValue(c)}${c.owner} is not admitted: under article 76 of Federal Law ` +
      'No. 273-FZ "On Education in the Russian Federation", further professional programs admit only people who ' +
      `have or are studying for secondary vocational or higher education. ${choice}`
    );
  },

  postal_address_postcode_missing: (c) =>
    `The postal address${c.owner} has no 6-digit postcode${colonValue(c)}. ` +
    'Put the postcode at the start of the address, e.g. "101000, Moscow, …".',

  no_participants: () => 'The application has no participants. Add at least one row to the list.',

  duplicate_row_id: (c) =>
    `The row id${spacedValue(c)} is repeated in rows ${joinList(rowNumbers(c), 'en')}. Give each row its own id.`,

  subject_not_in_program: (c) => {
    const allowed = listParam(c.params, 'allowed').map((id) => quote(id, 'en'));
    const choice =
      allowed.length === 0 ? "Choose one of the program's subjects." : `Choose one of the program's subjects: ${allowed.join(', ')}.`;
    return `The subject${spacedValue(c)}${c.owner} is not part of the program. ${choice}`;
  },

  duplicate_snils_subject: (c) => {
    const participant = textParam(c.params, 'participant');
    const who = participant === undefined ? 'The participant' : `The participant ${shorten(participant)}`;
    const snils = textParam(c.params, 'snils');
    const subject = quotedParam(c, 'subject', 'en');
    return (
      `${who}${snils === undefined ? '' : ` with SNILS ${snils}`} is listed${subject === undefined ? '' : ` for the subject ${subject}`} ` +
      `more than once: rows ${joinList(rowNumbers(c), 'en')}. Keep one row per subject.`
    );
  },

  personal_data_mismatch: (c) => {
    const fields = listParam(c.params, 'fields').map((field) => quote(fieldLabel(field)?.en ?? field, 'en'));
    const snils = textParam(c.params, 'snils');
    const differ =
      fields.length === 1 ? `the field ${fields[0] ?? ''} differs` : `the fields ${joinList(fields, 'en')} differ`;
    return (
      `Rows ${joinList(rowNumbers(c), 'en')} have the same SNILS${snils === undefined ? '' : ` ${snils}`}, but ` +
      `${differ}. A participant who studies several subjects must have the same personal data in every row. ` +
      'Correct the differences.'
    );
  },

  document_missing: (c) => {
    const kind = textParam(c.params, 'kind');
    const label = kind === undefined ? 'document' : (documentKindLabel(kind)?.en ?? kind);
    const lastName = quotedParam(c, 'lastName', 'en');
    const diplomaSurname = quotedParam(c, 'diplomaSurname', 'en');
    const reason =
      textParam(c.params, 'reason') === 'surname_differs' && lastName !== undefined && diplomaSurname !== undefined
        ? `: the surname ${lastName} differs from the surname in the diploma ${diplomaSurname}`
        : '';
    return `The document ${quote(label, 'en')}${c.owner} is not attached${reason}. Attach a scan of it.`;
  },

  consent_missing: (c) => {
    const key = fieldKey(c.path);
    const label = consentLabel(key)?.en;
    const named = label ?? (key === undefined ? 'a required consent' : `the consent ${quote(key, 'en')}`);
    return `${capitalize(named)} is not checked. Check it to submit the application.`;
  },

  platform_name_required: () =>
    'Results delivery in electronic form is chosen, but the name of the electronic trading platform is missing. ' +
    'Enter the platform on which the contract will be concluded.',
} satisfies MessageCatalog;

/** "The OGRN … must have 13 digits …" and the other reasons, for the OGRN and the OGRNIP. */
function registrationNumberMessage(c: MessageContext, name: 'OGRN' | 'OGRNIP', length: 13 | 15): string {
  const reason = textParam(c.params, 'reason');
  if (reason === 'checksum') {
    return `The ${name}${c.owner} fails the check digit test${colonValue(c)}. Check the number.`;
  }
  if (reason === 'characters') {
    return `The ${name}${c.owner} must contain only digits${enteredValue(c)}. Check the number.`;
  }
  const actual = numberParam(c.params, 'length');
  const confusion =
    name === 'OGRN' && actual === 15
      ? ' An OGRNIP of an individual entrepreneur has 15 digits, but the OGRN of an organization is required.'
      : name === 'OGRNIP' && actual === 13
        ? ' An OGRN of an organization has 13 digits, but the OGRNIP of an individual entrepreneur is required.'
        : '';
  return `The ${name}${c.owner} must have ${length} digits${digitCount(c, 'length')}.${confusion} Check the number.`;
}
