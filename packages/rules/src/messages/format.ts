import type { Locale } from '../shared/types.js';
import { quote, shorten, textParam } from './_lib/wording.js';
import type { MessageCatalog, MessageContext } from './context.js';
import { enMessages } from './en.js';
import { fieldLabel } from './labels.js';
import { ruMessages } from './ru.js';
import { isViolationCode, type Violation, type ViolationParams } from './violation.js';

/**
 * The message catalogs, one per language, keyed by violation code.
 *
 * @example
 * messages.en.no_participants({ params: {}, path: ['participants'], field: undefined, owner: '', value: undefined })
 * //=> 'The application has no participants. Add at least one row to the list.'
 */
export const messages = { ru: ruMessages, en: enMessages } as const satisfies Readonly<Record<Locale, MessageCatalog>>;

/**
 * « участника в строке 3 (Иванова И. И.)» for a path inside a participant row (1-based row number, the initials
 * from `params.participant`), « организации» inside the requisites, nothing otherwise.
 */
function ownerPhrase(path: Violation['path'], params: ViolationParams, locale: Locale): string {
  const [root, index, child, childIndex] = path;

  if (root === 'participants' && typeof index === 'number' && Number.isInteger(index) && index >= 0) {
    const participant = textParam(params, 'participant');
    const initials = participant === undefined || participant === '' ? '' : ` (${shorten(participant)})`;
    const documentNumber =
      child === 'documents' && typeof childIndex === 'number' && Number.isInteger(childIndex) ? childIndex + 1 : undefined;
    if (locale === 'ru') {
      const document = documentNumber === undefined ? '' : ` документа ${documentNumber}`;
      return `${document} участника в строке ${index + 1}${initials}`;
    }
    const document = documentNumber === undefined ? '' : ` of document ${documentNumber}`;
    return `${document} of the participant in row ${index + 1}${initials}`;
  }

  if (root === 'organization' && path.length > 1) return locale === 'ru' ? ' организации' : ' of the organization';
  return '';
}

/**
 * Returns the quoted label of the field a path ends in, or `undefined` when the path ends in a list index or is
 * empty.
 */
function quotedFieldLabel(path: Violation['path'], locale: Locale): string | undefined {
  const last = path.at(-1);
  if (typeof last !== 'string') return undefined;
  return quote(fieldLabel(last)?.[locale] ?? last, locale);
}

/**
 * Renders a violation as a whole sentence in Russian (the default) or English: what failed, on which value, and
 * what to do. Inside a participant row the sentence names the 1-based row number and, when `params.participant`
 * contains them, the participant's initials.
 *
 * @example
 * formatViolation({ code: 'snils_invalid_checksum', path: ['participants', 2, 'snils'],
 *   params: { value: '112-233-445 96', participant: 'Иванова И. И.' } })
 * //=> 'СНИЛС участника в строке 3 (Иванова И. И.) не проходит проверку контрольной суммы: «112-233-445 96». Проверьте номер.'
 * formatViolation({ code: 'required', path: ['organization', 'kpp'], params: {} }, 'en')
 * //=> 'The field "KPP" of the organization is empty. Fill it in.'
 * @throws {TypeError} when `violation.code` is not a violation code or `locale` is neither 'ru' nor 'en'
 */
export function formatViolation(violation: Violation, locale: Locale = 'ru'): string {
  if (locale !== 'ru' && locale !== 'en') {
    throw new TypeError(`Unknown locale ${JSON.stringify(locale)}: pass 'ru' or 'en'.`);
  }
  const code: unknown = violation?.code;
  if (!isViolationCode(code)) {
    throw new TypeError(`Unknown violation code ${JSON.stringify(code)}: use one of the codes in violationCodes.`);
  }
  const path = Array.isArray(violation.path) ? violation.path : [];
  const params: ViolationParams =
    typeof violation.params === 'object' && violation.params !== null ? violation.params : {};

  const value = textParam(params, 'value');
  const context: MessageContext = {
    params,
    path,
    field: quotedFieldLabel(path, locale),
    owner: ownerPhrase(path, params, locale),
    value: value === undefined ? undefined : quote(shorten(value), locale),
  };
  return messages[locale][code](context);
}
