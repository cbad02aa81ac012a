import { describe, expect, it } from 'vitest';
import { isoCountryCodes, isValidCountryCode } from '@fioco-flow/rules';

describe('isoCountryCodes', () => {
  it('lists the 249 assigned codes once each', () => {
    expect(isoCountryCodes).toHaveLength(249);
    expect(new Set(isoCountryCodes).size).toBe(249);
    expect([...isoCountryCodes].sort()).toEqual(isoCountryCodes);
  });

  it('names a known region for every code', () => {
    // Cross-check with the ICU region names of the runtime, which come from an independent source.
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of isoCountryCodes) expect(names.of(code), code).toBeTypeOf('string');
  });
});

describe('isValidCountryCode', () => {
  it('accepts assigned codes', () => {
    for (const code of ['RU', 'BY', 'KZ', 'UZ', 'SS', 'AQ']) expect(isValidCountryCode(code), code).toBe(true);
  });

  it('rejects other codes', () => {
    for (const code of ['ru', 'SU', 'XK', 'EU', 'UK', 'RUS', 'R', '', 'РУ']) expect(isValidCountryCode(code), code).toBe(false);
    expect(isValidCountryCode(643)).toBe(false);
  });
});
