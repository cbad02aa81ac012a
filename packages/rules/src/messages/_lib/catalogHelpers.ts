import { dayMonth } from '../../shared/dateWords.js';
import { isIsoDate } from '../../shared/isoDate.js';
import type { Locale } from '../../shared/types.js';
import type { MessageContext } from '../context.js';
import { valueLabel } from '../labels.js';
import { listParam, quote, shorten, textParam } from './wording.js';

/** Returns the last field name of a path: `['participants', 2, 'documents', 0, 'kind']` → `'kind'`. */
export function fieldKey(path: MessageContext['path']): string | undefined {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}

/** Returns a text param quoted and shortened, or `undefined` when it is missing. */
export function quotedParam(context: MessageContext, name: string, locale: Locale): string | undefined {
  const value = textParam(context.params, name);
  return value === undefined ? undefined : quote(shorten(value), locale);
}

/**
 * Lists the allowed values of an enumerated field, each quoted and followed by its label when it has one:
 * «higher» (высшее образование).
 */
export function allowedValues(context: MessageContext, locale: Locale): string[] {
  const field = fieldKey(context.path);
  return listParam(context.params, 'allowed').map((value) => {
    const label = valueLabel(field, value)?.[locale];
    return label === undefined || label === value ? quote(value, locale) : `${quote(value, locale)} (${label})`;
  });
}

/** Writes out a date param («16 марта 2026 г.» / "16 March 2026") when it is an ISO date, else as it is. */
export function dateParam(context: MessageContext, name: string, locale: Locale): string | undefined {
  const value = textParam(context.params, name);
  if (value === undefined) return undefined;
  return isIsoDate(value) ? dayMonth(value, locale, true) : shorten(value);
}

/** Returns the row numbers of a list rule («2 и 5») from `params.rows`. */
export function rowNumbers(context: MessageContext): string[] {
  return listParam(context.params, 'rows');
}
