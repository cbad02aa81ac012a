import { describe, expect, it } from 'vitest';
import { formatViolation, type Violation } from '@fioco-flow/rules';

const checksum: Violation = {
  code: 'snils_invalid_checksum',
  path: ['participants', 2, 'snils'],
  params: { value: '112-233-445 96', participant: 'Иванова И. И.' },
};

describe('formatViolation', () => {
  it('renders Russian by default', () => {
    expect(formatViolation(checksum)).toBe(
      'СНИЛС участника в строке 3 (Иванова И. И.) не проходит проверку контрольной суммы: «112-233-445 96». Проверьте номер.',
    );
  });

  it('renders English on request', () => {
    expect(formatViolation(checksum, 'en')).toBe(
      'The SNILS of the participant in row 3 (Иванова И. И.) fails the checksum test: "112-233-445 96". Check the number.',
    );
  });

  it('numbers rows from 1', () => {
    const first = { code: 'required', path: ['participants', 0, 'email'], params: {} } as const;
    expect(formatViolation(first)).toBe('Не заполнено поле «Электронная почта» участника в строке 1. Заполните его.');
  });

  it('omits initials it does not have', () => {
    const { participant: _participant, ...params } = checksum.params;
    expect(formatViolation({ ...checksum, params })).toContain('СНИЛС участника в строке 3 не проходит');
  });

  it('names the document of a row', () => {
    const violation = { code: 'required', path: ['participants', 1, 'documents', 0, 'documentId'], params: {} } as const;
    expect(formatViolation(violation)).toBe(
      'Не заполнено поле «Файл документа» документа 1 участника в строке 2. Заполните его.',
    );
    expect(formatViolation(violation, 'en')).toBe(
      'The field "Document file" of document 1 of the participant in row 2 is empty. Fill it in.',
    );
  });

  it('names the organization', () => {
    const violation = { code: 'required', path: ['organization', 'kpp'], params: {} } as const;
    expect(formatViolation(violation)).toBe('Не заполнено поле «КПП» организации. Заполните его.');
    expect(formatViolation(violation, 'en')).toBe('The field "KPP" of the organization is empty. Fill it in.');
  });

  it('renders a value checked on its own', () => {
    const violation = { code: 'snils_invalid_checksum', path: [], params: { value: '112-233-445 96' } } as const;
    expect(formatViolation(violation)).toBe(
      'СНИЛС не проходит проверку контрольной суммы: «112-233-445 96». Проверьте номер.',
    );
  });

  it('shows an unknown field by its name', () => {
    const violation = { code: 'required', path: ['paymentTerms'], params: {} } as const;
    expect(formatViolation(violation)).toBe('Не заполнено поле «Условия оплаты». Заполните его.');
    expect(formatViolation({ code: 'required', path: ['hours'], params: {} })).toBe(
      'Не заполнено поле «hours». Заполните его.',
    );
  });

  it('shortens a long value', () => {
    const value = 'а'.repeat(500);
    const message = formatViolation({ code: 'invalid_input', path: ['comment'], params: { value } });
    expect(message).toContain(`«${'а'.repeat(79)}…»`);
    expect(message.length).toBeLessThan(200);
  });

  it('words plural forms', () => {
    const violation = (digits: number): Violation => ({
      code: 'snils_invalid_format',
      path: [],
      params: { value: 'x', reason: 'length', digits },
    });
    expect(formatViolation(violation(1))).toContain('1 цифра.');
    expect(formatViolation(violation(3))).toContain('3 цифры.');
    expect(formatViolation(violation(12))).toContain('12 цифр.');
    expect(formatViolation(violation(21))).toContain('21 цифра.');
    expect(formatViolation(violation(1), 'en')).toContain('has 1 digit.');
    expect(formatViolation(violation(12), 'en')).toContain('has 12 digits.');
  });

  it('lists rows with a conjunction', () => {
    const violation = (rows: number[]): Violation => ({
      code: 'duplicate_row_id',
      path: ['participants', 1, 'id'],
      params: { value: 'row-1', rows },
    });
    expect(formatViolation(violation([1, 2]))).toContain('в строках 1 и 2.');
    expect(formatViolation(violation([1, 4, 7]))).toContain('в строках 1, 4 и 7.');
    expect(formatViolation(violation([1, 4, 7]), 'en')).toContain('in rows 1, 4 and 7.');
  });

  it('tells a birth date after the check date', () => {
    const violation: Violation = {
      code: 'birth_date_out_of_range',
      path: ['participants', 0, 'birthDate'],
      params: { value: '2027-01-01', asOf: '2026-03-16', age: -1, minimumAge: 18, maximumAge: 100 },
    };
    expect(formatViolation(violation)).toBe(
      'Дата рождения «2027-01-01» участника в строке 1 позже даты проверки 16 марта 2026 г. Проверьте дату рождения.',
    );
  });

  it('rejects an unknown code', () => {
    const violation = { code: 'snils_wrong', path: [], params: {} } as unknown as Violation;
    expect(() => formatViolation(violation)).toThrow(TypeError);
    expect(() => formatViolation(violation)).toThrow('Unknown violation code "snils_wrong"');
  });

  it('rejects an unknown locale', () => {
    expect(() => formatViolation(checksum, 'de' as 'ru')).toThrow(new TypeError(`Unknown locale "de": pass 'ru' or 'en'.`));
  });
});
