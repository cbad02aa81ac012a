import { readFile } from 'node:fs/promises';
import {
  formatViolation,
  validateOrganization,
  validateParticipantRows,
  violationsFromZod,
  type Locale,
  type ProgramRules,
  type Violation,
} from '@fioco-flow/rules';
import { applicationFileSchema, checkReferences, type ApplicationFile } from './file-format.js';
import { fileFormatMessages, formatReferenceProblem } from './texts.js';

/** One thing wrong with an application file: where (`participants[2].snils`) and what, as a sentence. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

export type LoadResult = { ok: true; file: ApplicationFile } | { ok: false; problems: FileProblem[] };

/**
 * Reads and checks an application file: JSON syntax, the file's structure, the organization's requisites and
 * every participant row as a draft would accept them, and the references between sections. The list rules and
 * completeness are left to the scenario's submit step. Each path is reported once, with its first problem.
 */
export async function loadApplicationFile(path: string, locale: Locale = 'ru'): Promise<LoadResult> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: unreadableMessage(path, error, locale) }] };
  }
  return parseApplicationFile(source, locale);
}

/** Checks the text of an application file; see `loadApplicationFile`. */
export function parseApplicationFile(source: string, locale: Locale = 'ru'): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message =
      locale === 'ru'
        ? `Файл не является корректным JSON: ${detail}. Проверьте запятые, кавычки и скобки.`
        : `The file is not valid JSON: ${detail}. Check the commas, quotes and brackets.`;
    return { ok: false, problems: [{ path: '', message }] };
  }

  const parsed = applicationFileSchema.safeParse(json, { reportInput: true });
  const structureProblems = parsed.success
    ? []
    : violationsFromZod(parsed.error).map((violation) => describe(violation, locale, valueAt(json, violation.path)));
  // The requisites and rows are checked even when another part of the file is malformed, so one run lists everything.
  const valueProblems = checkValues(json, locale);
  const referenceProblems = parsed.success
    ? checkReferences(parsed.data as ApplicationFile).map((problem) => ({
        path: formatPath(problem.path),
        message: formatReferenceProblem(problem, locale),
      }))
    : [];

  const problems = firstPerPath([...structureProblems, ...valueProblems, ...referenceProblems]);
  return parsed.success && problems.length === 0 ? { ok: true, file: parsed.data as ApplicationFile } : { ok: false, problems };
}

/** Checks the organization's requisites and the participant rows with the rules a draft applies. */
function checkValues(json: unknown, locale: Locale): FileProblem[] {
  if (!isRecord(json)) return [];
  const violations: Violation[] = [];

  if (isRecord(json['organization'])) violations.push(...validateOrganization(json['organization'], { stage: 'draft' }));

  const participants = json['participants'];
  const program = json['program'];
  if (Array.isArray(participants) && isRecord(program)) {
    const programRules = {
      subjects: Array.isArray(program['subjects']) ? program['subjects'] : [],
      requiredDocuments: Array.isArray(program['requiredDocuments']) ? program['requiredDocuments'] : [],
    } as ProgramRules;
    const rows = participants.map((row: unknown) => (isRecord(row) ? withDocumentIds(row) : row));
    violations.push(...validateParticipantRows(rows, programRules, { stage: 'draft' }));
  }
  return violations.map((violation) => describe(violation, locale, valueAt(json, violation.path)));
}

/** Converts a file row to the rules' shape, where documents name a `documentId` (here the file id) in place of `file`. */
function withDocumentIds(row: Record<string, unknown>): Record<string, unknown> {
  const documents = Array.isArray(row['documents']) ? row['documents'] : [];
  return {
    ...row,
    documents: documents.map((document: unknown) =>
      isRecord(document) ? { kind: document['kind'], documentId: document['file'] } : document,
    ),
  };
}

/** Renders a violation, with wording of its own where the file's format differs from a form field's. */
function describe(violation: Violation, locale: Locale, given: unknown): FileProblem {
  const path = formatPath(violation.path);
  const field = violation.path.at(-1);
  const value = typeof given === 'string' ? given : violation.params['value'];
  if (violation.code === 'invalid_date' && field === 'at') {
    return { path, message: fileFormatMessages[locale].invalidInstant(value === undefined ? undefined : String(value)) };
  }
  if (violation.code === 'invalid_input' && field === 'action') {
    return { path, message: fileFormatMessages[locale].unknownAction(value === undefined ? undefined : String(value)) };
  }
  return { path, message: formatViolation(violation, locale) };
}

/** Returns the value at a path of the parsed JSON, or `undefined` when the path leads nowhere. */
function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function firstPerPath(problems: readonly FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (seen.has(problem.path)) return false;
    seen.add(problem.path);
    return true;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes a path the way it reads in the JSON file: keys joined by dots, array indexes in brackets, counted
 * from 0 (`participants[2].snils` is the third row).
 */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? key : `${text}.${key}`;
  }, '');
}

function unreadableMessage(path: string, error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return locale === 'ru'
      ? `Файл ${path} не найден. Укажите путь к файлу заявки (JSON).`
      : `File ${path} not found. Give the path to an application file (JSON).`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return locale === 'ru' ? `Не удалось прочитать файл ${path}: ${detail}.` : `Could not read file ${path}: ${detail}.`;
}
