import { describe, expect, it } from 'vitest';
import { ageOn, participantAgeRange } from '@fioco-flow/rules';

describe('ageOn', () => {
  it('counts full years', () => {
    expect(ageOn('2008-03-16', '2026-03-16')).toBe(18);
    expect(ageOn('2008-03-17', '2026-03-16')).toBe(17);
    expect(ageOn('2008-04-01', '2026-03-31')).toBe(17);
    expect(ageOn('1925-03-16', '2026-03-16')).toBe(101);
  });

  it('turns negative before the birth date', () => {
    expect(ageOn('2026-03-17', '2026-03-16')).toBe(-1);
    expect(ageOn('2030-01-01', '2026-03-16')).toBe(-4);
    expect(ageOn('2026-03-16', '2026-03-16')).toBe(0);
  });

  it('moves a 29 February birthday to 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('throws on an invalid date', () => {
    expect(() => ageOn('2008-02-30', '2026-03-16')).toThrow(TypeError);
    expect(() => ageOn('2008-02-01', '16.03.2026')).toThrow(TypeError);
  });

  it('exports the admitted range', () => {
    expect(participantAgeRange).toEqual({ minimum: 18, maximum: 100 });
  });
});
