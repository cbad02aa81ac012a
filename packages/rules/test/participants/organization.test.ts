import { describe, expect, it } from 'vitest';
import { formatViolation, organizationSchema, validateOrganization } from '@fioco-flow/rules';

// The school of the bundled walkthrough. Its ИНН 6912004726: 6·2 + 9·4 + 1·10 + 2·3 + 0·5 + 0·9 + 4·4 + 7·6 + 2·8
// = 138; 138 mod 11 = 6 → 6. Its ОГРН 1026912004371: 102691200437 mod 11 = 1 → 1.
const school = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»',
  inn: '6912004726',
  kpp: '691201001',
  ogrn: '1026912004371',
  postalAddress: '171250, Тверская область, г. Красноозёрск, ул. Школьная, д. 12',
  headName: 'Соколова Марина Викторовна',
  headPosition: 'Директор',
  email: 'school17@krasnoozersk-edu.ru',
  phone: '+7 (48234) 2-17-05',
};

describe('validateOrganization', () => {
  it('accepts valid requisites', () => {
    expect(validateOrganization(school)).toEqual([]);
    expect(validateOrganization({ ...school, email: undefined, phone: '' })).toEqual([]);
  });

  it('stores the phone normalized', () => {
    expect(organizationSchema.parse(school).phone).toBe('+74823421705');
  });

  it('requires every field but e-mail and phone at submission', () => {
    expect(validateOrganization({})).toEqual(
      ['fullName', 'inn', 'kpp', 'ogrn', 'postalAddress', 'headName', 'headPosition'].map((field) => ({
        code: 'required',
        path: ['organization', field],
        params: {},
      })),
    );
  });

  it('checks only the values filled in a draft', () => {
    expect(validateOrganization({ inn: '7707083893', kpp: '' }, { stage: 'draft' })).toEqual([]);
    expect(validateOrganization(undefined, { stage: 'draft' })).toEqual([]);
    expect(validateOrganization({ kpp: '7736АВ001' }, { stage: 'draft' })).toEqual([
      { code: 'kpp_cyrillic_letter', path: ['organization', 'kpp'], params: { value: '7736АВ001', letters: 'АВ' } },
    ]);
  });

  it('asks for the ИНН of an organization', () => {
    expect(validateOrganization({ ...school, inn: '500100732259' })).toEqual([
      { code: 'inn_not_organization', path: ['organization', 'inn'], params: { value: '500100732259' } },
    ]);
  });

  it('asks for the ОГРН of an organization', () => {
    expect(validateOrganization({ ...school, ogrn: '304500116000157' })).toEqual([
      {
        code: 'ogrn_invalid',
        path: ['organization', 'ogrn'],
        params: { value: '304500116000157', reason: 'length', length: 15 },
      },
    ]);
  });

  it('requires a postcode in the address', () => {
    expect(validateOrganization({ ...school, postalAddress: 'г. Красноозёрск, ул. Школьная, д. 12' })).toEqual([
      {
        code: 'postal_address_postcode_missing',
        path: ['organization', 'postalAddress'],
        params: { value: 'г. Красноозёрск, ул. Школьная, д. 12' },
      },
    ]);
    expect(validateOrganization({ ...school, postalAddress: 'Тверская обл., 1712500, д. 12' })[0]?.code).toBe(
      'postal_address_postcode_missing',
    );
  });

  it("requires the head's full name", () => {
    expect(validateOrganization({ ...school, headName: 'Соколова' })).toEqual([
      { code: 'invalid_format', path: ['organization', 'headName'], params: { value: 'Соколова' } },
    ]);
  });

  it('rejects a value that is not an object', () => {
    expect(validateOrganization('ПАО Сбербанк')).toEqual([
      { code: 'invalid_type', path: ['organization'], params: { expected: 'object', received: 'string' } },
    ]);
    expect(validateOrganization(null)).toEqual([{ code: 'required', path: ['organization'], params: {} }]);
    expect(() => validateOrganization(school, { stage: 'final' as 'draft' })).toThrow(TypeError);
  });

  it('reports every violation of bad requisites at once', () => {
    const violations = validateOrganization({
      fullName: 'ПАО Сбербанк',
      inn: 7707083893,
      kpp: '7736АВ001',
      ogrn: '1027700132196',
      postalAddress: 'г. Москва, ул. Вавилова, д. 19',
      headName: 'Gref',
      headPosition: '',
      email: 'sberbank@',
      phone: '+7 495 500',
    });
    expect(violations.map((violation) => [violation.code, formatViolation(violation), formatViolation(violation, 'en')]))
      .toMatchInlineSnapshot(`
        [
          [
            "invalid_type",
            "Поле «ИНН» организации содержит число «7707083893», а ожидается строка. Передайте значение строкой, потому что в числе теряются ведущие нули.",
            "The field "INN" of the organization contains the number "7707083893", but a string is expected. Pass the value as a string, because a number loses its leading zeros.",
          ],
          [
            "kpp_cyrillic_letter",
            "КПП организации содержит кириллические буквы «АВ»: «7736АВ001». В КПП допускаются только заглавные латинские буквы. Наберите их в английской раскладке.",
            "The KPP of the organization contains the Cyrillic letters "АВ": "7736АВ001". Only capital Latin letters are allowed in a KPP. Type them in the English keyboard layout.",
          ],
          [
            "ogrn_invalid",
            "ОГРН организации не проходит проверку контрольной цифры: «1027700132196». Проверьте номер.",
            "The OGRN of the organization fails the check digit test: "1027700132196". Check the number.",
          ],
          [
            "postal_address_postcode_missing",
            "В почтовом адресе организации нет шестизначного почтового индекса: «г. Москва, ул. Вавилова, д. 19». Добавьте индекс в начало адреса, например «101000, г. Москва, …».",
            "The postal address of the organization has no 6-digit postcode: "г. Москва, ул. Вавилова, д. 19". Put the postcode at the start of the address, e.g. "101000, Moscow, …".",
          ],
          [
            "name_invalid",
            "Поле «ФИО руководителя» организации заполнено неверно: «Gref» (недопустимые знаки: G, r, e, f). Фамилия, имя и отчество пишутся кириллицей, как в паспорте. Между буквами допускаются только пробел, дефис и апостроф.",
            "The field "Head's full name" of the organization is invalid: "Gref" (characters not allowed: G, r, e, f). Names are written in Cyrillic letters, as in the passport, with only a space, a hyphen or an apostrophe allowed between letters.",
          ],
          [
            "required",
            "Не заполнено поле «Должность руководителя» организации. Заполните его.",
            "The field "Head's position" of the organization is empty. Fill it in.",
          ],
          [
            "email_invalid",
            "Адрес электронной почты организации указан неверно: «sberbank@». Введите адрес вида «name@example.ru».",
            "The e-mail address of the organization is invalid: "sberbank@". Enter an address like "name@example.ru".",
          ],
          [
            "phone_invalid",
            "Номер телефона организации не распознан: «+7 495 500». Введите российский номер: +7 или 8 и ещё 10 цифр, например «+7 916 123-45-67».",
            "The phone number of the organization is not recognized: "+7 495 500". Enter a Russian number: +7 or 8 followed by 10 digits, e.g. "+7 916 123-45-67".",
          ],
        ]
      `);
  });
});
