import { describe, expect, it } from 'vitest';
import { isValidOgrn, isValidOgrnip, validateOgrn, validateOgrnip } from '@fioco-flow/rules';

describe('validateOgrn', () => {
  it('accepts a published number', () => {
    // ПАО Сбербанк: 102770013219 = 11 · 9342728474 + 5, so the check digit is 5 mod 10 = 5.
    expect(validateOgrn('1027700132195')).toEqual([]);
  });

  it('turns a remainder of 10 into 0', () => {
    // 10 ≡ −1 (mod 11), so 10^11 ≡ (−1)^11 ≡ 10; 10 mod 10 = 0.
    expect(isValidOgrn('1000000000000')).toBe(true);
    expect(isValidOgrn('1000000000001')).toBe(false);
  });

  it('rejects a wrong check digit', () => {
    expect(validateOgrn('1027700132196')).toEqual([
      { code: 'ogrn_invalid', path: [], params: { value: '1027700132196', reason: 'checksum' } },
    ]);
  });

  it('rejects a wrong length', () => {
    expect(validateOgrn('304500116000157')).toEqual([
      { code: 'ogrn_invalid', path: [], params: { value: '304500116000157', reason: 'length', length: 15 } },
    ]);
    expect(isValidOgrn('102770013219')).toBe(false);
  });

  it('rejects characters other than digits', () => {
    expect(validateOgrn('10277OO132195')).toEqual([
      { code: 'ogrn_invalid', path: [], params: { value: '10277OO132195', reason: 'characters' } },
    ]);
  });

  it('rejects a number', () => {
    expect(isValidOgrn(1027700132195)).toBe(false);
    expect(validateOgrn(1027700132195)[0]?.code).toBe('invalid_type');
  });
});

describe('validateOgrnip', () => {
  it('accepts a published number', () => {
    // 30450011600015 = 13 · 2342308584616 + 7, so the check digit is 7 mod 10 = 7.
    expect(validateOgrnip('304500116000157')).toEqual([]);
  });

  it('takes remainders above 9 modulo 10', () => {
    // 10^6 ≡ 1 (mod 13), so 10^13 ≡ 10 → 0, and 10^13 + 1 ≡ 11 → 1.
    expect(isValidOgrnip('100000000000000')).toBe(true);
    expect(isValidOgrnip('100000000000011')).toBe(true);
    expect(isValidOgrnip('100000000000010')).toBe(false);
  });

  it('rejects a wrong check digit', () => {
    expect(validateOgrnip('304500116000158')).toEqual([
      { code: 'ogrnip_invalid', path: [], params: { value: '304500116000158', reason: 'checksum' } },
    ]);
  });

  it('rejects an ОГРН of an organization', () => {
    expect(validateOgrnip('1027700132195')).toEqual([
      { code: 'ogrnip_invalid', path: [], params: { value: '1027700132195', reason: 'length', length: 13 } },
    ]);
  });
});
