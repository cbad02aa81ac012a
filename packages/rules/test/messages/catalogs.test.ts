import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  enMessages,
  formatViolation,
  messages,
  ruMessages,
  violationCodes,
  type MessageCatalog,
  type Violation,
  type ViolationCode,
} from '@fioco-flow/rules';

/** One realistic violation per code, with the params its rule reports. */
const examples: Readonly<Record<ViolationCode, Violation>> = {
  required: { code: 'required', path: ['participants', 0, 'lastName'], params: {} },
  invalid_type: {
    code: 'invalid_type',
    path: ['organization', 'inn'],
    params: { expected: 'string', received: 'number', value: '7707083893' },
  },
  invalid_value: {
    code: 'invalid_value',
    path: ['participants', 1, 'sex'],
    params: { allowed: ['male', 'female'], value: 'ж', participant: 'Иванова И. И.' },
  },
  invalid_format: {
    code: 'invalid_format',
    path: ['participants', 1, 'diplomaNumber'],
    params: { value: '№ 0381527', participant: 'Иванова И. И.' },
  },
  invalid_date: { code: 'invalid_date', path: ['participants', 0, 'birthDate'], params: { value: '1986-02-30' } },
  too_short: { code: 'too_short', path: ['comment'], params: { minimum: 3, unit: 'characters' } },
  too_long: { code: 'too_long', path: ['participants', 4, 'position'], params: { maximum: 300, unit: 'characters' } },
  too_small: { code: 'too_small', path: ['hours'], params: { minimum: 1, value: 0 } },
  too_big: { code: 'too_big', path: ['hours'], params: { maximum: 144, value: 500 } },
  unknown_field: { code: 'unknown_field', path: ['participants', 0, 'lastname'], params: {} },
  invalid_input: { code: 'invalid_input', path: ['delivery'], params: { value: 'fax' } },
  snils_not_string: {
    code: 'snils_not_string',
    path: ['participants', 2, 'snils'],
    params: { value: '11223344595', participant: 'Иванова И. И.' },
  },
  snils_invalid_format: {
    code: 'snils_invalid_format',
    path: ['participants', 2, 'snils'],
    params: { value: '112-233-445 9', reason: 'length', digits: 10, participant: 'Иванова И. И.' },
  },
  snils_invalid_checksum: {
    code: 'snils_invalid_checksum',
    path: ['participants', 2, 'snils'],
    params: { value: '112-233-445 96', participant: 'Иванова И. И.' },
  },
  inn_invalid: { code: 'inn_invalid', path: ['organization', 'inn'], params: { value: '7707083894', reason: 'checksum' } },
  inn_not_organization: { code: 'inn_not_organization', path: ['organization', 'inn'], params: { value: '500100732259' } },
  kpp_invalid: { code: 'kpp_invalid', path: ['organization', 'kpp'], params: { value: '77360100' } },
  kpp_cyrillic_letter: {
    code: 'kpp_cyrillic_letter',
    path: ['organization', 'kpp'],
    params: { value: '7736АВ001', letters: 'АВ' },
  },
  ogrn_invalid: {
    code: 'ogrn_invalid',
    path: ['organization', 'ogrn'],
    params: { value: '304500116000157', reason: 'length', length: 15 },
  },
  ogrnip_invalid: { code: 'ogrnip_invalid', path: [], params: { value: '304500116000158', reason: 'checksum' } },
  phone_invalid: { code: 'phone_invalid', path: ['organization', 'phone'], params: { value: '2-17-05' } },
  email_invalid: { code: 'email_invalid', path: ['participants', 0, 'email'], params: { value: 'ivanova@school17' } },
  tracking_number_invalid: {
    code: 'tracking_number_invalid',
    path: ['trackingNumber'],
    params: { value: 'RA123456785XX', reason: 'country', country: 'XX' },
  },
  name_invalid: {
    code: 'name_invalid',
    path: ['participants', 0, 'lastName'],
    params: { value: 'Ivanova', characters: ['I', 'v', 'a', 'n', 'o'] },
  },
  citizenship_invalid: { code: 'citizenship_invalid', path: ['participants', 0, 'citizenship'], params: { value: 'РФ' } },
  birth_date_out_of_range: {
    code: 'birth_date_out_of_range',
    path: ['participants', 3, 'birthDate'],
    params: { value: '2008-05-20', asOf: '2026-03-16', age: 17, minimumAge: 18, maximumAge: 100, participant: 'Петров П. П.' },
  },
  education_not_admitted: {
    code: 'education_not_admitted',
    path: ['participants', 0, 'education'],
    params: { value: 'secondary_general', allowed: ['higher', 'secondary_vocational'] },
  },
  postal_address_postcode_missing: {
    code: 'postal_address_postcode_missing',
    path: ['organization', 'postalAddress'],
    params: { value: 'г. Красноозёрск, ул. Школьная, д. 12' },
  },
  no_participants: { code: 'no_participants', path: ['participants'], params: {} },
  duplicate_row_id: {
    code: 'duplicate_row_id',
    path: ['participants', 3, 'id'],
    params: { value: 'row-2', rows: [2, 4] },
  },
  subject_not_in_program: {
    code: 'subject_not_in_program',
    path: ['participants', 0, 'subject'],
    params: { value: 'physics', allowed: ['russian', 'mathematics'] },
  },
  duplicate_snils_subject: {
    code: 'duplicate_snils_subject',
    path: ['participants', 4, 'subject'],
    params: { snils: '156-230-948 60', subject: 'history', rows: [3, 5], participant: 'Васильева О. И.' },
  },
  personal_data_mismatch: {
    code: 'personal_data_mismatch',
    path: ['participants', 2],
    params: { snils: '156-230-948 60', rows: [3, 4], fields: ['birthDate', 'phone'] },
  },
  document_missing: {
    code: 'document_missing',
    path: ['participants', 0, 'documents'],
    params: {
      kind: 'name_change',
      reason: 'surname_differs',
      lastName: 'Кузнецова',
      diplomaSurname: 'Белова',
      participant: 'Кузнецова Е. П.',
    },
  },
  consent_missing: { code: 'consent_missing', path: ['consents', 'personalData'], params: {} },
  platform_name_required: { code: 'platform_name_required', path: ['platformName'], params: {} },
};

describe('message catalogs', () => {
  it('word every code in both languages', () => {
    for (const code of violationCodes) {
      expect(ruMessages[code], code).toBeTypeOf('function');
      expect(enMessages[code], code).toBeTypeOf('function');
    }
    expect(Object.keys(ruMessages).sort()).toEqual([...violationCodes].sort());
    expect(Object.keys(enMessages).sort()).toEqual([...violationCodes].sort());
    expect(messages.ru).toBe(ruMessages);
    expect(messages.en).toBe(enMessages);
  });

  it('reject a catalog without a code at compile time', () => {
    const { required: omitted, ...incomplete } = ruMessages;
    // @ts-expect-error a catalog without 'required' is not a MessageCatalog
    const catalog: MessageCatalog = incomplete;
    expect(omitted).toBeTypeOf('function');
    expect(Object.keys(catalog)).not.toContain('required');
    expectTypeOf(ruMessages).toMatchTypeOf<MessageCatalog>();
    expectTypeOf(enMessages).toMatchTypeOf<MessageCatalog>();
  });

  it('render a sentence for every example', () => {
    for (const code of violationCodes) {
      for (const locale of ['ru', 'en'] as const) {
        const message = formatViolation(examples[code], locale);
        expect(message, `${code} ${locale}`).toMatch(/^[A-ZА-ЯЁ«"]/u);
        expect(message, `${code} ${locale}`).toMatch(/\.$/u);
        expect(message, `${code} ${locale}`).not.toMatch(/undefined|NaN|\[object/u);
      }
    }
  });

  it('render the Russian examples', () => {
    const rendered = Object.fromEntries(violationCodes.map((code) => [code, formatViolation(examples[code], 'ru')]));
    expect(rendered).toMatchInlineSnapshot(`
      {
        "birth_date_out_of_range": "Дата рождения «2008-05-20» участника в строке 4 (Петров П. П.) не подходит: на 16 марта 2026 г. участнику 17 лет, а обучаться могут участники от 18 до 100 лет. Проверьте дату рождения.",
        "citizenship_invalid": "Гражданство участника в строке 1 указано неверно: «РФ». Укажите двухбуквенный код страны по ISO 3166-1, например «RU».",
        "consent_missing": "Не отмечено согласие на обработку персональных данных. Отметьте его, чтобы отправить заявку.",
        "document_missing": "Не приложен документ «Документ о смене фамилии» участника в строке 1 (Кузнецова Е. П.): фамилия «Кузнецова» отличается от фамилии в дипломе «Белова». Приложите скан документа.",
        "duplicate_row_id": "Идентификатор строки «row-2» повторяется в строках 2 и 4. Дайте каждой строке свой идентификатор.",
        "duplicate_snils_subject": "Участник Васильева О. И. со СНИЛС 156-230-948 60 записан на предмет «history» несколько раз: в строках 3 и 5. Оставьте по одной строке на каждый предмет.",
        "education_not_admitted": "Уровень образования «secondary_general» участника в строке 1 не допускается: по статье 76 Федерального закона № 273-ФЗ «Об образовании в Российской Федерации» к дополнительным профессиональным программам допускаются только лица, имеющие или получающие среднее профессиональное или высшее образование. Выберите один из уровней: «higher» (высшее образование), «secondary_vocational» (среднее профессиональное образование).",
        "email_invalid": "Адрес электронной почты участника в строке 1 указан неверно: «ivanova@school17». Введите адрес вида «name@example.ru».",
        "inn_invalid": "ИНН организации не проходит проверку контрольного числа: «7707083894». Проверьте номер.",
        "inn_not_organization": "ИНН «500100732259» организации состоит из 12 цифр, как ИНН физического лица или индивидуального предпринимателя. Укажите 10-значный ИНН организации.",
        "invalid_date": "Поле «Дата рождения» участника в строке 1 содержит несуществующую дату или дату в неверном формате: «1986-02-30». Введите дату в виде ГГГГ-ММ-ДД, например 1985-04-23.",
        "invalid_format": "Поле «Номер диплома» участника в строке 2 (Иванова И. И.) заполнено в неверном формате: «№ 0381527». Перепишите серию и номер так, как они напечатаны в дипломе: буквы, цифры, пробелы и дефисы.",
        "invalid_input": "Поле «Получение результатов» заполнено неверно: «fax». Проверьте значение.",
        "invalid_type": "Поле «ИНН» организации содержит число «7707083893», а ожидается строка. Передайте значение строкой, потому что в числе теряются ведущие нули.",
        "invalid_value": "Поле «Пол» участника в строке 2 (Иванова И. И.) содержит недопустимое значение: «ж». Выберите одно из значений: «male» (мужской), «female» (женский).",
        "kpp_cyrillic_letter": "КПП организации содержит кириллические буквы «АВ»: «7736АВ001». В КПП допускаются только заглавные латинские буквы. Наберите их в английской раскладке.",
        "kpp_invalid": "КПП организации указан неверно: «77360100». КПП состоит из 9 знаков: 4 цифры, затем 2 цифры или заглавные латинские буквы, затем 3 цифры, например «773601001».",
        "name_invalid": "Поле «Фамилия» участника в строке 1 заполнено неверно: «Ivanova» (недопустимые знаки: I, v, a, n, o). Фамилия, имя и отчество пишутся кириллицей, как в паспорте. Между буквами допускаются только пробел, дефис и апостроф.",
        "no_participants": "В заявке нет ни одного участника. Добавьте в список хотя бы одну строку.",
        "ogrn_invalid": "ОГРН организации должен состоять из 13 цифр, а в «304500116000157» 15 цифр. 15 цифр бывает у ОГРНИП индивидуального предпринимателя, а нужен ОГРН организации. Проверьте номер.",
        "ogrnip_invalid": "ОГРНИП не проходит проверку контрольной цифры: «304500116000158». Проверьте номер.",
        "personal_data_mismatch": "В строках 3 и 4 указан один и тот же СНИЛС 156-230-948 60, но различаются поля «Дата рождения» и «Телефон». У участника, который изучает несколько предметов, персональные данные во всех строках должны совпадать. Исправьте расхождения.",
        "phone_invalid": "Номер телефона организации не распознан: «2-17-05». Введите российский номер: +7 или 8 и ещё 10 цифр, например «+7 916 123-45-67».",
        "platform_name_required": "Выбрано получение результатов в электронном виде, но не указано название электронной площадки. Укажите площадку, на которой будет заключён договор.",
        "postal_address_postcode_missing": "В почтовом адресе организации нет шестизначного почтового индекса: «г. Красноозёрск, ул. Школьная, д. 12». Добавьте индекс в начало адреса, например «101000, г. Москва, …».",
        "required": "Не заполнено поле «Фамилия» участника в строке 1. Заполните его.",
        "snils_invalid_checksum": "СНИЛС участника в строке 3 (Иванова И. И.) не проходит проверку контрольной суммы: «112-233-445 96». Проверьте номер.",
        "snils_invalid_format": "СНИЛС участника в строке 3 (Иванова И. И.) должен состоять из 11 цифр, а в «112-233-445 9» 10 цифр. Введите номер полностью, например «112-233-445 95».",
        "snils_not_string": "СНИЛС участника в строке 3 (Иванова И. И.) передан числом «11223344595», а не строкой, поэтому ведущие нули могли потеряться. Передайте СНИЛС строкой, например «112-233-445 95».",
        "subject_not_in_program": "Предмет «physics» участника в строке 1 не входит в программу. Выберите один из предметов программы: «russian», «mathematics».",
        "too_big": "Значение поля «hours» больше допустимого: нужно не больше 144, а введено «500». Исправьте его.",
        "too_long": "Значение поля «Должность» участника в строке 5 слишком длинное: допускается не больше 300 символов. Сократите его.",
        "too_short": "Значение поля «Комментарий» слишком короткое: нужно не меньше 3 символов. Дополните его.",
        "too_small": "Значение поля «hours» меньше допустимого: нужно не меньше 1, а введено «0». Исправьте его.",
        "tracking_number_invalid": "Почтовый идентификатор «RA123456785XX» заканчивается кодом «XX», которого нет среди кодов стран ISO 3166-1. Сверьте номер с квитанцией.",
        "unknown_field": "Поле «lastname» участника в строке 1 не предусмотрено формой. Удалите его или проверьте, нет ли опечатки в названии.",
      }
    `);
  });

  it('render the English examples', () => {
    const rendered = Object.fromEntries(violationCodes.map((code) => [code, formatViolation(examples[code], 'en')]));
    expect(rendered).toMatchInlineSnapshot(`
      {
        "birth_date_out_of_range": "The date of birth "2008-05-20" of the participant in row 4 (Петров П. П.) is out of range: on 16 March 2026 the participant is 17 years old, but participants must be from 18 to 100 years old. Check the date of birth.",
        "citizenship_invalid": "The citizenship of the participant in row 1 is invalid: "РФ". Enter the two-letter ISO 3166-1 country code, e.g. "RU".",
        "consent_missing": "The consent to the processing of personal data is not checked. Check it to submit the application.",
        "document_missing": "The document "Document on the change of surname" of the participant in row 1 (Кузнецова Е. П.) is not attached: the surname "Кузнецова" differs from the surname in the diploma "Белова". Attach a scan of it.",
        "duplicate_row_id": "The row id "row-2" is repeated in rows 2 and 4. Give each row its own id.",
        "duplicate_snils_subject": "The participant Васильева О. И. with SNILS 156-230-948 60 is listed for the subject "history" more than once: rows 3 and 5. Keep one row per subject.",
        "education_not_admitted": "The education level "secondary_general" of the participant in row 1 is not admitted: under article 76 of Federal Law No. 273-FZ "On Education in the Russian Federation", further professional programs admit only people who have or are studying for secondary vocational or higher education. Choose one of: "higher" (higher education), "secondary_vocational" (secondary vocational education).",
        "email_invalid": "The e-mail address of the participant in row 1 is invalid: "ivanova@school17". Enter an address like "name@example.ru".",
        "inn_invalid": "The INN of the organization fails the check digit test: "7707083894". Check the number.",
        "inn_not_organization": "The INN "500100732259" of the organization has 12 digits, like the INN of an individual or an individual entrepreneur. Enter the organization's 10-digit INN.",
        "invalid_date": "The field "Date of birth" of the participant in row 1 is not an existing date in the form YYYY-MM-DD: "1986-02-30". Enter the date as YYYY-MM-DD, e.g. 1985-04-23.",
        "invalid_format": "The field "Diploma number" of the participant in row 2 (Иванова И. И.) has an invalid format: "№ 0381527". Copy the series and number as printed in the diploma: letters, digits, spaces and hyphens.",
        "invalid_input": "The field "Results delivery" is invalid: "fax". Check the value.",
        "invalid_type": "The field "INN" of the organization contains the number "7707083893", but a string is expected. Pass the value as a string, because a number loses its leading zeros.",
        "invalid_value": "The field "Sex" of the participant in row 2 (Иванова И. И.) contains a value that is not allowed: "ж". Choose one of: "male", "female".",
        "kpp_cyrillic_letter": "The KPP of the organization contains the Cyrillic letters "АВ": "7736АВ001". Only capital Latin letters are allowed in a KPP. Type them in the English keyboard layout.",
        "kpp_invalid": "The KPP of the organization is invalid: "77360100". A KPP has 9 characters: 4 digits, then 2 digits or capital Latin letters, then 3 digits, e.g. "773601001".",
        "name_invalid": "The field "Last name" of the participant in row 1 is invalid: "Ivanova" (characters not allowed: I, v, a, n, o). Names are written in Cyrillic letters, as in the passport, with only a space, a hyphen or an apostrophe allowed between letters.",
        "no_participants": "The application has no participants. Add at least one row to the list.",
        "ogrn_invalid": "The OGRN of the organization must have 13 digits, but "304500116000157" has 15 digits. An OGRNIP of an individual entrepreneur has 15 digits, but the OGRN of an organization is required. Check the number.",
        "ogrnip_invalid": "The OGRNIP fails the check digit test: "304500116000158". Check the number.",
        "personal_data_mismatch": "Rows 3 and 4 have the same SNILS 156-230-948 60, but the fields "Date of birth" and "Phone" differ. A participant who studies several subjects must have the same personal data in every row. Correct the differences.",
        "phone_invalid": "The phone number of the organization is not recognized: "2-17-05". Enter a Russian number: +7 or 8 followed by 10 digits, e.g. "+7 916 123-45-67".",
        "platform_name_required": "Results delivery in electronic form is chosen, but the name of the electronic trading platform is missing. Enter the platform on which the contract will be concluded.",
        "postal_address_postcode_missing": "The postal address of the organization has no 6-digit postcode: "г. Красноозёрск, ул. Школьная, д. 12". Put the postcode at the start of the address, e.g. "101000, Moscow, …".",
        "required": "The field "Last name" of the participant in row 1 is empty. Fill it in.",
        "snils_invalid_checksum": "The SNILS of the participant in row 3 (Иванова И. И.) fails the checksum test: "112-233-445 96". Check the number.",
        "snils_invalid_format": "The SNILS of the participant in row 3 (Иванова И. И.) must have 11 digits, but "112-233-445 9" has 10 digits. Enter the whole number, e.g. "112-233-445 95".",
        "snils_not_string": "The SNILS of the participant in row 3 (Иванова И. И.) was given as the number "11223344595", not as a string, so its leading zeros may have been lost. Pass the SNILS as a string, e.g. "112-233-445 95".",
        "subject_not_in_program": "The subject "physics" of the participant in row 1 is not part of the program. Choose one of the program's subjects: "russian", "mathematics".",
        "too_big": "The value of the field "hours" is above the maximum: the maximum is 144, but "500" was entered. Correct it.",
        "too_long": "The value of the field "Position" of the participant in row 5 is too long: at most 300 characters are allowed. Shorten it.",
        "too_short": "The value of the field "Comment" is too short: at least 3 characters are needed. Complete it.",
        "too_small": "The value of the field "hours" is below the minimum: the minimum is 1, but "0" was entered. Correct it.",
        "tracking_number_invalid": "The postal tracking number "RA123456785XX" ends in "XX", which is not an ISO 3166-1 country code. Compare it with the receipt.",
        "unknown_field": "The field "lastname" of the participant in row 1 is not part of the form. Remove it or check its name for a typo.",
      }
    `);
  });
});

describe('formatViolation properties', () => {
  const paramValue = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.array(fc.oneof(fc.string(), fc.integer())),
    // Values that a JavaScript caller could pass despite the types.
    fc.constantFrom(null, undefined, true, {}, [null], Symbol.for('x')) as fc.Arbitrary<never>,
  );
  const pathSegment = fc.oneof(
    fc.constantFrom('participants', 'organization', 'documents', 'snils', 'kind', 'consents'),
    fc.string(),
    fc.integer({ min: -2, max: 50 }),
    fc.double() as fc.Arbitrary<number>,
  );

  it('never throws and never returns an empty string', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...violationCodes),
        fc.array(pathSegment, { maxLength: 6 }),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom('value', 'participant', 'rows', 'fields', 'allowed', 'reason', 'age', 'asOf', 'kind'),
            fc.string(),
          ),
          paramValue,
        ),
        fc.constantFrom('ru' as const, 'en' as const),
        (code, path, params, locale) => {
          const message = formatViolation({ code, path, params }, locale);
          expect(typeof message).toBe('string');
          expect(message.trim()).not.toBe('');
        },
      ),
    );
  });

  it('renders every code with no params', () => {
    for (const code of violationCodes) {
      expect(formatViolation({ code, path: [], params: {} }, 'ru').length, code).toBeGreaterThan(10);
      expect(formatViolation({ code, path: [], params: {} }, 'en').length, code).toBeGreaterThan(10);
    }
  });
});
