import { describe, expect, it } from 'vitest';
import { isValidPhone, normalizePhone, validatePhone } from '@fioco-flow/rules';

describe('normalizePhone', () => {
  it('accepts the usual forms', () => {
    expect(normalizePhone('8 (916) 123-45-67')).toBe('+79161234567');
    expect(normalizePhone('+7 916 123 45 67')).toBe('+79161234567');
    expect(normalizePhone('9161234567')).toBe('+79161234567');
    expect(normalizePhone('+7(916)123-45-67')).toBe('+79161234567');
    expect(normalizePhone('\u00a0+7\u00a0916\u00a0123-45-67 ')).toBe('+79161234567');
  });

  it('accepts landlines with long area codes', () => {
    expect(normalizePhone('+7 (48234) 2-17-05')).toBe('+74823421705');
    expect(normalizePhone('8 (812) 315-00-00')).toBe('+78123150000');
    expect(normalizePhone('8 800 555-35-35')).toBe('+78005553535');
  });

  it('is idempotent', () => {
    expect(normalizePhone('+79161234567')).toBe('+79161234567');
  });

  it('rejects anything else', () => {
    const rejected = [
      '8 (916) 123-45-6',
      '8 (916) 123-45-678',
      '7 916 123 45 67',
      '+8 916 123 45 67',
      '+7 716 123 45 67',
      '+7 616 123 45 67',
      '+7 516 123 45 67',
      '+44 20 7946 0958',
      '+79161234567x',
      '8-916-12З-45-67',
      '',
    ];
    for (const phone of rejected) expect(normalizePhone(phone), phone).toBeNull();
  });
});

describe('validatePhone', () => {
  it('reports an invalid number', () => {
    expect(validatePhone('916 123-45')).toEqual([{ code: 'phone_invalid', path: [], params: { value: '916 123-45' } }]);
  });

  it('accepts a valid number', () => {
    expect(validatePhone('8 (916) 123-45-67')).toEqual([]);
    expect(isValidPhone('+7 916 123 45 67')).toBe(true);
  });

  it('requires a string', () => {
    expect(validatePhone(null)).toEqual([{ code: 'required', path: [], params: {} }]);
    expect(isValidPhone(89161234567)).toBe(false);
  });
});
