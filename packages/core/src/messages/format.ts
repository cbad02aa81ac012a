import type { Locale } from '@fioco-flow/rules';

/**
 * Formats an amount in kopecks as roubles for a person to read.
 *
 * @example
 * ```ts
 * import { formatRubles } from '@fioco-flow/core';
 *
 * formatRubles(2_250_000);       //=> '22 500,00 ₽'
 * formatRubles(2_250_000, 'en'); //=> 'RUB 22,500.00'
 * ```
 */
export function formatRubles(kopecks: number, locale: Locale = 'ru'): string {
  const format = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: locale === 'ru' ? 'symbol' : 'code',
  });
  // Intl separates groups and the currency with non-breaking spaces; plain spaces read the same and compare easier.
  return format.format(kopecks / 100).replace(/[\u00a0\u202f]/g, ' ');
}

/** Russian plural form for a count: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
