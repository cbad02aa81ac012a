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

/** Checks what a schema cannot: ids are unique, every reference names something in the file, steps are in time order. */
export function checkReferences(file: ApplicationFile): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: (string | number)[], code: ReferenceProblemCode, params: Record<string, string | number> = {}) =>
    problems.push({ path, code, params });

  const fileIds = uniqueIds(file.files, 'files', report);
  const rowIds = uniqueIds(file.participants, 'participants', report);
  const actorIds = uniqueIds(file.actors, 'actors', report);
  const subjectIds = uniqueIds(file.program.subjects, ['program', 'subjects'], report);

  const requireFile = (path: (string | number)[], fileId: string) => {
    if (!fileIds.has(fileId)) report(path, 'unknown_file', { id: fileId });
  };
  const requireRow = (path: (string | number)[], rowId: string) => {
    if (!rowIds.has(rowId)) report(path, 'unknown_row', { id: rowId });
  };

  const { program } = file;
  if (program.courseEnd < program.courseStart) {
    report(['program', 'courseEnd'], 'course_dates_reversed', { start: program.courseStart, end: program.courseEnd });
  }
  requireFile(['program', 'templates', 'contract', 'prepayment'], program.templates.contract.prepayment);
  requireFile(['program', 'templates', 'contract', 'postpayment'], program.templates.contract.postpayment);
  requireFile(['program', 'templates', 'consentForm'], program.templates.consentForm);

  file.participants.forEach((row, index) => {
    if (typeof row['subject'] === 'string' && !subjectIds.has(row['subject'])) {
      report(['participants', index, 'subject'], 'unknown_subject', { id: row['subject'] });
    }
    row.documents.forEach((document, documentIndex) =>
      requireFile(['participants', index, 'documents', documentIndex, 'file'], document.file),
    );
  });

  file.steps.forEach((step, index) => {
    const path = ['steps', index];
    checkStepActor(step, [...path, 'actor'], actorIds, report);

    if (index === 0 && step.action !== 'create_draft') report([...path, 'action'], 'first_step_not_create', {});
    if (index > 0 && step.action === 'create_draft') report([...path, 'action'], 'second_create', {});
    const previous = file.steps[index - 1];
    if (previous && Date.parse(step.at) < Date.parse(previous.at)) {
      report([...path, 'at'], 'steps_out_of_order', { at: step.at, previous: previous.at });
    }

    for (const [field, value] of stepReferences(step)) {
      if (value.kind === 'row') requireRow([...path, ...field], value.id);
      else requireFile([...path, ...field], value.id);
    }
  });

  return problems;
}

function uniqueIds(
  items: readonly { id: string }[],
  section: string | string[],
  report: (path: (string | number)[], code: ReferenceProblemCode, params: Record<string, string | number>) => void,
): Set<string> {
  const seen = new Set<string>();
  const prefix = typeof section === 'string' ? [section] : section;
  items.forEach((item, index) => {
    if (seen.has(item.id)) report([...prefix, index, 'id'], 'duplicate_id', { id: item.id });
    seen.add(item.id);
  });
  return seen;
}

function checkStepActor(
  step: Step,
  path: (string | number)[],
  actorIds: ReadonlySet<string>,
  report: (path: (string | number)[], code: ReferenceProblemCode, params: Record<string, string | number>) => void,
): void {
  if (step.actor === SYSTEM_ACTOR) {
    if (step.action !== 'tick') report(path, 'system_step_not_tick', { action: step.action });
    return;
  }
  if (step.action === 'tick') report(path, 'tick_not_system', { actor: step.actor });
  else if (!actorIds.has(step.actor)) report(path, 'unknown_actor', { id: step.actor });
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
