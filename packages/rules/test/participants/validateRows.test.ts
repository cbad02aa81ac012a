import { describe, expect, it } from 'vitest';
import { formatViolation, validateParticipantRows, type ProgramRules, type Violation } from '@fioco-flow/rules';
import { kuznetsovaSnils, program, row, vasilyevaSnils } from './fixtures.js';

/** Builds a row of another person, Васильева, who studies history. */
function vasilyeva(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return row({
    id: 'row-2',
    subject: 'history',
    lastName: 'Васильева',
    firstName: 'Ольга',
    patronymic: 'Игоревна',
    sex: 'female',
    birthDate: '1991-07-25',
    snils: vasilyevaSnils,
    email: 'vasilyeva.oi@school17.ru',
    phone: '+79051833472',
    position: 'учитель истории и обществознания',
    diplomaSurname: 'Васильева',
    diplomaSeries: '106918',
    diplomaNumber: '0642291',
    documents: [
      { kind: 'diploma', documentId: 'f-vasilyeva-diploma' },
      { kind: 'snils', documentId: 'f-vasilyeva-snils' },
    ],
    ...overrides,
  });
}

const codes = (violations: readonly Violation[]) => violations.map((violation) => violation.code);

describe('validateParticipantRows', () => {
  it('accepts a valid list', () => {
    const rows = [row(), vasilyeva(), vasilyeva({ id: 'row-3', subject: 'russian' })];
    expect(validateParticipantRows(rows, program)).toEqual([]);
    expect(validateParticipantRows(rows, program, { stage: 'draft' })).toEqual([]);
  });

  it('requires at least one row at submission', () => {
    expect(validateParticipantRows([], program)).toEqual([{ code: 'no_participants', path: ['participants'], params: {} }]);
    expect(validateParticipantRows([], program, { stage: 'draft' })).toEqual([]);
  });

  it('requires the subject to belong to the program', () => {
    expect(validateParticipantRows([row({ subject: 'physics' })], program)).toEqual([
      {
        code: 'subject_not_in_program',
        path: ['participants', 0, 'subject'],
        params: { value: 'physics', allowed: ['russian', 'mathematics', 'history'], participant: 'Морозов Д. О.' },
      },
    ]);
  });

  it('checks the subject of a draft too', () => {
    expect(codes(validateParticipantRows([{ id: 'row-1', subject: 'physics' }], program, { stage: 'draft' }))).toEqual([
      'subject_not_in_program',
    ]);
  });

  it('reports a repeated SNILS and subject with its rows', () => {
    const rows = [vasilyeva(), row(), vasilyeva({ id: 'row-3' })];
    expect(validateParticipantRows(rows, program)).toEqual([
      {
        code: 'duplicate_snils_subject',
        path: ['participants', 2, 'subject'],
        params: { snils: vasilyevaSnils, subject: 'history', rows: [1, 3], participant: 'Васильева О. И.' },
      },
    ]);
  });

  it('compares SNILS in canonical form', () => {
    const rows = [vasilyeva(), vasilyeva({ id: 'row-3', snils: '15623094860' })];
    expect(codes(validateParticipantRows(rows, program))).toEqual(['duplicate_snils_subject']);
  });

  it('reports personal data that differ between rows of one SNILS', () => {
    const rows = [
      vasilyeva(),
      row(),
      vasilyeva({ id: 'row-3', subject: 'russian', birthDate: '1991-07-26', phone: '+7 905 183-34-73' }),
      vasilyeva({ id: 'row-4', subject: 'mathematics' }),
    ];
    expect(validateParticipantRows(rows, program)).toEqual([
      {
        code: 'personal_data_mismatch',
        path: ['participants', 0],
        params: { snils: vasilyevaSnils, rows: [1, 3, 4], fields: ['birthDate', 'phone'] },
      },
    ]);
  });

  it('compares personal data as people read them', () => {
    const rows = [
      vasilyeva({ lastName: 'Семёнова', diplomaSurname: 'Семёнова' }),
      vasilyeva({
        id: 'row-3',
        subject: 'russian',
        lastName: ' СЕМЕНОВА ',
        diplomaSurname: 'семенова',
        phone: '8 (905) 183-34-72',
        email: 'Vasilyeva.OI@School17.ru',
        citizenship: 'ru',
        patronymic: 'Игоревна ',
      }),
    ];
    expect(validateParticipantRows(rows, program)).toEqual([]);
  });

  it('tells a missing patronymic from a present one', () => {
    const rows = [vasilyeva(), vasilyeva({ id: 'row-3', subject: 'russian', patronymic: '' })];
    expect(validateParticipantRows(rows, program)).toEqual([
      {
        code: 'personal_data_mismatch',
        path: ['participants', 0],
        params: { snils: vasilyevaSnils, rows: [1, 2], fields: ['patronymic'] },
      },
    ]);
  });

  it('reports every missing document', () => {
    const rows = [row({ documents: [{ kind: 'snils', documentId: 'f-1' }] }), row({ id: 'row-2', snils: kuznetsovaSnils, documents: [] })];
    expect(validateParticipantRows(rows, program)).toEqual([
      {
        code: 'document_missing',
        path: ['participants', 0, 'documents'],
        params: { kind: 'diploma', participant: 'Морозов Д. О.' },
      },
      {
        code: 'document_missing',
        path: ['participants', 1, 'documents'],
        params: { kind: 'diploma', participant: 'Морозов Д. О.' },
      },
      {
        code: 'document_missing',
        path: ['participants', 1, 'documents'],
        params: { kind: 'snils', participant: 'Морозов Д. О.' },
      },
    ]);
  });

  it('ignores a document without a file', () => {
    const rows = [row({ documents: [{ kind: 'diploma', documentId: ' ' }, { kind: 'snils', documentId: 'f-1' }] })];
    expect(codes(validateParticipantRows(rows, program))).toEqual(['required', 'document_missing']);
  });

  it('requires a name change document when the surnames differ', () => {
    const rows = [row({ lastName: 'Кузнецова', diplomaSurname: 'Белова', sex: 'female', snils: kuznetsovaSnils })];
    expect(validateParticipantRows(rows, program)).toEqual([
      {
        code: 'document_missing',
        path: ['participants', 0, 'documents'],
        params: {
          kind: 'name_change',
          reason: 'surname_differs',
          lastName: 'Кузнецова',
          diplomaSurname: 'Белова',
          participant: 'Кузнецова Д. О.',
        },
      },
    ]);
    const withDocument = [
      { ...rows[0], documents: [...(rows[0]?.['documents'] as object[]), { kind: 'name_change', documentId: 'f-2' }] },
    ];
    expect(validateParticipantRows(withDocument, program)).toEqual([]);
  });

  it('does not ask for a name change for ё and е', () => {
    expect(validateParticipantRows([row({ lastName: 'Семёнов', diplomaSurname: 'Семенов' })], program)).toEqual([]);
  });

  it('requires the documents the program adds', () => {
    const withPassport: ProgramRules = { ...program, requiredDocuments: ['passport'] };
    expect(validateParticipantRows([row()], withPassport)).toEqual([
      {
        code: 'document_missing',
        path: ['participants', 0, 'documents'],
        params: { kind: 'passport', participant: 'Морозов Д. О.' },
      },
    ]);
  });

  it('lets rows of one person share files', () => {
    const shared = [{ kind: 'diploma', documentId: 'f-shared-diploma' }, { kind: 'snils', documentId: 'f-shared-snils' }];
    const rows = [vasilyeva({ documents: shared }), vasilyeva({ id: 'row-3', subject: 'russian', documents: shared })];
    expect(validateParticipantRows(rows, program)).toEqual([]);
  });

  it('reports a repeated row id', () => {
    expect(validateParticipantRows([row(), vasilyeva({ id: 'row-1' })], program)).toEqual([
      { code: 'duplicate_row_id', path: ['participants', 1, 'id'], params: { value: 'row-1', rows: [1, 2] } },
    ]);
  });

  it('skips list rules for drafts', () => {
    const rows = [vasilyeva({ documents: [] }), vasilyeva({ birthDate: '1990-01-01' })];
    expect(validateParticipantRows(rows, program, { stage: 'draft' })).toEqual([]);
  });

  it('rejects a list that is not an array', () => {
    expect(validateParticipantRows('rows' as unknown as unknown[], program)).toEqual([
      { code: 'invalid_type', path: ['participants'], params: { expected: 'array', received: 'string' } },
    ]);
  });

  it('rejects rows that are not objects', () => {
    expect(validateParticipantRows([null, 'row', [row()]], program)).toEqual([
      { code: 'required', path: ['participants', 0], params: {} },
      { code: 'invalid_type', path: ['participants', 1], params: { expected: 'object', received: 'string' } },
      { code: 'invalid_type', path: ['participants', 2], params: { expected: 'object', received: 'array' } },
    ]);
  });

  it('throws on a programming error', () => {
    expect(() => validateParticipantRows([row()], program, { asOf: '2026-02-30' })).toThrow(TypeError);
    expect(() => validateParticipantRows([row()], program, { asOf: '16.03.2026' })).toThrow(/asOf date/);
    expect(() => validateParticipantRows([row()], {} as ProgramRules)).toThrow(/Invalid program/);
    expect(() => validateParticipantRows([row()], program, { stage: 'final' as 'draft' })).toThrow(/Unknown stage "final"/);
  });

  it('does not change the rows it checks', () => {
    const rows = [row({ snils: '14390278161', phone: '8 920 155 62 90' })];
    const copy = structuredClone(rows);
    validateParticipantRows(rows, program);
    expect(rows).toEqual(copy);
  });
});

describe('validateParticipantRows age check', () => {
  const asOf = '2026-03-16';
  const ageViolation = (birthDate: string, age: number): Violation => ({
    code: 'birth_date_out_of_range',
    path: ['participants', 0, 'birthDate'],
    params: { value: birthDate, asOf, age, minimumAge: 18, maximumAge: 100, participant: 'Морозов Д. О.' },
  });

  it('accepts the day of the 18th birthday', () => {
    expect(validateParticipantRows([row({ birthDate: '2008-03-16' })], program, { asOf })).toEqual([]);
  });

  it('rejects the day before it', () => {
    expect(validateParticipantRows([row({ birthDate: '2008-03-17' })], program, { asOf })).toEqual([
      ageViolation('2008-03-17', 17),
    ]);
  });

  it('accepts 100 years and rejects 101', () => {
    expect(validateParticipantRows([row({ birthDate: '1925-03-17' })], program, { asOf })).toEqual([]);
    expect(validateParticipantRows([row({ birthDate: '1925-03-16' })], program, { asOf })).toEqual([
      ageViolation('1925-03-16', 101),
    ]);
  });

  it('reports a birth date after the check date', () => {
    expect(validateParticipantRows([row({ birthDate: '2026-03-17' })], program, { asOf })).toEqual([
      ageViolation('2026-03-17', -1),
    ]);
  });

  it('skips the age without a date', () => {
    expect(validateParticipantRows([row({ birthDate: '2020-01-01' })], program)).toEqual([]);
  });

  it('checks the age of drafts', () => {
    expect(codes(validateParticipantRows([{ id: 'row-1', birthDate: '2010-05-20' }], program, { stage: 'draft', asOf }))).toEqual([
      'birth_date_out_of_range',
    ]);
  });
});

describe('validateParticipantRows on a realistic bad list', () => {
  // Five rows typed in a hurry. Row 1 has a СНИЛС with a wrong control number, row 2 a name in Latin letters.
  // Rows 2 to 4 are one person: twice for history, with other birth dates in rows 3 and 4. Row 5 is a school
  // leaver with a subject outside the program, a changed surname and only the diploma attached.
  const rows = [
    row({ id: 'row-1', snils: '143-902-781 62', phone: '8 (920) 155-62-9' }),
    vasilyeva({ id: 'row-2', lastName: 'Vasilyeva', firstName: 'Ольга' }),
    vasilyeva({ id: 'row-3', birthDate: '1991-07-52', email: 'vasilyeva.oi@school17' }),
    vasilyeva({ id: 'row-4', subject: 'russian', birthDate: '1991-07-24' }),
    row({
      id: 'row-5',
      subject: 'physics',
      lastName: 'Кузнецова',
      firstName: 'Елена',
      patronymic: 'Павловна',
      sex: 'female',
      birthDate: '2008-09-01',
      snils: kuznetsovaSnils,
      education: 'secondary_general',
      diplomaSurname: 'Белова',
      documents: [{ kind: 'diploma', documentId: 'f-kuznetsova-diploma' }],
    }),
  ];
  const violations = validateParticipantRows(rows, program, { asOf: '2026-03-16' });

  it('reports every violation with its path and params', () => {
    expect(violations).toMatchInlineSnapshot(`
      [
        {
          "code": "snils_invalid_checksum",
          "params": {
            "participant": "Морозов Д. О.",
            "value": "143-902-781 62",
          },
          "path": [
            "participants",
            0,
            "snils",
          ],
        },
        {
          "code": "phone_invalid",
          "params": {
            "participant": "Морозов Д. О.",
            "value": "8 (920) 155-62-9",
          },
          "path": [
            "participants",
            0,
            "phone",
          ],
        },
        {
          "code": "name_invalid",
          "params": {
            "characters": [
              "V",
              "a",
              "s",
              "i",
              "l",
              "y",
              "e",
              "v",
            ],
            "participant": "Vasilyeva О. И.",
            "value": "Vasilyeva",
          },
          "path": [
            "participants",
            1,
            "lastName",
          ],
        },
        {
          "code": "invalid_date",
          "params": {
            "participant": "Васильева О. И.",
            "value": "1991-07-52",
          },
          "path": [
            "participants",
            2,
            "birthDate",
          ],
        },
        {
          "code": "email_invalid",
          "params": {
            "participant": "Васильева О. И.",
            "value": "vasilyeva.oi@school17",
          },
          "path": [
            "participants",
            2,
            "email",
          ],
        },
        {
          "code": "education_not_admitted",
          "params": {
            "allowed": [
              "higher",
              "secondary_vocational",
              "studying_higher",
              "studying_secondary_vocational",
            ],
            "participant": "Кузнецова Е. П.",
            "value": "secondary_general",
          },
          "path": [
            "participants",
            4,
            "education",
          ],
        },
        {
          "code": "birth_date_out_of_range",
          "params": {
            "age": 17,
            "asOf": "2026-03-16",
            "maximumAge": 100,
            "minimumAge": 18,
            "participant": "Кузнецова Е. П.",
            "value": "2008-09-01",
          },
          "path": [
            "participants",
            4,
            "birthDate",
          ],
        },
        {
          "code": "subject_not_in_program",
          "params": {
            "allowed": [
              "russian",
              "mathematics",
              "history",
            ],
            "participant": "Кузнецова Е. П.",
            "value": "physics",
          },
          "path": [
            "participants",
            4,
            "subject",
          ],
        },
        {
          "code": "document_missing",
          "params": {
            "kind": "snils",
            "participant": "Кузнецова Е. П.",
          },
          "path": [
            "participants",
            4,
            "documents",
          ],
        },
        {
          "code": "document_missing",
          "params": {
            "diplomaSurname": "Белова",
            "kind": "name_change",
            "lastName": "Кузнецова",
            "participant": "Кузнецова Е. П.",
            "reason": "surname_differs",
          },
          "path": [
            "participants",
            4,
            "documents",
          ],
        },
        {
          "code": "duplicate_snils_subject",
          "params": {
            "participant": "Vasilyeva О. И.",
            "rows": [
              2,
              3,
            ],
            "snils": "156-230-948 60",
            "subject": "history",
          },
          "path": [
            "participants",
            2,
            "subject",
          ],
        },
        {
          "code": "personal_data_mismatch",
          "params": {
            "fields": [
              "lastName",
              "birthDate",
              "email",
            ],
            "rows": [
              2,
              3,
              4,
            ],
            "snils": "156-230-948 60",
          },
          "path": [
            "participants",
            1,
          ],
        },
      ]
    `);
  });

  it('renders the Russian messages', () => {
    expect(violations.map((violation) => formatViolation(violation))).toMatchInlineSnapshot(`
      [
        "СНИЛС участника в строке 1 (Морозов Д. О.) не проходит проверку контрольной суммы: «143-902-781 62». Проверьте номер.",
        "Номер телефона участника в строке 1 (Морозов Д. О.) не распознан: «8 (920) 155-62-9». Введите российский номер: +7 или 8 и ещё 10 цифр, например «+7 916 123-45-67».",
        "Поле «Фамилия» участника в строке 2 (Vasilyeva О. И.) заполнено неверно: «Vasilyeva» (недопустимые знаки: V, a, s, i, l, y, e, v). Фамилия, имя и отчество пишутся кириллицей, как в паспорте. Между буквами допускаются только пробел, дефис и апостроф.",
        "Поле «Дата рождения» участника в строке 3 (Васильева О. И.) содержит несуществующую дату или дату в неверном формате: «1991-07-52». Введите дату в виде ГГГГ-ММ-ДД, например 1985-04-23.",
        "Адрес электронной почты участника в строке 3 (Васильева О. И.) указан неверно: «vasilyeva.oi@school17». Введите адрес вида «name@example.ru».",
        "Уровень образования «secondary_general» участника в строке 5 (Кузнецова Е. П.) не допускается: по статье 76 Федерального закона № 273-ФЗ «Об образовании в Российской Федерации» к дополнительным профессиональным программам допускаются только лица, имеющие или получающие среднее профессиональное или высшее образование. Выберите один из уровней: «higher» (высшее образование), «secondary_vocational» (среднее профессиональное образование), «studying_higher» (получает высшее образование), «studying_secondary_vocational» (получает среднее профессиональное образование).",
        "Дата рождения «2008-09-01» участника в строке 5 (Кузнецова Е. П.) не подходит: на 16 марта 2026 г. участнику 17 лет, а обучаться могут участники от 18 до 100 лет. Проверьте дату рождения.",
        "Предмет «physics» участника в строке 5 (Кузнецова Е. П.) не входит в программу. Выберите один из предметов программы: «russian», «mathematics», «history».",
        "Не приложен документ «СНИЛС» участника в строке 5 (Кузнецова Е. П.). Приложите скан документа.",
        "Не приложен документ «Документ о смене фамилии» участника в строке 5 (Кузнецова Е. П.): фамилия «Кузнецова» отличается от фамилии в дипломе «Белова». Приложите скан документа.",
        "Участник Vasilyeva О. И. со СНИЛС 156-230-948 60 записан на предмет «history» несколько раз: в строках 2 и 3. Оставьте по одной строке на каждый предмет.",
        "В строках 2, 3 и 4 указан один и тот же СНИЛС 156-230-948 60, но различаются поля «Фамилия», «Дата рождения» и «Электронная почта». У участника, который изучает несколько предметов, персональные данные во всех строках должны совпадать. Исправьте расхождения.",
      ]
    `);
  });

  it('renders the English messages', () => {
    expect(violations.map((violation) => formatViolation(violation, 'en'))).toMatchInlineSnapshot(`
      [
        "The SNILS of the participant in row 1 (Морозов Д. О.) fails the checksum test: "143-902-781 62". Check the number.",
        "The phone number of the participant in row 1 (Морозов Д. О.) is not recognized: "8 (920) 155-62-9". Enter a Russian number: +7 or 8 followed by 10 digits, e.g. "+7 916 123-45-67".",
        "The field "Last name" of the participant in row 2 (Vasilyeva О. И.) is invalid: "Vasilyeva" (characters not allowed: V, a, s, i, l, y, e, v). Names are written in Cyrillic letters, as in the passport, with only a space, a hyphen or an apostrophe allowed between letters.",
        "The field "Date of birth" of the participant in row 3 (Васильева О. И.) is not an existing date in the form YYYY-MM-DD: "1991-07-52". Enter the date as YYYY-MM-DD, e.g. 1985-04-23.",
        "The e-mail address of the participant in row 3 (Васильева О. И.) is invalid: "vasilyeva.oi@school17". Enter an address like "name@example.ru".",
        "The education level "secondary_general" of the participant in row 5 (Кузнецова Е. П.) is not admitted: under article 76 of Federal Law No. 273-FZ "On Education in the Russian Federation", further professional programs admit only people who have or are studying for secondary vocational or higher education. Choose one of: "higher" (higher education), "secondary_vocational" (secondary vocational education), "studying_higher" (studying for higher education), "studying_secondary_vocational" (studying for secondary vocational education).",
        "The date of birth "2008-09-01" of the participant in row 5 (Кузнецова Е. П.) is out of range: on 16 March 2026 the participant is 17 years old, but participants must be from 18 to 100 years old. Check the date of birth.",
        "The subject "physics" of the participant in row 5 (Кузнецова Е. П.) is not part of the program. Choose one of the program's subjects: "russian", "mathematics", "history".",
        "The document "SNILS" of the participant in row 5 (Кузнецова Е. П.) is not attached. Attach a scan of it.",
        "The document "Document on the change of surname" of the participant in row 5 (Кузнецова Е. П.) is not attached: the surname "Кузнецова" differs from the surname in the diploma "Белова". Attach a scan of it.",
        "The participant Vasilyeva О. И. with SNILS 156-230-948 60 is listed for the subject "history" more than once: rows 2 and 3. Keep one row per subject.",
        "Rows 2, 3 and 4 have the same SNILS 156-230-948 60, but the fields "Last name", "Date of birth" and "E-mail" differ. A participant who studies several subjects must have the same personal data in every row. Correct the differences.",
      ]
    `);
  });
});
