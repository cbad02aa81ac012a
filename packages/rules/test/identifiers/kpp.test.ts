import { describe, expect, it } from 'vitest';
import { isValidKpp, validateKpp } from '@fioco-flow/rules';

describe('validateKpp', () => {
  it('accepts published codes', () => {
    // ПАО Сбербанк, and a school of the bundled walkthrough.
    expect(validateKpp('773601001')).toEqual([]);
    expect(validateKpp('691201001')).toEqual([]);
  });

  it('accepts Latin capitals in the reason part', () => {
    expect(isValidKpp('7736AB001')).toBe(true);
    expect(isValidKpp('77360Z001')).toBe(true);
  });

  it('rejects Cyrillic look-alikes with their own code', () => {
    // 'А' (U+0410) and 'В' (U+0412) look like the Latin 'A' and 'B'.
    expect(validateKpp('7736\u0410\u0412001')).toEqual([
      { code: 'kpp_cyrillic_letter', path: [], params: { value: '7736АВ001', letters: 'АВ' } },
    ]);
    expect(validateKpp('7736ААА01')).toEqual([
      { code: 'kpp_cyrillic_letter', path: [], params: { value: '7736ААА01', letters: 'А' } },
    ]);
  });

  it('rejects a wrong form', () => {
    for (const kpp of ['77360100', '7736010011', '7736ab001', 'A73601001', '773601A01', '7736-01-001']) {
      expect(validateKpp(kpp), kpp).toEqual([{ code: 'kpp_invalid', path: [], params: { value: kpp } }]);
    }
  });

  it('requires a string', () => {
    expect(validateKpp(undefined)).toEqual([{ code: 'required', path: [], params: {} }]);
    expect(validateKpp(773601001)).toEqual([
      { code: 'invalid_type', path: [], params: { expected: 'string', received: 'number', value: '773601001' } },
    ]);
  });
});
