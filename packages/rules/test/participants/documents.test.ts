import { describe, expect, it } from 'vitest';
import { defaultRequiredDocumentKinds, hasSurnameChanged, requiredDocumentKinds } from '@fioco-flow/rules';
import { program } from './fixtures.js';

describe('requiredDocumentKinds', () => {
  it('asks for the diploma and the SNILS by default', () => {
    expect(defaultRequiredDocumentKinds).toEqual(['diploma', 'snils']);
    expect(requiredDocumentKinds({ lastName: 'Морозов', diplomaSurname: 'Морозов' }, program)).toEqual(['diploma', 'snils']);
    expect(requiredDocumentKinds({}, { requiredDocuments: [] })).toEqual(['diploma', 'snils']);
  });

  it('adds the kinds the program requires once', () => {
    expect(requiredDocumentKinds({}, { requiredDocuments: ['passport', 'diploma', 'employment_record'] })).toEqual([
      'diploma',
      'snils',
      'passport',
      'employment_record',
    ]);
  });

  it('adds a name change document for another surname', () => {
    expect(requiredDocumentKinds({ lastName: 'Кузнецова', diplomaSurname: 'Белова' }, program)).toEqual([
      'diploma',
      'snils',
      'name_change',
    ]);
  });
});

describe('hasSurnameChanged', () => {
  it('compares surnames as names', () => {
    expect(hasSurnameChanged({ lastName: 'Кузнецова', diplomaSurname: 'Белова' })).toBe(true);
    expect(hasSurnameChanged({ lastName: 'Семёнова', diplomaSurname: 'семенова' })).toBe(false);
    expect(hasSurnameChanged({ lastName: 'Иванова-Петрова', diplomaSurname: 'Иванова' })).toBe(true);
  });

  it('needs both surnames well-formed', () => {
    expect(hasSurnameChanged({ lastName: 'Кузнецова' })).toBe(false);
    expect(hasSurnameChanged({ lastName: '', diplomaSurname: 'Белова' })).toBe(false);
    expect(hasSurnameChanged({ lastName: 'Kuznetsova', diplomaSurname: 'Белова' })).toBe(false);
    expect(hasSurnameChanged({ lastName: 42, diplomaSurname: 'Белова' })).toBe(false);
  });
});
