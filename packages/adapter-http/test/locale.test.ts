import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../src/locale.js';

describe('negotiateLocale', () => {
  it('defaults to Russian without a header', () => {
    expect(negotiateLocale(undefined)).toBe('ru');
    expect(negotiateLocale('')).toBe('ru');
  });

  it('matches a regional tag on its primary subtag', () => {
    expect(negotiateLocale('en-GB')).toBe('en');
    expect(negotiateLocale('ru-RU,ru;q=0.9')).toBe('ru');
  });

  it('takes the highest weight, not the first entry', () => {
    expect(negotiateLocale('ru;q=0.4, en;q=0.8')).toBe('en');
    expect(negotiateLocale('de-DE, en;q=0.5, ru;q=0.7')).toBe('ru');
  });

  it('skips languages marked not acceptable', () => {
    expect(negotiateLocale('en;q=0, ru;q=0.1')).toBe('ru');
    expect(negotiateLocale('ru;q=0, en')).toBe('en');
  });

  it('falls back for unsupported languages and the wildcard', () => {
    expect(negotiateLocale('de, fr;q=0.9')).toBe('ru');
    expect(negotiateLocale('*')).toBe('ru');
    expect(negotiateLocale('de', 'en')).toBe('en');
  });

  it('ignores case', () => {
    expect(negotiateLocale('EN-us')).toBe('en');
  });
});
