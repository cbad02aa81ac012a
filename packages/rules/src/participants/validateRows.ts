import { valueTypeName } from '../messages/_lib/valueType.js';
import type { Violation, ViolationParams } from '../messages/violation.js';
import { violationsFromZod } from '../messages/zod.js';
import { invalidDateError, isIsoDate } from '../shared/isoDate.js';
import type { IsoDate } from '../shared/types.js';
import {
  duplicateRowIds,
  duplicateSnilsSubjects,
  missingDocuments,
  personalDataMismatches,
  rowFacts,
  type RowFacts,
} from './_lib/listRules.js';
import { ageOn, participantAgeRange } from './age.js';
import { requiredDocumentKinds } from './documents.js';
import type { ProgramRules } from './model.js';
import { participantRowDraftSchema, participantRowSchema } from './rowSchema.js';

/**
 * Moment at which data is checked. A `'draft'` check accepts missing values but not ill-formed ones. A
 * `'submission'` check also requires every field and applies the rules over the whole list.
 */
export type ValidationStage = 'draft' | 'submission';

/** Options of `validateParticipantRows`. */
export interface ValidateParticipantRowsOptions {
  /** `'submission'` by default. */
  readonly stage?: ValidationStage;
  /**
   * Date on which every participant must be 18 to 100 years old, usually the course's first day. The age is not
   * checked without it, because the rules never read the clock.
   */
  readonly asOf?: IsoDate;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertProgramRules(program: ProgramRules): void {
  if (!isRecord(program) || !Array.isArray(program.subjects) || !Array.isArray(program.requiredDocuments)) {
    throw new TypeError(
      'Invalid program: expected { subjects: [{ id, title }], requiredDocuments: [...] }. Pass the program the rows belong to.',
    );
  }
}

/** Adds the participant's initials to the violations of one row, so that messages can name the person. */
function withParticipant(violations: readonly Violation[], participant: string | undefined): Violation[] {
  if (participant === undefined) return [...violations];
  return violations.map((violation) => ({ ...violation, params: { ...violation.params, participant } }));
}

/** Runs the checks of one row on its own: its fields, the participant's age, its subject and its documents. */
function rowViolations(
  facts: RowFacts,
  program: ProgramRules,
  stage: ValidationStage,
  asOf: IsoDate | undefined,
): Violation[] {
  const schema = stage === 'draft' ? participantRowDraftSchema : participantRowSchema;
  const result = schema.safeParse(facts.raw, { reportInput: true });
  const violations = result.success ? [] : violationsFromZod(result.error, ['participants', facts.index]);

  const birthDate = facts.raw['birthDate'];
  if (asOf !== undefined && isIsoDate(birthDate)) {
    const age = ageOn(birthDate, asOf);
    if (age < participantAgeRange.minimum || age > participantAgeRange.maximum) {
      violations.push({
        code: 'birth_date_out_of_range',
        path: ['participants', facts.index, 'birthDate'],
        params: {
          value: birthDate,
          asOf,
          age,
          minimumAge: participantAgeRange.minimum,
          maximumAge: participantAgeRange.maximum,
        },
      });
    }
  }

  const subjectIds = program.subjects.map((subject) => subject.id);
  if (facts.subject !== undefined && !subjectIds.includes(facts.subject)) {
    violations.push({
      code: 'subject_not_in_program',
      path: ['participants', facts.index, 'subject'],
      params: { value: facts.subject, allowed: subjectIds },
    });
  }

  if (stage === 'submission') {
    violations.push(...missingDocuments(facts, requiredDocumentKinds(facts.raw, program)));
  }
  return withParticipant(violations, facts.participant);
}

/**
 * Checks a list of participant rows and reports every violation at once, each with the path
 * `['participants', index, field]`. The index is 0-based, and messages show the 1-based row number and the
 * participant's initials.
 *
 * Each row is checked against `participantRowDraftSchema` at the draft stage and against `participantRowSchema`
 * at submission. Its subject must be one of the program's subjects, and with `asOf` the participant must be 18 to
 * 100 years old on that date. At submission the list rules apply as well:
 * - the list has at least one row (`no_participants`), and row ids are unique (`duplicate_row_id`);
 * - each row has every required document attached (`document_missing`, see `requiredDocumentKinds`);
 * - a СНИЛС appears at most once per subject (`duplicate_snils_subject`, `params.rows` lists the rows);
 * - the rows of one СНИЛС carry identical personal data (`personal_data_mismatch`, reported once with the rows
 *   in `params.rows` and the fields that differ in `params.fields`).
 *
 * Rows are returned in list order, each row's violations first, then those of the whole list.
 *
 * @example
 * validateParticipantRows([row], program, { stage: 'submission', asOf: '2026-03-16' })
 * //=> [] for a valid row of a participant aged 18 to 100 on 16 March 2026
 * validateParticipantRows([], program)
 * //=> [{ code: 'no_participants', path: ['participants'], params: {} }]
 * @throws {TypeError} when `program` lacks `subjects` or `requiredDocuments`, `options.stage` is not a stage, or
 * `options.asOf` is not an existing date written 'YYYY-MM-DD'
 */
export function validateParticipantRows(
  rows: readonly unknown[],
  program: ProgramRules,
  options: ValidateParticipantRowsOptions = {},
): Violation[] {
  const stage = options.stage ?? 'submission';
  if (stage !== 'draft' && stage !== 'submission') {
    throw new TypeError(`Unknown stage ${JSON.stringify(stage)}: pass 'draft' or 'submission'.`);
  }
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw invalidDateError(options.asOf, 'asOf date');
  assertProgramRules(program);
  if (!Array.isArray(rows)) {
    return [{ code: 'invalid_type', path: ['participants'], params: { expected: 'array', received: valueTypeName(rows) } }];
  }

  const violations: Violation[] = [];
  const facts: RowFacts[] = [];
  rows.forEach((row: unknown, index) => {
    if (!isRecord(row)) {
      const code = row === undefined || row === null ? 'required' : 'invalid_type';
      const params: ViolationParams = code === 'required' ? {} : { expected: 'object', received: valueTypeName(row) };
      violations.push({ code, path: ['participants', index], params });
      return;
    }
    const factsOfRow = rowFacts(row, index);
    facts.push(factsOfRow);
    violations.push(...rowViolations(factsOfRow, program, stage, options.asOf));
  });

  if (stage === 'submission') {
    if (rows.length === 0) violations.push({ code: 'no_participants', path: ['participants'], params: {} });
    violations.push(...duplicateRowIds(facts), ...duplicateSnilsSubjects(facts), ...personalDataMismatches(facts));
  }
  return violations;
}
