import type { Locale } from '../../shared/types.js';
import type { ViolationParams } from '../violation.js';

// Values longer than this are cut in messages, so that a pasted paragraph does not swamp the sentence.
const MAX_SHOWN_LENGTH = 80;

/** A string or number param as text; `undefined` for a missing param or a param of another type. */
export function textParam(params: ViolationParams, name: string): string | undefined {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A finite number param, or `undefined`. */
export function numberParam(params: ViolationParams, name: string): number | undefined {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A list param as a list of texts; a single string or number becomes a list of one; anything else is empty. */
export function listParam(params: ViolationParams, name: string): string[] {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  if (Array.isArray(value)) {
    return value.filter((item) => typeof item === 'string' || typeof item === 'number').map(String);
  }
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  return [];
}

/** Cuts a long text to `MAX_SHOWN_LENGTH` characters, ending it with an ellipsis. */
export function shorten(text: string): string {
  const characters = [...text];
  return characters.length <= MAX_SHOWN_LENGTH ? text : `${characters.slice(0, MAX_SHOWN_LENGTH - 1).join('')}…`;
}

/** Quotes a text the way the language does: «…» in Russian, "…" in English. */
export function quote(text: string, locale: Locale): string {
  return locale === 'ru' ? `«${text}»` : `"${text}"`;
}

/** Joins items into a list read aloud: «1, 4 и 7» / "1, 4 and 7". */
export function joinList(items: readonly string[], locale: Locale): string {
  const conjunction = locale === 'ru' ? ' и ' : ' and ';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${conjunction}${items.at(-1) ?? ''}`;
}

/**
 * Picks the Russian noun form for a count: `one` for 1, 21, 101; `few` for 2–4, 22–24; `many` for 0, 5–20, 25.
 *
 * @example
 * russianPlural(3, 'цифра', 'цифры', 'цифр') //=> 'цифры'
 */
export function russianPlural(count: number, one: string, few: string, many: string): string {
  const lastTwo = Math.abs(count) % 100;
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

/** Picks the English noun form for a count: "1 digit", "3 digits". */
export function englishPlural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
