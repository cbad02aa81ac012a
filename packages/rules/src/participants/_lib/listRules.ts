import { isValidSnils, normalizeSnils } from '../../identifiers/snils.js';
import { normalizePhone } from '../../identifiers/phone.js';
import type { Violation, ViolationParams } from '../../messages/violation.js';
import { hasSurnameChanged } from '../documents.js';
import { documentKinds, type DocumentKind } from '../model.js';
import { comparableName, formatInitials } from '../names.js';

/** Facts that the list rules read from one row as given, whatever the row's own checks found. */
export interface RowFacts {
  /** 0-based position in the list. */
  readonly index: number;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly id: string | undefined;
  readonly subject: string | undefined;
  /** The СНИЛС in canonical form when it is valid; rows with an invalid СНИЛС take no part in the СНИЛС rules. */
  readonly snils: string | undefined;
  /** Surname and initials for messages: «Иванова И. И.». */
  readonly participant: string | undefined;
  readonly attachedKinds: ReadonlySet<DocumentKind>;
}

/**
 * Fields of personal data that must be identical in every row of one person, in the order they are reported.
 *
 * @example
 * personalDataFields.includes('birthDate') //=> true
 */
export const personalDataFields = [
  'lastName',
  'firstName',
  'patronymic',
  'sex',
  'birthDate',
  'citizenship',
  'email',
  'phone',
  'position',
  'education',
  'diplomaSurname',
  'diplomaSeries',
  'diplomaNumber',
] as const;

const NAME_FIELDS: ReadonlySet<string> = new Set(['lastName', 'firstName', 'patronymic', 'diplomaSurname']);

function trimmedString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function attachedDocumentKinds(documents: unknown): Set<DocumentKind> {
  const kinds = new Set<DocumentKind>();
  if (!Array.isArray(documents)) return kinds;
  for (const document of documents) {
    if (typeof document !== 'object' || document === null) continue;
    const { kind, documentId } = document as { kind?: unknown; documentId?: unknown };
    if ((documentKinds as readonly unknown[]).includes(kind) && trimmedString(documentId) !== undefined) {
      kinds.add(kind as DocumentKind);
    }
  }
  return kinds;
}

/** Reads the facts the list rules need from a row given as an object. */
export function rowFacts(raw: Readonly<Record<string, unknown>>, index: number): RowFacts {
  const snils = isValidSnils(raw['snils']) ? (normalizeSnils(raw['snils'] as string) ?? undefined) : undefined;
  return {
    index,
    raw,
    id: trimmedString(raw['id']),
    subject: trimmedString(raw['subject']),
    snils,
    participant: formatInitials(raw['lastName'], raw['firstName'], raw['patronymic']),
    attachedKinds: attachedDocumentKinds(raw['documents']),
  };
}

/**
 * Writes a personal-data value in the form in which rows are compared: names as `sameName` compares them, the
 * e-mail in lower case, the phone normalized, the citizenship in capitals, other text trimmed with single spaces.
 * A missing value and a blank one compare equal.
 */
function comparableValue(field: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return JSON.stringify(value) ?? '';
  const text = value.trim().replace(/\s+/gu, ' ');
  if (NAME_FIELDS.has(field)) return comparableName(text);
  if (field === 'email') return text.toLowerCase();
  if (field === 'phone') return normalizePhone(text) ?? text;
  if (field === 'citizenship') return text.toUpperCase();
  return text;
}

function participantParam(participant: string | undefined): ViolationParams {
  return participant === undefined ? {} : { participant };
}

/** Groups rows by a key, keeping list order; rows without a key are left out. */
function groupBy(rows: readonly RowFacts[], key: (row: RowFacts) => string | undefined): RowFacts[][] {
  const groups = new Map<string, RowFacts[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group === undefined) groups.set(value, [row]);
    else group.push(row);
  }
  return [...groups.values()];
}

const rowNumbers = (group: readonly RowFacts[]): number[] => group.map((row) => row.index + 1);

/** Row ids must be unique: reported once per repeated id, at its second row. */
export function duplicateRowIds(rows: readonly RowFacts[]): Violation[] {
  return groupBy(rows, (row) => row.id)
    .filter((group) => group.length > 1)
    .map((group): Violation => ({
      code: 'duplicate_row_id',
      path: ['participants', group[1]?.index ?? 0, 'id'],
      params: { value: group[0]?.id ?? '', rows: rowNumbers(group) },
    }));
}

/** The pair (СНИЛС, subject) must be unique: reported once per pair, at its second row. */
export function duplicateSnilsSubjects(rows: readonly RowFacts[]): Violation[] {
  const withBoth = rows.filter((row) => row.snils !== undefined && row.subject !== undefined);
  return groupBy(withBoth, (row) => JSON.stringify([row.snils, row.subject]))
    .filter((group) => group.length > 1)
    .map((group): Violation => {
      const [first, second] = group;
      return {
        code: 'duplicate_snils_subject',
        path: ['participants', second?.index ?? 0, 'subject'],
        params: {
          snils: first?.snils ?? '',
          subject: first?.subject ?? '',
          rows: rowNumbers(group),
          ...participantParam(first?.participant),
        },
      };
    });
}

/**
 * Rows with one СНИЛС belong to one person and must carry identical personal data: reported once per person,
 * at the first row, with every row of the person and every field that differs.
 */
export function personalDataMismatches(rows: readonly RowFacts[]): Violation[] {
  const violations: Violation[] = [];
  for (const group of groupBy(rows, (row) => row.snils)) {
    if (group.length < 2) continue;
    const fields = personalDataFields.filter((field) => {
      const values = new Set(group.map((row) => comparableValue(field, row.raw[field])));
      return values.size > 1;
    });
    if (fields.length === 0) continue;
    violations.push({
      code: 'personal_data_mismatch',
      path: ['participants', group[0]?.index ?? 0],
      params: { snils: group[0]?.snils ?? '', rows: rowNumbers(group), fields },
    });
  }
  return violations;
}

/** Every required document must be attached to the row: one violation per missing kind. */
export function missingDocuments(row: RowFacts, required: readonly DocumentKind[]): Violation[] {
  return required
    .filter((kind) => !row.attachedKinds.has(kind))
    .map((kind): Violation => {
      const surnames: ViolationParams =
        kind === 'name_change' && hasSurnameChanged(row.raw)
          ? {
              reason: 'surname_differs',
              lastName: String(row.raw['lastName']).trim(),
              diplomaSurname: String(row.raw['diplomaSurname']).trim(),
            }
          : {};
      return {
        code: 'document_missing',
        path: ['participants', row.index, 'documents'],
        params: { kind, ...surnames, ...participantParam(row.participant) },
      };
    });
}
