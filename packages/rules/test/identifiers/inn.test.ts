import { describe, expect, it } from 'vitest';
import { isValidInn, validateInn } from '@fioco-flow/rules';

// An organization's ИНН: d1…d9 weighted 2, 4, 10, 3, 5, 9, 4, 6, 8; the check digit is (sum mod 11) mod 10.
// An individual's ИНН: the 11th digit comes from d1…d10 weighted 7, 2, 4, 10, 3, 5, 9, 4, 6, 8. The 12th comes
// from d1…d11 weighted 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8. Each is (sum mod 11) mod 10.
describe('validateInn', () => {
  it('accepts published organization numbers', () => {
    // ПАО Сбербанк: 7·2 + 7·4 + 0·10 + 7·3 + 0·5 + 8·9 + 3·4 + 8·6 + 9·8 = 267; 267 mod 11 = 3 → 3
    expect(validateInn('7707083893')).toEqual([]);
    // ПАО «Газпром»: 7·2 + 7·4 + 3·10 + 6·3 + 0·5 + 5·9 + 0·4 + 0·6 + 0·8 = 135; 135 mod 11 = 3 → 3
    expect(validateInn('7736050003')).toEqual([]);
  });

  it('turns a remainder of 10 into 0', () => {
    // 5·2 = 10; 10 mod 11 = 10; 10 mod 10 = 0
    expect(isValidInn('5000000000')).toBe(true);
    expect(isValidInn('5000000001')).toBe(false);
  });

  it('accepts an individual number', () => {
    // 11th: 5·7 + 1·10 + 7·9 + 3·4 + 2·6 + 2·8 = 148; 148 mod 11 = 5 → 5
    // 12th: 5·3 + 1·4 + 7·5 + 3·9 + 2·4 + 2·6 + 5·8 = 141; 141 mod 11 = 9 → 9
    expect(validateInn('500100732259')).toEqual([]);
  });

  it('rejects a wrong check digit', () => {
    expect(validateInn('7707083894')).toEqual([
      { code: 'inn_invalid', path: [], params: { value: '7707083894', reason: 'checksum' } },
    ]);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('500100732269')).toBe(false);
  });

  it('rejects a wrong length', () => {
    expect(validateInn('770708389')).toEqual([
      { code: 'inn_invalid', path: [], params: { value: '770708389', reason: 'length', length: 9 } },
    ]);
    expect(isValidInn('77070838931')).toBe(false);
    expect(isValidInn('7707083893123')).toBe(false);
  });

  it('rejects characters other than digits', () => {
    expect(validateInn('77070838a3')).toEqual([
      { code: 'inn_invalid', path: [], params: { value: '77070838a3', reason: 'characters' } },
    ]);
    expect(isValidInn('7707 083 893')).toBe(false);
  });

  it('trims surrounding spaces', () => {
    expect(isValidInn(' 7707083893 ')).toBe(true);
  });

  it('rejects a number', () => {
    expect(validateInn(7707083893)).toEqual([
      { code: 'invalid_type', path: [], params: { expected: 'string', received: 'number', value: '7707083893' } },
    ]);
  });

  it('requires a value', () => {
    expect(validateInn('')).toEqual([{ code: 'required', path: [], params: {} }]);
  });

  it('asks an organization for 10 digits', () => {
    expect(validateInn('500100732259', { holder: 'organization' })).toEqual([
      { code: 'inn_not_organization', path: [], params: { value: '500100732259' } },
    ]);
    expect(validateInn('77070838', { holder: 'organization' })).toEqual([
      { code: 'inn_invalid', path: [], params: { value: '77070838', reason: 'length', length: 8, expectedLength: 10 } },
    ]);
    expect(validateInn('7707083893', { holder: 'organization' })).toEqual([]);
  });

  it('asks an individual for 12 digits', () => {
    expect(validateInn('7707083893', { holder: 'individual' })).toEqual([
      { code: 'inn_invalid', path: [], params: { value: '7707083893', reason: 'length', length: 10, expectedLength: 12 } },
    ]);
    expect(validateInn('500100732259', { holder: 'individual' })).toEqual([]);
  });
});
