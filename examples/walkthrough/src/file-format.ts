import { z } from 'zod';

/**
 * The application file the walkthrough runs. It holds the program as the institute's system would, the
 * organization's requisites, the people who act, the participant rows and the file references. Its scenario is
 * a list of dated steps, each a command from one actor.
 *
 * This module checks the structure and, in `checkReferences`, the references between sections. The values of
 * the organization and the participant rows (СНИЛС checksums, ИНН, phones) are checked by `@fioco-flow/rules`
 * in `load-file.ts`.
 */

const id = z.string().trim().min(1).max(100);
const text = z.string().trim().min(1).max(4000);
const isoDate = z.iso.date();
/** An instant with its offset, e.g. `2026-02-24T10:15:00+03:00` (Moscow time). */
const instant = z.iso.datetime({ offset: true });

export const documentKindSchema = z.enum(['diploma', 'snils', 'name_change', 'passport', 'employment_record', 'other']);
export type DocumentKind = z.infer<typeof documentKindSchema>;

const localizedText = z.strictObject({ ru: text, en: text });

export const fileRefSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(255),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const programSchema = z.strictObject({
  id,
  title: localizedText,
  hours: z.int().min(1),
  courseStart: isoDate,
  courseEnd: isoDate,
  courseUrl: z.url(),
  /** Price of one participant row in kopecks. */
  pricePerRow: z.int().min(1),
  subjects: z.array(z.strictObject({ id, title: localizedText })).min(1),
  requiredDocuments: z.array(documentKindSchema),
  /** File ids of the institute's templates: a contract draft per payment terms and the consent form. */
  templates: z.strictObject({
    contract: z.strictObject({ prepayment: id, postpayment: id }),
    consentForm: id,
  }),
});
export type ProgramData = z.infer<typeof programSchema>;

export const actorSchema = z.strictObject({
  id,
  role: z.enum(['representative', 'staff']),
  name: text,
  position: text,
  /** The organization a representative acts for; the file's own organization when left out. */
  organizationId: id.optional(),
});
export type ActorData = z.infer<typeof actorSchema>;

/**
 * A participant row as typed by the representative. Its personal-data fields are checked by the rules'
 * participant schema, so they pass through here untouched; only the id and the attached files are structure.
 */
export const participantEntrySchema = z.looseObject({
  id,
  documents: z.array(z.strictObject({ kind: documentKindSchema, file: id })),
});
export type ParticipantEntry = z.infer<typeof participantEntrySchema> & Record<string, unknown>;

const documentSlot = { row: id, kind: documentKindSchema };

const stepBase = {
  at: instant,
  /** An actor's id from `actors`, or `system` for the clock. */
  actor: id,
  /** Expected outcome of the step; a different outcome makes the run exit with code 3. */
  expect: z.enum(['accepted', 'refused']).optional(),
  note: text.optional(),
};

const step = <TAction extends string, TShape extends z.ZodRawShape>(action: TAction, shape: TShape) =>
  z.strictObject({ ...stepBase, action: z.literal(action), ...shape });

export const stepSchema = z.discriminatedUnion('action', [
  step('create_draft', {}),
  step('fill_draft', {
    paymentTerms: z.enum(['prepayment', 'postpayment']).optional(),
    delivery: z.enum(['paper', 'electronic']).optional(),
    platformName: text.optional(),
    comment: text.optional(),
  }),
  step('add_rows', { rows: z.array(id).min(1) }),
  step('remove_row', { row: id }),
  step('give_consents', {}),
  step('submit', {}),
  step('discard', {}),
  step('accept_documents', { documents: z.array(z.strictObject(documentSlot)).min(1).optional() }),
  step('reject_document', { ...documentSlot, reason: text }),
  step('request_document', { ...documentSlot, reason: text }),
  step('replace_document', { ...documentSlot, file: id }),
  step('post_message', { text, attachments: z.array(id).optional() }),
  step('take_into_work', {}),
  step('decline', { reason: text }),
  step('withdraw', { reason: text }),
  step('upload_signed_contract', { contract: id, consent: id, platformContractNumber: text.optional() }),
  step('return_signed_contract', { reason: text }),
  step('confirm_contract', {}),
  step('send_contract', { file: id }),
  step('send_invoice', { file: id }),
  step('record_payment', { paidOn: isoDate, amount: z.int().min(1), reference: text }),
  step('issue_closing_documents', { act: id, invoice: id.optional() }),
  step('upload_signed_act', { file: id }),
  step('record_originals_sent', { trackingNumber: text }),
  step('record_originals_received', {}),
  step('record_act_signed_on_platform', {}),
  step('record_results', { results: z.array(z.strictObject({ row: id, passed: z.boolean() })).min(1) }),
  step('dispatch_package', { trackingNumber: text }),
  step('dispatch_certificates', { trackingNumber: text }),
  step('close', { reason: text }),
  step('tick', {}),
]);
export type Step = z.infer<typeof stepSchema>;
export type StepAction = Step['action'];

/** Every action a step may name. */
export const stepActions: readonly StepAction[] = stepSchema.options.map((option) => option.shape.action.value);

export const applicationFileSchema = z.strictObject({
  title: text,
  program: programSchema,
  /** Requisites as typed into the form; checked by the rules' organization schema. */
  organization: z.record(z.string(), z.unknown()),
  actors: z.array(actorSchema).min(1),
  participants: z.array(participantEntrySchema),
  files: z.array(fileRefSchema),
  steps: z.array(stepSchema).min(1),
});
export type ApplicationFile = Omit<z.infer<typeof applicationFileSchema>, 'participants'> & {
  participants: ParticipantEntry[];
};

/** The actor id that stands for the clock in `tick` steps. */
export const SYSTEM_ACTOR = 'system';

/** A problem found across sections of a structurally valid file. */
export interface ReferenceProblem {
  readonly path: readonly (string | number)[];
  readonly code: ReferenceProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ReferenceProblemCode =
  | 'duplicate_id'
  | 'unknown_actor'
  | 'unknown_row'
  | 'unknown_file'
  | 'unknown_subject'
  | 'system_step_not_tick'
  | 'tick_not_system'
  | 'first_step_not_create'
  | 'second_create'
  | 'steps_out_of_order'
  | 'course_dates_reversed';

/**
 * Sections of an application file as far as they could be read. An entry is `undefined` when it has no readable
 * id, and `program` when the section does not match its schema. A step keeps the fields that were readable.
 */
export interface ReadableFile {
  readonly program: ProgramData | undefined;
  readonly actors: readonly (IdOnly | undefined)[];
  readonly participants: readonly (ParticipantEntry | IdOnly | undefined)[];
  readonly files: readonly (IdOnly | undefined)[];
  readonly steps: readonly (ReadableStep | undefined)[];
}

interface IdOnly {
  readonly id: string;
}

/** A step's readable fields, and the whole step when it matched its schema. */
export interface ReadableStep {
  readonly at?: string | undefined;
  readonly actor?: string | undefined;
  readonly action?: StepAction | undefined;
  readonly step?: Step | undefined;
}

/** Checks what a schema cannot: ids are unique, every reference names something in the file, steps are in time order. */
export function checkReferences(file: ApplicationFile): ReferenceProblem[] {
  return checkReadableReferences({
    program: file.program,
    actors: file.actors,
    participants: file.participants,
    files: file.files,
    steps: file.steps.map((step) => ({ at: step.at, actor: step.actor, action: step.action, step })),
  });
}

/**
 * Runs the checks of `checkReferences` on a file with structural problems, so that both kinds are reported in one
 * run. A reference is reported unknown only when every entry of the section it points into has a readable id.
 */
export function checkReadableReferences(file: ReadableFile): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: (string | number)[], code: ReferenceProblemCode, params: Record<string, string | number> = {}) =>
    problems.push({ path, code, params });

  const fileIds = uniqueIds(file.files, 'files', report);
  const rowIds = uniqueIds(file.participants, 'participants', report);
  const actorIds = uniqueIds(file.actors, 'actors', report);
  const { program } = file;
  const subjectIds = program === undefined ? undefined : uniqueIds(program.subjects, ['program', 'subjects'], report);

  const requireFile = (path: (string | number)[], fileId: string) => {
    if (fileIds !== undefined && !fileIds.has(fileId)) report(path, 'unknown_file', { id: fileId });
  };
  const requireRow = (path: (string | number)[], rowId: string) => {
    if (rowIds !== undefined && !rowIds.has(rowId)) report(path, 'unknown_row', { id: rowId });
  };

  if (program !== undefined) {
    if (program.courseEnd < program.courseStart) {
      report(['program', 'courseEnd'], 'course_dates_reversed', { start: program.courseStart, end: program.courseEnd });
    }
    requireFile(['program', 'templates', 'contract', 'prepayment'], program.templates.contract.prepayment);
    requireFile(['program', 'templates', 'contract', 'postpayment'], program.templates.contract.postpayment);
    requireFile(['program', 'templates', 'consentForm'], program.templates.consentForm);
  }

  file.participants.forEach((row, index) => {
    if (row === undefined || !('documents' in row)) return;
    if (subjectIds !== undefined && typeof row['subject'] === 'string' && !subjectIds.has(row['subject'])) {
      report(['participants', index, 'subject'], 'unknown_subject', { id: row['subject'] });
    }
    row.documents.forEach((document, documentIndex) =>
      requireFile(['participants', index, 'documents', documentIndex, 'file'], document.file),
    );
  });

  file.steps.forEach((step, index) => {
    if (step === undefined) return;
    const path = ['steps', index];
    if (step.actor !== undefined && step.action !== undefined) checkStepActor(step.actor, step.action, [...path, 'actor'], actorIds, report);

    if (index === 0 && step.action !== undefined && step.action !== 'create_draft') report([...path, 'action'], 'first_step_not_create', {});
    if (index > 0 && step.action === 'create_draft') report([...path, 'action'], 'second_create', {});
    const previous = file.steps[index - 1]?.at;
    if (previous !== undefined && step.at !== undefined && Date.parse(step.at) < Date.parse(previous)) {
      report([...path, 'at'], 'steps_out_of_order', { at: step.at, previous });
    }

    for (const [field, value] of step.step === undefined ? [] : stepReferences(step.step)) {
      if (value.kind === 'row') requireRow([...path, ...field], value.id);
      else requireFile([...path, ...field], value.id);
    }
  });

  return problems;
}

/** Reads what it can of a file that does not match `applicationFileSchema`, for `checkReadableReferences`. */
export function readableFile(json: unknown): ReadableFile {
  const root = isRecord(json) ? json : {};
  const program = programSchema.safeParse(root['program']);
  const entries = <T>(value: unknown, read: (entry: unknown) => T | undefined): (T | undefined)[] =>
    Array.isArray(value) ? value.map(read) : [undefined];
  const participant = (entry: unknown) => {
    const parsed = participantEntrySchema.safeParse(entry);
    return parsed.success ? (parsed.data as ParticipantEntry) : readableId(entry);
  };

  return {
    program: program.success ? program.data : undefined,
    actors: entries(root['actors'], readableId),
    participants: entries(root['participants'], participant),
    files: entries(root['files'], readableId),
    steps: Array.isArray(root['steps']) ? root['steps'].map(readableStep) : [],
  };
}

function readableId(entry: unknown): IdOnly | undefined {
  const parsed = id.safeParse(isRecord(entry) ? entry['id'] : undefined);
  return parsed.success ? { id: parsed.data } : undefined;
}

function readableStep(entry: unknown): ReadableStep | undefined {
  if (!isRecord(entry)) return undefined;
  const parsed = stepSchema.safeParse(entry);
  if (parsed.success) return { at: parsed.data.at, actor: parsed.data.actor, action: parsed.data.action, step: parsed.data };

  const at = instant.safeParse(entry['at']);
  const actor = id.safeParse(entry['actor']);
  const action = stepActions.find((known) => known === entry['action']);
  return { at: at.success ? at.data : undefined, actor: actor.success ? actor.data : undefined, action };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects a section's ids, reporting duplicates; `undefined` when an entry has no readable id. */
function uniqueIds(
  items: readonly (IdOnly | undefined)[],
  section: string | string[],
  report: (path: (string | number)[], code: ReferenceProblemCode, params: Record<string, string | number>) => void,
): Set<string> | undefined {
  const seen = new Set<string>();
  const prefix = typeof section === 'string' ? [section] : section;
  let complete = true;
  items.forEach((item, index) => {
    if (item === undefined) {
      complete = false;
      return;
    }
    if (seen.has(item.id)) report([...prefix, index, 'id'], 'duplicate_id', { id: item.id });
    seen.add(item.id);
  });
  return complete ? seen : undefined;
}

function checkStepActor(
  actor: string,
  action: StepAction,
  path: (string | number)[],
  actorIds: ReadonlySet<string> | undefined,
  report: (path: (string | number)[], code: ReferenceProblemCode, params: Record<string, string | number>) => void,
): void {
  if (actor === SYSTEM_ACTOR) {
    if (action !== 'tick') report(path, 'system_step_not_tick', { action });
    return;
  }
  if (action === 'tick') report(path, 'tick_not_system', { actor });
  else if (actorIds !== undefined && !actorIds.has(actor)) report(path, 'unknown_actor', { id: actor });
}

type Reference = { kind: 'row' | 'file'; id: string };

/** Lists the rows and files a step names, each with its path inside the step. */
function stepReferences(step: Step): [(string | number)[], Reference][] {
  const row = (value: string): Reference => ({ kind: 'row', id: value });
  const file = (value: string): Reference => ({ kind: 'file', id: value });

  switch (step.action) {
    case 'add_rows':
      return step.rows.map((value, index) => [['rows', index], row(value)]);
    case 'remove_row':
    case 'reject_document':
    case 'request_document':
      return [[['row'], row(step.row)]];
    case 'replace_document':
      return [
        [['row'], row(step.row)],
        [['file'], file(step.file)],
      ];
    case 'accept_documents':
      return (step.documents ?? []).map((slot, index) => [['documents', index, 'row'], row(slot.row)]);
    case 'post_message':
      return (step.attachments ?? []).map((value, index) => [['attachments', index], file(value)]);
    case 'upload_signed_contract':
      return [
        [['contract'], file(step.contract)],
        [['consent'], file(step.consent)],
      ];
    case 'send_contract':
    case 'send_invoice':
    case 'upload_signed_act':
      return [[['file'], file(step.file)]];
    case 'issue_closing_documents':
      return [[['act'], file(step.act)], ...(step.invoice ? [[['invoice'], file(step.invoice)] as [string[], Reference]] : [])];
    case 'record_results':
      return step.results.map((result, index) => [['results', index, 'row'], row(result.row)]);
    default:
      return [];
  }
}
