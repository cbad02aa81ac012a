import { describe, expect, it } from 'vitest';
import { isValidTrackingNumber, normalizeTrackingNumber, validateTrackingNumber } from '@fioco-flow/rules';

// Russian Post domestic identifiers have 14 digits, the last computed like a UPC check digit over the first 13.
// The sum is 3 × (digits at odd positions) + (digits at even positions), and the check digit (10 − sum mod 10) mod 10.
describe('domestic tracking numbers', () => {
  it('accepts a valid check digit', () => {
    // 1010009812345: odd positions 1+1+0+9+1+3+5 = 20, × 3 = 60; even positions 0+0+0+8+2+4 = 14;
    // 60 + 14 = 74 → (10 − 4) mod 10 = 6
    expect(validateTrackingNumber('10100098123456')).toEqual([]);
    // 1010009812347: odd 1+1+0+9+1+3+7 = 22, × 3 = 66; even 14; 66 + 14 = 80 → (10 − 0) mod 10 = 0
    expect(isValidTrackingNumber('10100098123470')).toBe(true);
  });

  it('accepts spaces between groups', () => {
    expect(isValidTrackingNumber('101000 98 12345 6')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(validateTrackingNumber('10100098123457')).toEqual([
      { code: 'tracking_number_invalid', path: [], params: { value: '10100098123457', reason: 'checksum' } },
    ]);
  });
});

// UPU S10: 2 letters, 8 serial digits, a check digit and the ISO 3166-1 code of the issuing country. The serial
// digits are weighted 8, 6, 4, 2, 3, 5, 9, 7, and the check digit is 11 − (sum mod 11), with 10 → 0 and 11 → 5.
describe('UPU S10 tracking numbers', () => {
  it('accepts valid identifiers', () => {
    // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5
    expect(validateTrackingNumber('RA123456785RU')).toEqual([]);
    // The standard's own example: 4·8 + 7·6 + 3·4 + 1·2 + 2·3 + 4·5 + 8·9 + 2·7 = 200; 11 − 2 = 9
    expect(isValidTrackingNumber('RR473124829GB')).toBe(true);
  });

  it('maps the check values 10 and 11', () => {
    // 5·9 = 45; 45 mod 11 = 1; 11 − 1 = 10 → 0
    expect(isValidTrackingNumber('EE000000500RU')).toBe(true);
    // sum 0; 11 − 0 = 11 → 5
    expect(isValidTrackingNumber('CP000000005CN')).toBe(true);
  });

  it('accepts lower case and spaces', () => {
    expect(isValidTrackingNumber('ra 1234 5678 5 ru')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(validateTrackingNumber('RA123456784RU')).toEqual([
      { code: 'tracking_number_invalid', path: [], params: { value: 'RA123456784RU', reason: 'checksum' } },
    ]);
  });

  it('rejects an unknown country code', () => {
    expect(validateTrackingNumber('RA123456785XX')).toEqual([
      { code: 'tracking_number_invalid', path: [], params: { value: 'RA123456785XX', reason: 'country', country: 'XX' } },
    ]);
    expect(isValidTrackingNumber('RA123456785SU')).toBe(false);
  });

  it('rejects other forms', () => {
    for (const value of ['RA12345678RU', 'RA1234567855RU', 'R1123456785RU', '1010009812345', 'РА123456785RU']) {
      expect(validateTrackingNumber(value), value).toEqual([
        { code: 'tracking_number_invalid', path: [], params: { value, reason: 'format' } },
      ]);
    }
  });

  it('requires a string', () => {
    expect(validateTrackingNumber('')).toEqual([{ code: 'required', path: [], params: {} }]);
    expect(isValidTrackingNumber(10100098123456)).toBe(false);
  });
});

describe('normalizeTrackingNumber', () => {
  it('writes capitals without spaces', () => {
    expect(normalizeTrackingNumber('ra 1234 5678 5 ru')).toBe('RA123456785RU');
    expect(normalizeTrackingNumber('101000-98-12345-6')).toBe('10100098123456');
  });

  it('returns null for other forms', () => {
    expect(normalizeTrackingNumber('RA12345678RU')).toBeNull();
    expect(normalizeTrackingNumber('1010009812345')).toBeNull();
  });
});
