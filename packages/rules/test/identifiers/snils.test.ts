import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSnils, normalizeSnils, validateSnils } from '@fioco-flow/rules';

// Control number of a СНИЛС: the first nine digits are weighted 9 down to 1 and summed. A sum below 100 is the
// control number, and 100 and 101 give 00. A larger sum is taken modulo 101, where 100 gives 00 again.
// Every valid vector below shows that arithmetic.
const validVectors = [
  // 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95 < 100 → 95 (the number printed on sample cards)
  '112-233-445 95',
  // 9·9 + 8·8 + 7·7 + 6·6 + 5·5 + 4·4 + 3·3 + 2·2 + 1·1 = 285; 285 − 2·101 = 83
  '987-654-321 83',
  // 1·9 + 2·8 + 3·7 + 4·6 + 5·5 + 6·4 + 7·3 + 8·2 + 9·1 = 165; 165 − 101 = 64
  '123-456-789 64',
  // 3·9 + 2·8 + 2·7 + 2·6 + 2·5 + 2·4 + 2·3 + 2·2 + 3·1 = 100 → 00
  '322-222-223 00',
  // 3·9 + 2·8 + 2·7 + 2·6 + 2·5 + 2·4 + 2·3 + 2·2 + 4·1 = 101 → 00
  '322-222-224 00',
  // 9·9 + 9·8 + 6·7 + 1·6 = 201; 201 mod 101 = 100 → 00
  '996-100-000 00',
  // 9·(9 + 8 + … + 1) = 405; 405 − 4·101 = 1 → 01
  '999-999-999 01',
  // 0·9 + 0·8 + 1·7 + 0·6 + 0·5 + 1·4 + 9·3 + 9·2 + 9·1 = 65: the first number that is checked
  '001-001-999 65',
];

describe('validateSnils', () => {
  it.each(validVectors)('accepts %s', (snils) => {
    expect(validateSnils(snils)).toEqual([]);
    expect(isValidSnils(snils)).toBe(true);
  });

  it('accepts every separator people type', () => {
    const variants = [
      '11223344595',
      '112 233 445 95',
      '112-233-445-95',
      '112\u00a0233\u00a0445\u00a095',
      '112-233-445\u202f95',
      '112\u2011233\u2011445 95',
      '  112-233-445 95  ',
    ];
    for (const variant of variants) expect(isValidSnils(variant), JSON.stringify(variant)).toBe(true);
  });

  it('skips the checksum up to 001-001-998', () => {
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('001-001-998 99')).toBe(true);
    expect(isValidSnils('000-000-001 42')).toBe(true);
  });

  it('checks the checksum from 001-001-999', () => {
    expect(validateSnils('001-001-999 66')).toEqual([
      { code: 'snils_invalid_checksum', path: [], params: { value: '001-001-999 66' } },
    ]);
  });

  it('rejects a wrong control number', () => {
    expect(validateSnils('112-233-445 96')).toEqual([
      { code: 'snils_invalid_checksum', path: [], params: { value: '112-233-445 96' } },
    ]);
    // 100 and 101 give 00, never 100 or 01.
    expect(isValidSnils('322-222-223 01')).toBe(false);
    expect(isValidSnils('996-100-000 01')).toBe(false);
  });

  it('rejects a wrong number of digits', () => {
    expect(validateSnils('112-233-445 9')).toEqual([
      { code: 'snils_invalid_format', path: [], params: { value: '112-233-445 9', reason: 'length', digits: 10 } },
    ]);
    expect(validateSnils('112-233-445 955')).toEqual([
      { code: 'snils_invalid_format', path: [], params: { value: '112-233-445 955', reason: 'length', digits: 12 } },
    ]);
  });

  it('rejects letters and other signs', () => {
    expect(validateSnils('112-233-445 9O')).toEqual([
      { code: 'snils_invalid_format', path: [], params: { value: '112-233-445 9O', reason: 'characters' } },
    ]);
    expect(isValidSnils('112.233.445 95')).toBe(false);
    expect(isValidSnils('１１２-233-445 95')).toBe(false);
  });

  it('rejects a number with its own code', () => {
    expect(validateSnils(11223344595)).toEqual([
      { code: 'snils_not_string', path: [], params: { value: '11223344595' } },
    ]);
    expect(validateSnils(11223344595n)).toEqual([
      { code: 'snils_not_string', path: [], params: { value: '11223344595' } },
    ]);
    expect(isValidSnils(11223344595)).toBe(false);
  });

  it('reports a missing value as required', () => {
    for (const missing of [undefined, null, '', '   ']) {
      expect(validateSnils(missing)).toEqual([{ code: 'required', path: [], params: {} }]);
    }
  });

  it('rejects other types as invalid_type', () => {
    expect(validateSnils({ snils: '112-233-445 95' })).toEqual([
      { code: 'invalid_type', path: [], params: { expected: 'string', received: 'object' } },
    ]);
    expect(validateSnils(['112-233-445 95'])).toEqual([
      { code: 'invalid_type', path: [], params: { expected: 'string', received: 'array' } },
    ]);
  });
});

describe('normalizeSnils', () => {
  it('writes the canonical form', () => {
    expect(normalizeSnils('11223344595')).toBe('112-233-445 95');
    expect(normalizeSnils('112 233 445-95')).toBe('112-233-445 95');
    expect(normalizeSnils('\u00a0112233445\u202f95 ')).toBe('112-233-445 95');
  });

  it('keeps an invalid control number', () => {
    expect(normalizeSnils('11223344596')).toBe('112-233-445 96');
  });

  it('returns null without 11 digits', () => {
    expect(normalizeSnils('112-233-445')).toBeNull();
    expect(normalizeSnils('112-233-445 9x')).toBeNull();
    expect(normalizeSnils('')).toBeNull();
    expect(normalizeSnils(11223344595 as unknown as string)).toBeNull();
  });
});

/** Builds a СНИЛС from nine digits and the control number that the rule above gives, written apart from the code. */
function withControlNumber(nine: readonly number[]): string {
  const sum = nine.reduce((total, digit, index) => total + digit * (9 - index), 0);
  let control = sum % 101;
  if (sum < 100) control = sum;
  if (control === 100 || sum === 100 || sum === 101) control = 0;
  return nine.join('') + String(control).padStart(2, '0');
}

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 });
const checkedNumbers = nineDigits.filter((digits) => Number(digits.join('')) > 1_001_998);

describe('SNILS properties', () => {
  it('normalizeSnils is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const once = normalizeSnils(value);
        expect(once === null ? null : normalizeSnils(once)).toBe(once);
      }),
    );
  });

  it('formatting variants of a valid number stay valid', () => {
    const separator = fc.constantFrom('', ' ', '-', '\u00a0', '\u202f', ' - ');
    fc.assert(
      fc.property(checkedNumbers, fc.array(separator, { minLength: 12, maxLength: 12 }), (nine, separators) => {
        const digits = withControlNumber(nine);
        const typed = separators.map((part, index) => part + (digits[index] ?? '')).join('');
        expect(isValidSnils(digits)).toBe(true);
        expect(isValidSnils(typed)).toBe(true);
        expect(normalizeSnils(typed)).toBe(normalizeSnils(digits));
      }),
    );
  });

  it('changing one digit breaks a checked number', () => {
    fc.assert(
      fc.property(checkedNumbers, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (nine, position, shift) => {
        const valid = withControlNumber(nine);
        const changedDigit = (Number(valid[position]) + shift) % 10;
        const changed = valid.slice(0, position) + String(changedDigit) + valid.slice(position + 1);
        fc.pre(Number(changed.slice(0, 9)) > 1_001_998);
        // The rule maps the sums 100 and 101 (and 201 and 202, …) to the same 00, so a change between two
        // such sums keeps the number valid. The next test shows one.
        fc.pre(withControlNumber([...changed.slice(0, 9)].map(Number)).slice(9) !== valid.slice(9) || position >= 9);
        expect(isValidSnils(changed)).toBe(false);
      }),
    );
  });

  it('keeps 00 between the sums 100 and 101', () => {
    // 322-222-223 sums to 100 and 322-222-224 to 101: one digit apart, and both have the control number 00.
    expect(isValidSnils('322-222-223 00')).toBe(true);
    expect(isValidSnils('322-222-224 00')).toBe(true);
  });
});
