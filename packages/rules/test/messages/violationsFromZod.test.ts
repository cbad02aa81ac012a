import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatViolation, violationsFromZod } from '@fioco-flow/rules';

function violationsOf(schema: z.ZodType, value: unknown, reportInput = true) {
  const result = schema.safeParse(value, { reportInput });
  if (result.success) throw new Error('expected the value to fail');
  return violationsFromZod(result.error);
}

describe('violationsFromZod', () => {
  it('keeps the code of a custom issue', () => {
    const schema = z.string().superRefine((value, context) => {
      context.addIssue({ code: 'custom', message: 'bad', params: { code: 'phone_invalid', value, extra: { no: 1 } } });
    });
    expect(violationsOf(schema, '123')).toEqual([{ code: 'phone_invalid', path: [], params: { value: '123' } }]);
  });

  it('maps a custom issue without our code to invalid_input', () => {
    const schema = z.string().refine(() => false);
    expect(violationsOf(schema, 'x')).toEqual([{ code: 'invalid_input', path: [], params: { value: 'x' } }]);
  });

  it('maps missing values to required', () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.array(z.string()).min(1), d: z.string().min(1) });
    expect(violationsOf(schema, { b: null, c: [], d: '' })).toEqual([
      { code: 'required', path: ['a'], params: {} },
      { code: 'required', path: ['b'], params: {} },
      { code: 'required', path: ['c'], params: {} },
      { code: 'required', path: ['d'], params: {} },
    ]);
  });

  it('needs the reported input to tell missing from wrong type', () => {
    expect(violationsOf(z.object({ a: z.string() }), {}, false)).toEqual([
      { code: 'invalid_type', path: ['a'], params: { expected: 'string' } },
    ]);
  });

  it('maps a wrong type to invalid_type', () => {
    expect(violationsOf(z.object({ a: z.string() }), { a: 7 })).toEqual([
      { code: 'invalid_type', path: ['a'], params: { expected: 'string', received: 'number', value: 7 } },
    ]);
    expect(violationsOf(z.object({ a: z.string() }), { a: [] })).toEqual([
      { code: 'invalid_type', path: ['a'], params: { expected: 'string', received: 'array' } },
    ]);
  });

  it('maps lengths and sizes', () => {
    expect(violationsOf(z.string().min(3), 'ab')).toEqual([
      { code: 'too_short', path: [], params: { minimum: 3, unit: 'characters' } },
    ]);
    expect(violationsOf(z.string().max(3), 'abcd')).toEqual([
      { code: 'too_long', path: [], params: { maximum: 3, unit: 'characters' } },
    ]);
    expect(violationsOf(z.array(z.number()).max(1), [1, 2])).toEqual([
      { code: 'too_long', path: [], params: { maximum: 1, unit: 'items' } },
    ]);
    expect(violationsOf(z.number().min(1), 0)).toEqual([{ code: 'too_small', path: [], params: { minimum: 1, value: 0 } }]);
    expect(violationsOf(z.number().max(144), 500)).toEqual([
      { code: 'too_big', path: [], params: { maximum: 144, value: 500 } },
    ]);
  });

  it('maps string formats', () => {
    expect(violationsOf(z.email(), 'nope')).toEqual([{ code: 'email_invalid', path: [], params: { value: 'nope' } }]);
    expect(violationsOf(z.iso.date(), '2026-02-30')).toEqual([
      { code: 'invalid_date', path: [], params: { value: '2026-02-30' } },
    ]);
    expect(violationsOf(z.string().regex(/^\d+$/), 'x1')).toEqual([
      { code: 'invalid_format', path: [], params: { format: 'regex', value: 'x1' } },
    ]);
  });

  it('maps enum values to invalid_value', () => {
    expect(violationsOf(z.enum(['paper', 'electronic']), 'fax')).toEqual([
      { code: 'invalid_value', path: [], params: { allowed: ['paper', 'electronic'], value: 'fax' } },
    ]);
  });

  it('reports each unknown key', () => {
    expect(violationsOf(z.strictObject({ a: z.string() }), { a: 'x', lastname: 'y', Phone: 'z' })).toEqual([
      { code: 'unknown_field', path: ['lastname'], params: {} },
      { code: 'unknown_field', path: ['Phone'], params: {} },
    ]);
  });

  it('maps a failed union to invalid_input', () => {
    expect(violationsOf(z.union([z.string(), z.number()]), true)).toEqual([{ code: 'invalid_input', path: [], params: {} }]);
  });

  it('prefixes the path', () => {
    const result = z.object({ kpp: z.string() }).safeParse({}, { reportInput: true });
    expect(result.success).toBe(false);
    expect(violationsFromZod(result.error!, ['organization'])).toEqual([
      { code: 'required', path: ['organization', 'kpp'], params: {} },
    ]);
  });

  it('leaves the zod error and messages alone', () => {
    const result = z.object({ kpp: z.string() }).safeParse({});
    const before = JSON.stringify(result.error);
    const violations = violationsFromZod(result.error!, ['organization']);
    expect(JSON.stringify(result.error)).toBe(before);
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected string, received undefined');
    expect(formatViolation(violations[0]!, 'en')).toBe('The field "KPP" of the organization contains a value of the wrong type, but a string is expected. Pass a value of the right type.');
  });
});

describe('violationsFromZod with missing values', () => {
  it('maps a missing enum value to required', () => {
    expect(violationsOf(z.object({ sex: z.enum(['male', 'female']) }), {})).toEqual([
      { code: 'required', path: ['sex'], params: {} },
    ]);
  });

  it('maps a missing union value to required', () => {
    expect(violationsOf(z.object({ a: z.union([z.string(), z.number()]) }), { a: null })).toEqual([
      { code: 'required', path: ['a'], params: {} },
    ]);
  });
});
