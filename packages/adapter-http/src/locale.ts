import type { Locale } from '@fioco-flow/rules';
import { parseAccept } from 'hono/utils/accept';

const supportedLocales: readonly Locale[] = ['ru', 'en'];

/**
 * Picks the response language from an `Accept-Language` header: the supported language with the
 * highest weight, matched on the primary subtag (`en-GB` selects `en`), else the fallback.
 *
 * @example
 * negotiateLocale('en-GB,en;q=0.9,ru;q=0.5', 'ru') //=> 'en'
 * negotiateLocale('de-DE', 'ru') //=> 'ru'
 * negotiateLocale(undefined, 'ru') //=> 'ru'
 */
export function negotiateLocale(header: string | null | undefined, fallback: Locale = 'ru'): Locale {
  if (!header) return fallback;

  // `q=0` means "not acceptable"; a stable sort keeps the header's order between equal weights.
  const ranges = parseAccept(header)
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q);

  for (const range of ranges) {
    const tag = range.type.trim().toLowerCase();
    if (tag === '*') return fallback;
    const primary = tag.split('-')[0];
    const match = supportedLocales.find((locale) => locale === primary);
    if (match) return match;
  }
  return fallback;
}
