import type { ProgramRules } from '@fioco-flow/rules';

/** A program with three subjects and the default documents. */
export const program: ProgramRules = {
  subjects: [
    { id: 'russian', title: { ru: 'Русский язык', en: 'Russian language' } },
    { id: 'mathematics', title: { ru: 'Математика', en: 'Mathematics' } },
    { id: 'history', title: { ru: 'История', en: 'History' } },
  ],
  requiredDocuments: ['diploma', 'snils'],
};

/**
 * Builds a complete, valid row; tests change one field at a time. Its СНИЛС 143-902-781 61:
 * 1·9 + 4·8 + 3·7 + 9·6 + 0·5 + 2·4 + 7·3 + 8·2 + 1·1 = 162; 162 − 101 = 61.
 */
export function row(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'row-1',
    subject: 'russian',
    lastName: 'Морозов',
    firstName: 'Дмитрий',
    patronymic: 'Олегович',
    sex: 'male',
    birthDate: '1979-11-03',
    citizenship: 'RU',
    snils: '143-902-781 61',
    email: 'morozov.do@school17.ru',
    phone: '8 (920) 155-62-90',
    position: 'учитель математики',
    education: 'higher',
    diplomaSurname: 'Морозов',
    diplomaSeries: '106905',
    diplomaNumber: '1174302',
    documents: [
      { kind: 'diploma', documentId: 'f-morozov-diploma' },
      { kind: 'snils', documentId: 'f-morozov-snils' },
    ],
    ...overrides,
  };
}

// СНИЛС of other people, each with its control number worked out:
// 128-475-036: 1·9 + 2·8 + 8·7 + 4·6 + 7·5 + 5·4 + 0·3 + 3·2 + 6·1 = 172; 172 − 101 = 71
export const kuznetsovaSnils = '128-475-036 71';
// 156-230-948: 1·9 + 5·8 + 6·7 + 2·6 + 3·5 + 0·4 + 9·3 + 4·2 + 8·1 = 161; 161 − 101 = 60
export const vasilyevaSnils = '156-230-948 60';
