import { describe, expect, it } from 'vitest';
import { formatInitials, participantRowSchema, sameName } from '@fioco-flow/rules';
import { row } from './fixtures.js';

describe('sameName', () => {
  it('treats ё and е as one letter', () => {
    expect(sameName('Артём', 'Артем')).toBe(true);
    expect(sameName('Семёнова', 'СЕМЕНОВА')).toBe(true);
    expect(sameName('Ёлкин', 'елкин')).toBe(true);
  });

  it('ignores case and spaces', () => {
    expect(sameName(' Иванова ', 'иванова')).toBe(true);
    expect(sameName('Иванова-Петрова', 'иванова - петрова')).toBe(true);
    expect(sameName('Мамедов  оглы', 'Мамедов оглы')).toBe(true);
    expect(sameName('Иванова\u2010Петрова', 'Иванова-Петрова')).toBe(true);
  });

  it('tells different names apart', () => {
    expect(sameName('Иванова', 'Иванов')).toBe(false);
    expect(sameName('Иванова-Петрова', 'Иванова Петрова')).toBe(false);
    expect(sameName('Иванова', 'Ivanova')).toBe(false);
  });

  it('returns false for non-strings', () => {
    expect(sameName(undefined as unknown as string, 'Иванова')).toBe(false);
  });
});

describe('formatInitials', () => {
  it('writes the surname and initials', () => {
    expect(formatInitials('Иванова', 'Ирина', 'Игоревна')).toBe('Иванова И. И.');
    expect(formatInitials('Мамедов', 'эльчин')).toBe('Мамедов Э.');
    expect(formatInitials('  Иванова-Петрова ', 'Ёлка', '')).toBe('Иванова-Петрова Ё.');
  });

  it('writes given names without a surname', () => {
    expect(formatInitials(undefined, 'Ирина', 'Игоревна')).toBe('Ирина Игоревна');
    expect(formatInitials('', '', '')).toBeUndefined();
    expect(formatInitials(42, null)).toBeUndefined();
  });
});

describe('participant names', () => {
  const accepted = ['Иванова-Петрова', 'Мамедов оглы', 'Алиева кызы', "Д'Артаньян", 'Д’Артаньян', 'Гөлназ', 'Ҡаһарман', 'Семёнов'];

  it.each(accepted)('accepts %s', (name) => {
    const result = participantRowSchema.safeParse(row({ lastName: name, diplomaSurname: name }));
    expect(result.success).toBe(true);
  });

  it('accepts a patronymic with оглы and no patronymic at all', () => {
    expect(participantRowSchema.safeParse(row({ patronymic: 'Эльдар оглы' })).success).toBe(true);
    expect(participantRowSchema.safeParse(row({ patronymic: undefined })).success).toBe(true);
    expect(participantRowSchema.safeParse(row({ patronymic: '' })).success).toBe(true);
  });

  it('stores names with single spaces', () => {
    const parsed = participantRowSchema.parse(row({ patronymic: '  Эльдар   оглы ' }));
    expect(parsed.patronymic).toBe('Эльдар оглы');
  });

  const rejected = [
    ['Ivanova', ['I', 'v', 'a', 'n', 'o']],
    ['Иванoва', ['o']],
    ['Иванова2', ['2']],
    ['Иванова.', ['.']],
    ['Иванова--Петрова', undefined],
    ['-Иванова', undefined],
    ["Иванова'", undefined],
  ] as const;

  it.each(rejected)('rejects %s', (name, characters) => {
    const result = participantRowSchema.safeParse(row({ lastName: name }), { reportInput: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual(['lastName']);
    expect(result.error?.issues[0]).toMatchObject({
      code: 'custom',
      params: characters === undefined ? { code: 'name_invalid', value: name } : { code: 'name_invalid', value: name, characters },
    });
  });
});
