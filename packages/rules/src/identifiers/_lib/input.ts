import { valueTypeName } from '../../messages/_lib/valueType.js';
import type { Violation, ViolationParams } from '../../messages/violation.js';

/** Spaces of every kind (U+00A0 and U+202F included) and dashes of every kind (hyphen-minus, U+2010…U+2015). */
const SEPARATORS = /[\s\p{Pd}]/gu;

/** Removes the spaces and dashes that people put between groups of digits. */
export function stripSeparators(value: string): string {
  return value.replace(SEPARATORS, '');
}

/** Tells whether `value` holds only the ASCII digits 0–9 (and at least one). */
export function isDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

/** Sum of the digits of `digits` multiplied by the weights at the same positions. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < weights.length; index += 1) {
    sum += (digits.charCodeAt(index) - 48) * (weights[index] ?? 0);
  }
  return sum;
}

/** Result of reading an identifier: its trimmed text, or the violation of a missing or non-string value. */
export type IdentifierInput = { readonly text: string } | { readonly violation: Violation };

/**
 * Reads an identifier typed by a person and returns the trimmed string. A missing value (`undefined`, `null` or a
 * blank string) is `required`. Any other type is `invalid_type`, because a number would have lost its leading
 * zeros.
 */
export function readIdentifier(value: unknown): IdentifierInput {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { violation: { code: 'required', path: [], params: {} } };
  }
  if (typeof value !== 'string') {
    const params: ViolationParams =
      typeof value === 'number' || typeof value === 'bigint'
        ? { expected: 'string', received: valueTypeName(value), value: String(value) }
        : { expected: 'string', received: valueTypeName(value) };
    return { violation: { code: 'invalid_type', path: [], params } };
  }
  return { text: value.trim() };
}
