import { readFile } from 'node:fs/promises';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import {
  formatViolation,
  validateOrganization,
  validateParticipantRows,
  violationsFromZod,
  type Locale,
  type ProgramRules,
  type Violation,
} from '@fioco-flow/rules';
import { applicationFileSchema, checkReadableReferences, checkReferences, readableFile, type ApplicationFile } from './file-format.js';
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
  } catch {
    return { ok: false, problems: [{ path: '', message: jsonSyntaxMessage(source, locale) }] };
  }

  const parsed = applicationFileSchema.safeParse(json, { reportInput: true });
  const structureProblems = parsed.success
    ? []
    : violationsFromZod(parsed.error).map((violation) => describe(violation, locale, valueAt(json, violation.path)));
  // The requisites and rows are checked even when another part of the file is malformed, so one run lists everything.
  const valueProblems = checkValues(json, locale);
  // A file with structural problems still gets its references checked, as far as its sections can be read.
  const references = parsed.success ? checkReferences(parsed.data as ApplicationFile) : checkReadableReferences(readableFile(json));
  const referenceProblems = references.map((problem) => ({
    path: formatPath(problem.path),
    message: formatReferenceProblem(problem, locale),
  }));

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

// Keyed by jsonc-parser's error names: its codes are a const enum, which this build's module settings cannot read.
const syntaxProblems: Record<Locale, Partial<Record<ReturnType<typeof printParseErrorCode>, string>>> = {
  ru: {
    ValueExpected: 'ожидается значение',
    PropertyNameExpected: 'ожидается имя поля в двойных кавычках (нет ли лишней запятой перед «}»?)',
    CommaExpected: 'не хватает запятой',
    ColonExpected: 'после имени поля нужно двоеточие',
    CloseBraceExpected: 'не хватает закрывающей скобки «}»',
    CloseBracketExpected: 'не хватает закрывающей скобки «]»',
    EndOfFileExpected: 'после конца JSON идёт лишний текст',
    InvalidSymbol: 'недопустимый символ (строки пишутся в двойных кавычках)',
    InvalidCommentToken: 'комментарии в JSON не допускаются',
    UnexpectedEndOfString: 'строковое значение не закрыто двойной кавычкой',
    UnexpectedEndOfComment: 'комментарии в JSON не допускаются',
    UnexpectedEndOfNumber: 'число записано неверно',
    InvalidNumberFormat: 'число записано неверно',
    InvalidUnicode: 'неверная последовательность \\u в строковом значении',
    InvalidEscapeCharacter: 'неверная последовательность с обратной косой чертой в строковом значении',
    InvalidCharacter: 'недопустимый символ в строковом значении (перевод строки или табуляция пишутся как \\n и \\t)',
  },
  en: {
    ValueExpected: 'a value is expected',
    PropertyNameExpected: 'a field name in double quotes is expected (is there an extra comma before "}"?)',
    CommaExpected: 'a comma is missing',
    ColonExpected: 'a colon must follow the field name',
    CloseBraceExpected: 'a closing "}" is missing',
    CloseBracketExpected: 'a closing "]" is missing',
    EndOfFileExpected: 'text follows the end of the JSON value',
    InvalidSymbol: 'invalid symbol (strings take double quotes)',
    InvalidCommentToken: 'JSON allows no comments',
    UnexpectedEndOfString: 'a string is not closed with a double quote',
    UnexpectedEndOfComment: 'JSON allows no comments',
    UnexpectedEndOfNumber: 'a number is written wrong',
    InvalidNumberFormat: 'a number is written wrong',
    InvalidUnicode: 'invalid \\u sequence in a string',
    InvalidEscapeCharacter: 'invalid backslash sequence in a string',
    InvalidCharacter: 'invalid character in a string (write a line break or a tab as \\n and \\t)',
  },
};

/**
 * Describes the first JSON syntax error with its line and column, counted from 1. The strict parse has already
 * failed, and jsonc-parser, with comments and trailing commas turned off, finds where.
 */
function jsonSyntaxMessage(source: string, locale: Locale): string {
  const errors: ParseError[] = [];
  parseJsonc(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const ru = locale === 'ru';
  if (first === undefined) {
    return ru ? 'Файл не является корректным JSON. Проверьте запятые, кавычки и скобки.' : 'The file is not valid JSON. Check the commas, quotes and brackets.';
  }
  const before = source.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = (before.at(-1) ?? '').length + 1;
  const problem = syntaxProblems[locale][printParseErrorCode(first.error)] ?? (ru ? 'синтаксическая ошибка' : 'syntax error');
  const where =
    first.offset >= source.length
      ? ru ? `в конце файла (строка ${line}, столбец ${column})` : `at the end of the file (line ${line}, column ${column})`
      : ru ? `в строке ${line}, столбце ${column}` : `at line ${line}, column ${column}`;
  return ru
    ? `Файл не является корректным JSON: ${where} ${problem}. Проверьте запятые, кавычки и скобки.`
    : `The file is not valid JSON: ${where}, ${problem}. Check the commas, quotes and brackets.`;
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
