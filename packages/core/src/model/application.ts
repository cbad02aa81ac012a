import { educationLevels, sexes } from '@fioco-flow/rules';
import { z } from 'zod';
import { actorSchema } from './actor.js';
import { fileRefSchema } from './file.js';
import {
  deliverySchema,
  documentKindSchema,
  instantSchema,
  isoDateSchema,
  paymentTermsSchema,
  programSchema,
} from './program.js';

/**
 * Requisites of the organization for the contract as stored in an application. Every field is optional while
 * the application is a draft; submission requires them all except `email` and `phone`.
 */
export const organizationFieldsSchema = z.object({
  fullName: z.string().optional(),
  inn: z.string().optional(),
  kpp: z.string().optional(),
  ogrn: z.string().optional(),
  postalAddress: z.string().optional(),
  headName: z.string().optional(),
  headPosition: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

/**
 * Requisites of the organization as stored: see {@link organizationFieldsSchema}.
 *
 * @example
 * ```ts
 * import type { OrganizationFields } from '@fioco-flow/core';
 *
 * const requisites: OrganizationFields = { inn: '6912004726', kpp: '691201001', ogrn: '1026912004371' };
 * ```
 */
export type OrganizationFields = z.infer<typeof organizationFieldsSchema>;

/**
 * The consent checkboxes of the application form; submission requires every one checked.
 *
 * @example
 * ```ts
 * import { consentKeys } from '@fioco-flow/core';
 *
 * consentKeys; //=> ['personalData', 'dataAccuracy']
 * ```
 */
export const consentKeys = ['personalData', 'dataAccuracy'] as const;

/**
 * One of {@link consentKeys}.
 *
 * @example
 * ```ts
 * import type { ConsentKey } from '@fioco-flow/core';
 *
 * const consent: ConsentKey = 'personalData';
 * ```
 */
export type ConsentKey = (typeof consentKeys)[number];

/** The application form apart from the participant rows. */
export const applicationFormSchema = z.object({
  organization: organizationFieldsSchema,
  paymentTerms: paymentTermsSchema.nullable(),
  delivery: deliverySchema.nullable(),
  /** Name of the electronic trading platform; required under electronic delivery. */
  platformName: z.string().nullable(),
  comment: z.string().nullable(),
  consents: z.object({ personalData: z.boolean(), dataAccuracy: z.boolean() }),
});

/**
 * The application form apart from the participant rows: see {@link applicationFormSchema}.
 *
 * @example
 * ```ts
 * import type { ApplicationForm } from '@fioco-flow/core';
 *
 * const form: ApplicationForm = {
 *   organization: { inn: '6912004726' },
 *   paymentTerms: 'prepayment',
 *   delivery: 'electronic',
 *   platformName: 'РТС-тендер',
 *   comment: null,
 *   consents: { personalData: true, dataAccuracy: false },
 * };
 * ```
 */
export type ApplicationForm = z.infer<typeof applicationFormSchema>;

/**
 * A participant row as stored: one participant with one subject. Fields may be missing in a draft; the documents
 * are not stored in the row but derived from the application's documents (see `rowsWithDocuments`).
 */
export const participantRowDataSchema = z.object({
  id: z.string().min(1),
  subject: z.string().optional(),
  lastName: z.string().optional(),
  firstName: z.string().optional(),
  patronymic: z.string().optional(),
  sex: z.enum(sexes).optional(),
  birthDate: z.string().optional(),
  citizenship: z.string().optional(),
  snils: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  position: z.string().optional(),
  education: z.enum(educationLevels).optional(),
  diplomaSurname: z.string().optional(),
  diplomaSeries: z.string().optional(),
  diplomaNumber: z.string().optional(),
});

/**
 * A participant row as stored: see {@link participantRowDataSchema}.
 *
 * @example
 * ```ts
 * import type { ParticipantRowData } from '@fioco-flow/core';
 *
 * const draftRow: ParticipantRowData = { id: 'row-1', subject: 'russian', lastName: 'Кузнецова', snils: '128-475-036 71' };
 * ```
 */
export type ParticipantRowData = z.infer<typeof participantRowDataSchema>;

/**
 * The fields of a participant row that carry personal data: hidden from actors other than the owner and staff.
 *
 * @example
 * ```ts
 * import { personalDataFields } from '@fioco-flow/core';
 *
 * personalDataFields.includes('snils'); //=> true
 * ```
 */
export const personalDataFields = [
  'lastName',
  'firstName',
  'patronymic',
  'sex',
  'birthDate',
  'citizenship',
  'snils',
  'email',
  'phone',
  'position',
  'education',
  'diplomaSurname',
  'diplomaSeries',
  'diplomaNumber',
] as const satisfies readonly (keyof ParticipantRowData)[];

/** A computed deadline as stored: its last day, the instant it ends, and whether a provisional year was used. */
export const deadlineSummarySchema = z.object({
  date: isoDateSchema,
  endsAt: instantSchema,
  provisional: z.boolean(),
});

/**
 * A deadline as stored: see {@link deadlineSummarySchema}.
 *
 * @example
 * ```ts
 * import type { DeadlineSummary } from '@fioco-flow/core';
 *
 * const submission: DeadlineSummary = { date: '2026-03-04', endsAt: '2026-03-04T21:00:00.000Z', provisional: false };
 * ```
 */
export type DeadlineSummary = z.infer<typeof deadlineSummarySchema>;

/** Review status of a participant document. */
export const documentStatusSchema = z.enum(['pending', 'accepted', 'rejected', 'requested']);

/**
 * Review status of a participant document: see {@link documentStatusSchema}.
 *
 * @example
 * ```ts
 * import type { DocumentStatus } from '@fioco-flow/core';
 *
 * const status: DocumentStatus = 'rejected';
 * ```
 */
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/** One uploaded version of a document; every version is kept. */
export const documentVersionSchema = z.object({
  file: fileRefSchema,
  uploadedAt: instantSchema,
  uploadedBy: z.string(),
  /** Review due date of this version: set for uploads after submission (replacements). */
  reviewDue: deadlineSummarySchema.optional(),
  /** How staff decided on this version. */
  outcome: z
    .object({ status: z.enum(['accepted', 'rejected']), reason: z.string().optional(), at: instantSchema, by: z.string() })
    .optional(),
});

/**
 * One uploaded version of a document: see {@link documentVersionSchema}.
 *
 * @example
 * ```ts
 * import type { DocumentVersion } from '@fioco-flow/core';
 *
 * function wasRejected(version: DocumentVersion): boolean {
 *   return version.outcome?.status === 'rejected';
 * }
 * ```
 */
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

/**
 * A participant document: its kind, the rows it belongs to (rows of one person may share a file), its versions and
 * its review status. A document staff requested has status `requested` and no versions until the organization
 * uploads one.
 */
export const participantDocumentSchema = z.object({
  id: z.string().min(1),
  kind: documentKindSchema,
  rowIds: z.array(z.string()).min(1),
  versions: z.array(documentVersionSchema),
  status: documentStatusSchema,
  /** Reason of a rejection or of a request. */
  reason: z.string().optional(),
  /** When and by whom the status was last set by staff. */
  reviewedAt: instantSchema.optional(),
  reviewedBy: z.string().optional(),
  /** Review due date of the current version: the application's review deadline, or the replacement's own. */
  reviewDue: deadlineSummarySchema.optional(),
});

/**
 * A participant document: see {@link participantDocumentSchema}.
 *
 * @example
 * ```ts
 * import type { ParticipantDocument } from '@fioco-flow/core';
 *
 * function current(document: ParticipantDocument) {
 *   return document.versions.at(-1)?.file;
 * }
 * ```
 */
export type ParticipantDocument = z.infer<typeof participantDocumentSchema>;

/** A message of the application's thread; documents the institute sends arrive as messages with attachments. */
export const messageSchema = z.object({
  id: z.string().min(1),
  author: actorSchema,
  text: z.string(),
  attachments: z.array(fileRefSchema),
  at: instantSchema,
  /** The command that posted it when it is not a plain `message.post`, e.g. `closing.issue` for the act. */
  source: z.string().optional(),
});

/**
 * A message of the application's thread: see {@link messageSchema}.
 *
 * @example
 * ```ts
 * import type { Message } from '@fioco-flow/core';
 *
 * const message: Message = {
 *   id: 'm-1',
 *   author: { id: 'staff-lebedev', role: 'staff' },
 *   text: 'Направляем акт об оказании услуг',
 *   attachments: [{ id: 'f-act', name: 'Акт.pdf', mediaType: 'application/pdf', size: 91_204, sha256: 'c'.repeat(64) }],
 *   at: '2026-03-27T07:00:00.000Z',
 *   source: 'closing.issue',
 * };
 * ```
 */
export type Message = z.infer<typeof messageSchema>;

/** A payment as staff record it: amount in kopecks, the day it was paid, the bank reference. */
export const paymentSchema = z.object({
  id: z.string().min(1),
  amount: z.number().int().positive(),
  paidOn: isoDateSchema,
  reference: z.string(),
  recordedAt: instantSchema,
  recordedBy: z.string(),
});

/**
 * A recorded payment: see {@link paymentSchema}.
 *
 * @example
 * ```ts
 * import type { Payment } from '@fioco-flow/core';
 *
 * const payment: Payment = {
 *   id: 'p-1',
 *   amount: 900_000,
 *   paidOn: '2026-03-12',
 *   reference: 'п/п № 418',
 *   recordedAt: '2026-03-13T08:00:00.000Z',
 *   recordedBy: 'staff-lebedev',
 * };
 * ```
 */
export type Payment = z.infer<typeof paymentSchema>;

/** Result of one participant row: passed (gets a certificate) or not (gets a certificate of study). */
export const rowResultSchema = z.object({
  rowId: z.string().min(1),
  passed: z.boolean(),
  recordedAt: instantSchema,
  recordedBy: z.string(),
});

/**
 * Result of one participant row: see {@link rowResultSchema}.
 *
 * @example
 * ```ts
 * import type { RowResult } from '@fioco-flow/core';
 *
 * const result: RowResult = { rowId: 'row-3', passed: false, recordedAt: '2026-03-27T07:00:00.000Z', recordedBy: 'staff-lebedev' };
 * ```
 */
export type RowResult = z.infer<typeof rowResultSchema>;

/** One upload of the signed contract and consent form scans. */
export const signedScansSchema = z.object({
  contract: fileRefSchema,
  consent: fileRefSchema,
  /** Contract number on the electronic trading platform, under electronic delivery. */
  platformContractNumber: z.string().optional(),
  uploadedAt: instantSchema,
  uploadedBy: z.string(),
});

/**
 * One upload of the signed contract and consent form: see {@link signedScansSchema}.
 *
 * @example
 * ```ts
 * import type { SignedScans } from '@fioco-flow/core';
 *
 * function uploadedOnTime(scans: SignedScans, contractEndsAt: string): boolean {
 *   return Date.parse(scans.uploadedAt) < Date.parse(contractEndsAt);
 * }
 * ```
 */
export type SignedScans = z.infer<typeof signedScansSchema>;

/** The contract: drafts from the program's templates, uploads of signed scans, returns and the confirmation. */
export const contractStateSchema = z.object({
  /** Attached when staff take the application into work. */
  drafts: z.object({ contract: fileRefSchema, consentForm: fileRefSchema }).nullable(),
  uploads: z.array(signedScansSchema),
  returns: z.array(z.object({ reason: z.string(), at: instantSchema, by: z.string() })),
  /** Staff confirmed the signed scans: the contract is concluded. */
  concludedAt: instantSchema.nullable(),
  concludedBy: z.string().nullable(),
  /** Message ids of the concluded contract and the prepayment invoice, once sent. */
  concludedContractMessageId: z.string().nullable(),
  invoiceMessageId: z.string().nullable(),
});

/**
 * The contract of an application: see {@link contractStateSchema}.
 *
 * @example
 * ```ts
 * import type { ContractState } from '@fioco-flow/core';
 *
 * function isConcluded(contract: ContractState): boolean {
 *   return contract.concludedAt !== null;
 * }
 * ```
 */
export type ContractState = z.infer<typeof contractStateSchema>;

/** Course access issued at conclusion: the course link and the code word for the course portal. */
export const courseAccessSchema = z.object({
  courseUrl: z.string(),
  codeWord: z.string(),
  issuedAt: instantSchema,
});

/**
 * Course access issued at conclusion: see {@link courseAccessSchema}.
 *
 * @example
 * ```ts
 * import type { CourseAccess } from '@fioco-flow/core';
 *
 * const access: CourseAccess = {
 *   courseUrl: 'https://dpo.fioco.ru/course/view.php?id=412',
 *   codeWord: 'K7QM-4RTX-9BHD',
 *   issuedAt: '2026-03-03T09:00:00.000Z',
 * };
 * ```
 */
export type CourseAccess = z.infer<typeof courseAccessSchema>;

/** Closing: the act (and the postpayment invoice), the signed act scans, originals and the platform act. */
export const closingStateSchema = z.object({
  issuedAt: instantSchema,
  messageId: z.string(),
  act: fileRefSchema,
  invoice: fileRefSchema.nullable(),
  signedActUploads: z.array(z.object({ file: fileRefSchema, at: instantSchema, by: z.string(), messageId: z.string() })),
  originalsSent: z.object({ trackingNumber: z.string(), at: instantSchema, by: z.string() }).nullable(),
  originalsReceivedAt: instantSchema.nullable(),
  actSignedOnPlatformAt: instantSchema.nullable(),
});

/**
 * Closing of an application: see {@link closingStateSchema}.
 *
 * @example
 * ```ts
 * import type { ClosingState } from '@fioco-flow/core';
 *
 * function originalsArrived(closing: ClosingState): boolean {
 *   return closing.originalsReceivedAt !== null;
 * }
 * ```
 */
export type ClosingState = z.infer<typeof closingStateSchema>;

/** A postal dispatch by staff: the package of originals, or the certificates sent after a late payment. */
export const dispatchSchema = z.object({
  kind: z.enum(['package', 'certificates']),
  trackingNumber: z.string().nullable(),
  at: instantSchema,
  by: z.string(),
  /** The package holds the originals of the contract, the act and the invoice (paper delivery only). */
  originals: z.boolean(),
  /** Rows that get a certificate of professional development (passed, and paid in full). */
  certificateRowIds: z.array(z.string()),
  /** Rows that get a certificate of study (did not pass). */
  certificateOfStudyRowIds: z.array(z.string()),
});

/**
 * A postal dispatch by staff: see {@link dispatchSchema}.
 *
 * @example
 * ```ts
 * import type { Dispatch } from '@fioco-flow/core';
 *
 * const unpaid: Dispatch = {
 *   kind: 'package',
 *   trackingNumber: 'RA123456785RU',
 *   at: '2026-04-01T09:00:00.000Z',
 *   by: 'staff-lebedev',
 *   originals: true,
 *   certificateRowIds: [],
 *   certificateOfStudyRowIds: ['row-3'],
 * };
 * ```
 */
export type Dispatch = z.infer<typeof dispatchSchema>;

/** Deadlines of the application as stored; the service's `deadlines()` returns them with full explanations. */
export const applicationDeadlineStateSchema = z.object({
  submission: deadlineSummarySchema,
  contract: deadlineSummarySchema,
  /** End of the course's first day (24:00 in the policy's zone): an application not concluded by then lapses. */
  firstDayEndsAt: instantSchema,
  review: deadlineSummarySchema.nullable(),
  originals: deadlineSummarySchema.nullable(),
});

/**
 * Deadlines of an application as stored: see {@link applicationDeadlineStateSchema}.
 *
 * @example
 * ```ts
 * import type { ApplicationDeadlineState } from '@fioco-flow/core';
 *
 * // A course starting Monday 16 March 2026, submitted on Tuesday 24 February.
 * const deadlines: ApplicationDeadlineState = {
 *   submission: { date: '2026-03-04', endsAt: '2026-03-04T21:00:00.000Z', provisional: false },
 *   contract: { date: '2026-03-11', endsAt: '2026-03-11T21:00:00.000Z', provisional: false },
 *   firstDayEndsAt: '2026-03-16T21:00:00.000Z',
 *   review: { date: '2026-02-27', endsAt: '2026-02-27T21:00:00.000Z', provisional: false },
 *   originals: null,
 * };
 * ```
 */
export type ApplicationDeadlineState = z.infer<typeof applicationDeadlineStateSchema>;

/** Overdue flags the clock sets; each holds the instant the flag was raised. */
export const overdueFlagsSchema = z.object({
  review: instantSchema.nullable(),
  /** Document id → instant: pending documents whose review due date passed. Cleared when staff decide. */
  documents: z.record(z.string(), instantSchema),
  originals: instantSchema.nullable(),
});

/**
 * Overdue flags the clock sets: see {@link overdueFlagsSchema}.
 *
 * @example
 * ```ts
 * import type { OverdueFlags } from '@fioco-flow/core';
 *
 * const flags: OverdueFlags = { review: '2026-02-27T21:00:00.000Z', documents: { 'd-1': '2026-02-27T21:00:00.000Z' }, originals: null };
 * ```
 */
export type OverdueFlags = z.infer<typeof overdueFlagsSchema>;

/** Why an application lapsed. */
export const lapseCauseSchema = z.enum(['submission_deadline', 'contract_deadline', 'course_started']);

/**
 * Why an application lapsed: see {@link lapseCauseSchema}.
 *
 * @example
 * ```ts
 * import type { LapseCause } from '@fioco-flow/core';
 *
 * const cause: LapseCause = 'contract_deadline';
 * ```
 */
export type LapseCause = z.infer<typeof lapseCauseSchema>;

/** How an application ended: who ended it, when, and the reason given (or the lapse cause). */
export const outcomeSchema = z.object({
  at: instantSchema,
  by: z.string(),
  reason: z.string().nullable(),
  lapseCause: lapseCauseSchema.nullable(),
});

/**
 * How an application ended: see {@link outcomeSchema}.
 *
 * @example
 * ```ts
 * import type { Outcome } from '@fioco-flow/core';
 *
 * const lapsed: Outcome = { at: '2026-03-04T21:00:00.000Z', by: 'clock', reason: null, lapseCause: 'submission_deadline' };
 * ```
 */
export type Outcome = z.infer<typeof outcomeSchema>;

/** Submission facts: when, the participant count fixed at that moment, and the contract sum in kopecks. */
export const submissionSchema = z.object({
  submittedAt: instantSchema,
  participantCount: z.number().int().positive(),
  contractSum: z.number().int().positive(),
});

/**
 * Submission facts: see {@link submissionSchema}.
 *
 * @example
 * ```ts
 * import type { Submission } from '@fioco-flow/core';
 *
 * const submission: Submission = { submittedAt: '2026-02-24T09:00:00.000Z', participantCount: 5, contractSum: 2_250_000 };
 * ```
 */
export type Submission = z.infer<typeof submissionSchema>;

/**
 * Everything an application holds (the machine's context): the program as it was when the application was
 * created, the form, rows, documents, thread, contract, course access, closing, results, payments, dispatches,
 * deadlines and overdue flags.
 *
 * @example
 * ```ts
 * import { applicationDataSchema } from '@fioco-flow/core';
 *
 * const data = applicationDataSchema.parse(JSON.parse(stored)); // throws a ZodError on a foreign shape
 * ```
 */
export const applicationDataSchema = z.object({
  id: z.string().min(1),
  organizationId: z.string().min(1),
  program: programSchema,
  createdAt: instantSchema,
  createdBy: z.string(),
  updatedAt: instantSchema,
  form: applicationFormSchema,
  rows: z.array(participantRowDataSchema),
  documents: z.array(participantDocumentSchema),
  submission: submissionSchema.nullable(),
  deadlines: applicationDeadlineStateSchema,
  contract: contractStateSchema,
  access: courseAccessSchema.nullable(),
  messages: z.array(messageSchema),
  closing: closingStateSchema.nullable(),
  results: z.array(rowResultSchema),
  payments: z.array(paymentSchema),
  dispatches: z.array(dispatchSchema),
  overdue: overdueFlagsSchema,
  outcome: outcomeSchema.nullable(),
});

/**
 * Everything an application holds: see {@link applicationDataSchema}.
 *
 * @example
 * ```ts
 * import type { ApplicationData } from '@fioco-flow/core';
 *
 * function participants(data: ApplicationData): number {
 *   return data.submission?.participantCount ?? data.rows.length;
 * }
 * ```
 */
export type ApplicationData = z.infer<typeof applicationDataSchema>;
