import { allowedValues, dateParam, fieldKey, quotedParam, rowNumbers } from './_lib/catalogHelpers.js';
import { joinList, listParam, numberParam, quote, russianPlural, shorten, textParam } from './_lib/wording.js';
import type { MessageCatalog, MessageContext } from './context.js';
import { consentLabel, documentKindLabel, fieldLabel } from './labels.js';

// «содержит число», «ожидается строка»: the accusative after «содержит», the nominative after «ожидается».
const TYPE_ACCUSATIVE: Readonly<Record<string, string>> = {
  string: 'строку',
  number: 'число',
  bigint: 'число',
  boolean: 'логическое значение',
  object: 'объект',
  array: 'список',
  null: 'пустое значение null',
  undefined: 'пустое значение',
};
const TYPE_NOMINATIVE: Readonly<Record<string, string>> = {
  string: 'строка',
  number: 'число',
  int: 'целое число',
  boolean: 'логическое значение',
  object: 'объект',
  array: 'список',
  date: 'дата',
};

/** «Поле «Фамилия» участника в строке 3 (…)», or «Значение» when the path names no field. */
function fieldSubject(c: MessageContext): string {
  return c.field === undefined ? `Значение${c.owner}` : `Поле ${c.field}${c.owner}`;
}

/** «Значение поля «Фамилия» участника в строке 3 (…)». */
function valueOfField(c: MessageContext): string {
  return c.field === undefined ? `Значение${c.owner}` : `Значение поля ${c.field}${c.owner}`;
}

/** «: «112-233-445 96»», or nothing when the violation has no value. */
function colonValue(c: MessageContext): string {
  return c.value === undefined ? '' : `: ${c.value}`;
}

/** «, а введено «…»», or nothing when the violation has no value. */
function enteredValue(c: MessageContext): string {
  return c.value === undefined ? '' : `, а введено ${c.value}`;
}

/** « «…»» after a noun, or nothing when the violation has no value. */
function spacedValue(c: MessageContext): string {
  return c.value === undefined ? '' : ` ${c.value}`;
}

/** «, а в «…» 10 цифр», from `params.digits` or `params.length`. */
function digitCount(c: MessageContext, param: 'digits' | 'length'): string {
  const count = numberParam(c.params, param);
  if (count === undefined) return enteredValue(c);
  const where = c.value === undefined ? 'в нём' : `в ${c.value}`;
  return `, а ${where} ${count} ${russianPlural(count, 'цифра', 'цифры', 'цифр')}`;
}

function lengthUnit(c: MessageContext, count: number): string {
  return textParam(c.params, 'unit') === 'items'
    ? russianPlural(count, 'элемента', 'элементов', 'элементов')
    : russianPlural(count, 'символа', 'символов', 'символов');
}

/**
 * The Russian wording of every violation code; `formatViolation` prepares the context it receives.
 *
 * @example
 * ruMessages.no_participants({ params: {}, path: ['participants'], field: undefined, owner: '', value: undefined })
 * //=> 'В заявке нет ни одного участника. Добавьте в список хотя бы одну строку.'
 */
export const ruMessages = {
  required: (c) =>
    c.field === undefined
      ? `Не заполнено обязательное значение${c.owner}. Заполните его.`
      : `Не заполнено поле ${c.field}${c.owner}. Заполните его.`,

  invalid_type: (c) => {
    const received = textParam(c.params, 'received');
    const expected = textParam(c.params, 'expected');
    const receivedText = received === undefined ? undefined : TYPE_ACCUSATIVE[received];
    const shown =
      receivedText === undefined
        ? 'значение неверного типа'
        : receivedText === 'число' && c.value !== undefined
          ? `число ${c.value}`
          : receivedText;
    const expectedText = expected === undefined ? undefined : (TYPE_NOMINATIVE[expected] ?? expected);
    const wanted = expectedText === undefined ? '' : `, а ожидается ${expectedText}`;
    const fix =
      expected === 'string' && (received === 'number' || received === 'bigint')
        ? 'Передайте значение строкой, потому что в числе теряются ведущие нули.'
        : 'Передайте значение нужного типа.';
    return `${fieldSubject(c)} содержит ${shown}${wanted}. ${fix}`;
  },

  invalid_value: (c) => {
    const allowed = allowedValues(c, 'ru');
    const choice =
      allowed.length === 0 ? 'Выберите значение из списка.' : `Выберите одно из значений: ${allowed.join(', ')}.`;
    return `${fieldSubject(c)} содержит недопустимое значение${colonValue(c)}. ${choice}`;
  },

  invalid_format: (c) => {
    const field = fieldKey(c.path);
    const fix =
      field === 'diplomaSeries' || field === 'diplomaNumber'
        ? 'Перепишите серию и номер так, как они напечатаны в дипломе: буквы, цифры, пробелы и дефисы.'
        : field === 'headName'
          ? 'Укажите фамилию, имя и отчество (при наличии) полностью.'
          : 'Проверьте значение.';
    return `${fieldSubject(c)} заполнено в неверном формате${colonValue(c)}. ${fix}`;
  },

  invalid_date: (c) =>
    `${fieldSubject(c)} содержит несуществующую дату или дату в неверном формате${colonValue(c)}. ` +
    'Введите дату в виде ГГГГ-ММ-ДД, например 1985-04-23.',

  too_short: (c) => {
    const minimum = numberParam(c.params, 'minimum');
    const limit = minimum === undefined ? '' : `: нужно не меньше ${minimum} ${lengthUnit(c, minimum)}`;
    return `${valueOfField(c)} слишком короткое${limit}. Дополните его.`;
  },

  too_long: (c) => {
    const maximum = numberParam(c.params, 'maximum');
    const limit = maximum === undefined ? '' : `: допускается не больше ${maximum} ${lengthUnit(c, maximum)}`;
    return `${valueOfField(c)} слишком длинное${limit}. Сократите его.`;
  },

  too_small: (c) => {
    const minimum = numberParam(c.params, 'minimum');
    const limit = minimum === undefined ? '' : `: нужно не меньше ${minimum}`;
    return `${valueOfField(c)} меньше допустимого${limit}${enteredValue(c)}. Исправьте его.`;
  },

  too_big: (c) => {
    const maximum = numberParam(c.params, 'maximum');
    const limit = maximum === undefined ? '' : `: нужно не больше ${maximum}`;
    return `${valueOfField(c)} больше допустимого${limit}${enteredValue(c)}. Исправьте его.`;
  },

  unknown_field: (c) =>
    `${fieldSubject(c)} не предусмотрено формой. Удалите его или проверьте, нет ли опечатки в названии.`,

  invalid_input: (c) => `${fieldSubject(c)} заполнено неверно${colonValue(c)}. Проверьте значение.`,

  snils_not_string: (c) =>
    `СНИЛС${c.owner} передан числом${spacedValue(c)}, а не строкой, поэтому ведущие нули могли потеряться. ` +
    'Передайте СНИЛС строкой, например «112-233-445 95».',

  snils_invalid_format: (c) =>
    textParam(c.params, 'reason') === 'characters'
      ? `СНИЛС${c.owner} содержит недопустимые знаки${colonValue(c)}. ` +
        'В номере допускаются только цифры, пробелы и дефисы, например «112-233-445 95».'
      : `СНИЛС${c.owner} должен состоять из 11 цифр${digitCount(c, 'digits')}. ` +
        'Введите номер полностью, например «112-233-445 95».',

  snils_invalid_checksum: (c) =>
    `СНИЛС${c.owner} не проходит проверку контрольной суммы${colonValue(c)}. Проверьте номер.`,

  inn_invalid: (c) => {
    const reason = textParam(c.params, 'reason');
    if (reason === 'checksum') {
      return `ИНН${c.owner} не проходит проверку контрольного числа${colonValue(c)}. Проверьте номер.`;
    }
    if (reason === 'characters') {
      return `ИНН${c.owner} должен состоять только из цифр${enteredValue(c)}. Проверьте номер.`;
    }
    const expected = numberParam(c.params, 'expectedLength');
    const lengths =
      expected === undefined
        ? 'из 10 цифр (у организации) или из 12 цифр (у физического лица)'
        : `из ${expected} ${russianPlural(expected, 'цифры', 'цифр', 'цифр')}`;
    return `ИНН${c.owner} должен состоять ${lengths}${digitCount(c, 'length')}. Проверьте номер.`;
  },

  inn_not_organization: (c) =>
    `ИНН${spacedValue(c)}${c.owner} состоит из 12 цифр, как ИНН физического лица или индивидуального ` +
    'предпринимателя. Укажите 10-значный ИНН организации.',

  kpp_invalid: (c) =>
    `КПП${c.owner} указан неверно${colonValue(c)}. КПП состоит из 9 знаков: 4 цифры, затем 2 цифры или заглавные ` +
    'латинские буквы, затем 3 цифры, например «773601001».',

  kpp_cyrillic_letter: (c) => {
    const letters = textParam(c.params, 'letters');
    const found =
      letters === undefined
        ? 'кириллические буквы'
        : [...letters].length === 1
          ? `кириллическую букву ${quote(letters, 'ru')}`
          : `кириллические буквы ${quote(letters, 'ru')}`;
    return (
      `КПП${c.owner} содержит ${found}${colonValue(c)}. ` +
      'В КПП допускаются только заглавные латинские буквы. Наберите их в английской раскладке.'
    );
  },

  ogrn_invalid: (c) => registrationNumberMessage(c, 'ОГРН', 13),

  ogrnip_invalid: (c) => registrationNumberMessage(c, 'ОГРНИП', 15),

  phone_invalid: (c) =>
    `Номер телефона${c.owner} не распознан${colonValue(c)}. ` +
    'Введите российский номер: +7 или 8 и ещё 10 цифр, например «+7 916 123-45-67».',

  email_invalid: (c) =>
    `Адрес электронной почты${c.owner} указан неверно${colonValue(c)}. Введите адрес вида «name@example.ru».`,

  tracking_number_invalid: (c) => {
    const reason = textParam(c.params, 'reason');
    if (reason === 'checksum') {
      return (
        `Почтовый идентификатор${c.owner} не проходит проверку контрольной цифры${colonValue(c)}. ` +
        'Сверьте номер с квитанцией.'
      );
    }
    if (reason === 'country') {
      const country = quotedParam(c, 'country', 'ru') ?? 'из двух последних букв';
      return (
        `Почтовый идентификатор${spacedValue(c)}${c.owner} заканчивается кодом ${country}, которого нет среди ` +
        'кодов стран ISO 3166-1. Сверьте номер с квитанцией.'
      );
    }
    return (
      `Почтовый идентификатор${c.owner} не распознан${colonValue(c)}. Введите 14 цифр отправления по России ` +
      'или 13 знаков международного отправления, например «RA123456785RU».'
    );
  },

  name_invalid: (c) => {
    const characters = listParam(c.params, 'characters');
    const listed = characters.length === 0 ? '' : ` (недопустимые знаки: ${characters.join(', ')})`;
    return (
      `${fieldSubject(c)} заполнено неверно${colonValue(c)}${listed}. Фамилия, имя и отчество пишутся ` +
      'кириллицей, как в паспорте. Между буквами допускаются только пробел, дефис и апостроф.'
    );
  },

  citizenship_invalid: (c) =>
    `Гражданство${c.owner} указано неверно${colonValue(c)}. ` +
    'Укажите двухбуквенный код страны по ISO 3166-1, например «RU».',

  birth_date_out_of_range: (c) => {
    const age = numberParam(c.params, 'age');
    const asOf = dateParam(c, 'asOf', 'ru');
    const minimum = numberParam(c.params, 'minimumAge') ?? 18;
    const maximum = numberParam(c.params, 'maximumAge') ?? 100;
    if (age !== undefined && age < 0) {
      // A date written out ends in «г.», which also ends the sentence.
      const after = `Дата рождения${spacedValue(c)}${c.owner} позже даты проверки${asOf === undefined ? '.' : ` ${asOf}`}`;
      return `${after.endsWith('.') ? after : `${after}.`} Проверьте дату рождения.`;
    }
    const actual =
      age === undefined || asOf === undefined
        ? ''
        : `на ${asOf} участнику ${age} ${russianPlural(age, 'год', 'года', 'лет')}, а `;
    return (
      `Дата рождения${spacedValue(c)}${c.owner} не подходит: ${actual}обучаться могут участники от ${minimum} ` +
      `до ${maximum} лет. Проверьте дату рождения.`
    );
  },

  education_not_admitted: (c) => {
    const allowed = allowedValues(c, 'ru');
    const choice = allowed.length === 0 ? 'Выберите один из этих уровней.' : `Выберите один из уровней: ${allowed.join(', ')}.`;
    return (
      `Уровень образования${spacedValue(c)}${c.owner} не допускается: по статье 76 Федерального закона № 273-ФЗ ` +
      '«Об образовании в Российской Федерации» к дополнительным профессиональным программам допускаются только ' +
      `лица, имеющие или получающие среднее профессиональное или высшее образование. ${choice}`
    );
  },

  postal_address_postcode_missing: (c) =>
    `В почтовом адресе${c.owner} нет шестизначного почтового индекса${colonValue(c)}. ` +
    'Добавьте индекс в начало адреса, например «101000, г. Москва, …».',

  no_participants: () => 'В заявке нет ни одного участника. Добавьте в список хотя бы одну строку.',

  duplicate_row_id: (c) =>
    `Идентификатор строки${spacedValue(c)} повторяется в строках ${joinList(rowNumbers(c), 'ru')}. ` +
    'Дайте каждой строке свой идентификатор.',

  subject_not_in_program: (c) => {
    const allowed = listParam(c.params, 'allowed').map((id) => quote(id, 'ru'));
    const choice =
      allowed.length === 0 ? 'Выберите предмет программы.' : `Выберите один из предметов программы: ${allowed.join(', ')}.`;
    return `Предмет${spacedValue(c)}${c.owner} не входит в программу. ${choice}`;
  },

  duplicate_snils_subject: (c) => {
    const participant = textParam(c.params, 'participant');
    const who = participant === undefined ? 'Участник' : `Участник ${shorten(participant)}`;
    const snils = textParam(c.params, 'snils');
    const subject = quotedParam(c, 'subject', 'ru');
    return (
      `${who}${snils === undefined ? '' : ` со СНИЛС ${snils}`} записан${subject === undefined ? '' : ` на предмет ${subject}`} ` +
      `несколько раз: в строках ${joinList(rowNumbers(c), 'ru')}. Оставьте по одной строке на каждый предмет.`
    );
  },

  personal_data_mismatch: (c) => {
    const fields = listParam(c.params, 'fields').map((field) => quote(fieldLabel(field)?.ru ?? field, 'ru'));
    const snils = textParam(c.params, 'snils');
    const differ =
      fields.length === 1 ? `различается поле ${fields[0] ?? ''}` : `различаются поля ${joinList(fields, 'ru')}`;
    return (
      `В строках ${joinList(rowNumbers(c), 'ru')} указан один и тот же СНИЛС${snils === undefined ? '' : ` ${snils}`}, ` +
      `но ${differ}. У участника, который изучает несколько предметов, персональные данные во всех строках ` +
      'должны совпадать. Исправьте расхождения.'
    );
  },

  document_missing: (c) => {
    const kind = textParam(c.params, 'kind');
    const label = kind === undefined ? 'документ' : (documentKindLabel(kind)?.ru ?? kind);
    const lastName = quotedParam(c, 'lastName', 'ru');
    const diplomaSurname = quotedParam(c, 'diplomaSurname', 'ru');
    const reason =
      textParam(c.params, 'reason') === 'surname_differs' && lastName !== undefined && diplomaSurname !== undefined
        ? `: фамилия ${lastName} отличается от фамилии в дипломе ${diplomaSurname}`
        : '';
    return `Не приложен документ ${quote(label, 'ru')}${c.owner}${reason}. Приложите скан документа.`;
  },

  consent_missing: (c) => {
    const key = fieldKey(c.path);
    const label = consentLabel(key)?.ru;
    const named = label ?? (key === undefined ? 'обязательное согласие' : `согласие ${quote(key, 'ru')}`);
    return `Не отмечено ${named}. Отметьте его, чтобы отправить заявку.`;
  },

  platform_name_required: () =>
    'Выбрано получение результатов в электронном виде, но не указано название электронной площадки. ' +
    'Укажите площадку, на которой будет заключён договор.',
} satisfies MessageCatalog;

/** «ОГРН … должен состоять из 13 цифр …» and the other reasons, for the ОГРН and the ОГРНИП. */
function registrationNumberMessage(c: MessageContext, name: 'ОГРН' | 'ОГРНИП', length: 13 | 15): string {
  const reason = textParam(c.params, 'reason');
  if (reason === 'checksum') {
    return `${name}${c.owner} не проходит проверку контрольной цифры${colonValue(c)}. Проверьте номер.`;
  }
  if (reason === 'characters') {
    return `${name}${c.owner} должен состоять только из цифр${enteredValue(c)}. Проверьте номер.`;
  }
  const actual = numberParam(c.params, 'length');
  const confusion =
    name === 'ОГРН' && actual === 15
      ? ' 15 цифр бывает у ОГРНИП индивидуального предпринимателя, а нужен ОГРН организации.'
      : name === 'ОГРНИП' && actual === 13
        ? ' 13 цифр бывает у ОГРН организации, а нужен ОГРНИП индивидуального предпринимателя.'
        : '';
  return `${name}${c.owner} должен состоять из ${length} цифр${digitCount(c, 'length')}.${confusion} Проверьте номер.`;
}
