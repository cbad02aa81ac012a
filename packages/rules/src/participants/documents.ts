import type { DocumentKind, ProgramRules } from './model.js';
import { isWellFormedName, sameName, tidyName } from './names.js';

/**
 * Documents every participant row needs whatever the program: the education diploma and the СНИЛС.
 *
 * @example
 * defaultRequiredDocumentKinds //=> ['diploma', 'snils']
 */
export const defaultRequiredDocumentKinds: readonly DocumentKind[] = Object.freeze(['diploma', 'snils'] as const);

/**
 * Tells whether a row's surname differs from the surname in its diploma, which calls for a document on the
 * change of surname. Letter case, ё and е, and spaces do not count as a difference. A row with either surname
 * missing or not a well-formed name is not reported as different: its name gets its own violation instead.
 *
 * @example
 * hasSurnameChanged({ lastName: 'Кузнецова', diplomaSurname: 'Белова' }) //=> true
 * hasSurnameChanged({ lastName: 'Семёнова', diplomaSurname: 'СЕМЕНОВА' }) //=> false
 */
export function hasSurnameChanged(row: { readonly lastName?: unknown; readonly diplomaSurname?: unknown }): boolean {
  const { lastName, diplomaSurname } = row;
  if (typeof lastName !== 'string' || typeof diplomaSurname !== 'string') return false;
  if (!isWellFormedName(tidyName(lastName)) || !isWellFormedName(tidyName(diplomaSurname))) return false;
  return !sameName(lastName, diplomaSurname);
}

/**
 * Lists the kinds of documents a participant row must have attached: the diploma and the СНИЛС, the kinds the
 * program adds, and a document on the change of surname when the row's surname differs from the diploma's.
 *
 * @example
 * const program = { subjects: [], requiredDocuments: ['diploma', 'snils', 'passport'] } as const;
 * requiredDocumentKinds({ lastName: 'Кузнецова', diplomaSurname: 'Белова' }, program)
 * //=> ['diploma', 'snils', 'passport', 'name_change']
 */
export function requiredDocumentKinds(
  row: { readonly lastName?: unknown; readonly diplomaSurname?: unknown },
  program: Pick<ProgramRules, 'requiredDocuments'>,
): DocumentKind[] {
  const kinds = new Set<DocumentKind>(defaultRequiredDocumentKinds);
  for (const kind of program.requiredDocuments) kinds.add(kind);
  if (hasSurnameChanged(row)) kinds.add('name_change');
  return [...kinds];
}
