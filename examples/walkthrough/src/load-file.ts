import { readFile } from 'node:fs/promises';
import {
  formatViolation,
  validateOrganization,
  validateParticipantRows,
  violationsFromZod,
  type Locale,
  type ProgramRules,
} from '@fioco-flow/rules';
import { applicationFileSchema, checkReferences, type ApplicationFile } from './file-format.js';
import { formatReferenceProblem } from './texts.js';

/** One thing wrong with an application file: where (`participants[2].snils`) and what, as a sentence. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

export type LoadResult = { ok: true; file: ApplicationFile } | { ok: false; problems: FileProblem[] };

/**
 * Reads and checks an application file: JSON syntax, the file's structure, the organization's requisites and
 * every participant row as a draft would accept them (the list rules and completeness are checked later, by
 * the submit step itself), and the references between sections.
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

  const parsed = applicationFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = violationsFromZod(parsed.error).map((violation) => ({
      path: formatPath(violation.path),
      message: formatViolation(violation, locale),
    }));
    return { ok: false, problems };
  }

  const file = parsed.data as ApplicationFile;
  const programRules: ProgramRules = {
    subjects: file.program.subjects,
    requiredDocuments: file.program.requiredDocuments,
  };
  const rows = file.participants.map(({ documents, ...row }) => ({
    ...row,
    documents: documents.map((document) => ({ kind: document.kind, documentId: document.file })),
  }));
  const violations = [
    ...validateOrganization(file.organization, { stage: 'draft' }),
    ...validateParticipantRows(rows, programRules, { stage: 'draft' }),
  ];
  const problems: FileProblem[] = [
    ...violations.map((violation) => ({ path: formatPath(violation.path), message: formatViolation(violation, locale) })),
    ...checkReferences(file).map((problem) => ({
      path: formatPath(problem.path),
      message: formatReferenceProblem(problem, locale),
    })),
  ];
  return problems.length === 0 ? { ok: true, file } : { ok: false, problems };
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
