import type { Violation } from '@fioco-flow/rules';
import type { ApplicationData, DocumentStatus } from '../model/application.js';
import type { PaymentTerms } from '../model/program.js';
import { instantMs, type ApplicationEvent } from './events.js';
import {
  contractSum,
  documentCounts,
  isCourseLastDayReached,
  isOriginalsOverdueUnflagged,
  isPaidInFull,
  isReviewOverdueUnflagged,
  localDate,
  maxRows,
  outstandingAmount,
  overdueDocumentsUnflagged,
  paidAmount,
  resultRowIds,
  rowsWithoutResult,
  submissionViolations,
} from './queries.js';

interface ConditionDefinition<TParams> {
  /** Whether the condition holds for the application and the event. */
  readonly holds: (data: ApplicationData, event: ApplicationEvent) => boolean;
  /** The facts a reason message needs when the condition fails. */
  readonly params: (data: ApplicationData, event: ApplicationEvent) => TParams;
}

function condition<TParams>(definition: ConditionDefinition<TParams>): ConditionDefinition<TParams> {
  return definition;
}

const none = () => ({});

/** The payload of an event when it has this field, else `undefined`. */
function field<T>(event: ApplicationEvent, name: string): T | undefined {
  return (event.payload as Record<string, unknown>)[name] as T | undefined;
}

function documentStatus(data: ApplicationData, documentId: string | undefined): DocumentStatus | 'missing' {
  return data.documents.find((document) => document.id === documentId)?.status ?? 'missing';
}

function missingRowIds(data: ApplicationData, rowIds: readonly string[]): string[] {
  return rowIds.filter((rowId) => !data.rows.some((row) => row.id === rowId));
}

function eventRowIds(event: ApplicationEvent): string[] {
  const rowIds = field<string[]>(event, 'rowIds');
  if (rowIds !== undefined) return rowIds;
  const results = field<{ rowId: string }[]>(event, 'results');
  return results?.map((result) => result.rowId) ?? [];
}

/**
 * Every condition a guard of the application machine checks, with the facts its reason message needs. Guards
 * are conjunctions of these; `availableCommands` names the failing ones.
 */
export const conditions = {
  // Draft.
  rowLimitNotReached: condition({ holds: (data) => data.rows.length < maxRows, params: () => ({ max: maxRows }) }),
  hasRows: condition({ holds: (data) => data.rows.length > 0, params: none }),
  rowExists: condition({
    holds: (data, event) => data.rows.some((row) => row.id === field<string>(event, 'rowId')),
    params: (_data, event) => ({ rowId: field<string>(event, 'rowId') ?? '' }),
  }),
  rowsExist: condition({
    holds: (data, event) => missingRowIds(data, eventRowIds(event)).length === 0,
    params: (data, event) => ({ rowIds: missingRowIds(data, eventRowIds(event)) }),
  }),
  attachTargetExists: condition({
    holds: (data, event) => {
      const documentId = field<string>(event, 'documentId');
      return documentId === undefined || data.documents.some((document) => document.id === documentId);
    },
    params: (_data, event) => ({ documentId: field<string>(event, 'documentId') ?? '' }),
  }),
  beforeSubmissionDeadline: condition({
    holds: (data, event) => instantMs(event.at) < instantMs(data.deadlines.submission.endsAt),
    params: (data) => ({ date: data.deadlines.submission.date }),
  }),
  submissionRulesMet: condition({
    holds: (data) => submissionViolations(data).length === 0,
    params: (data): { violations: Violation[] } => ({ violations: submissionViolations(data) }),
  }),

  // Documents under review.
  hasPendingDocument: condition({ holds: (data) => documentCounts(data).pending > 0, params: none }),
  documentIsPending: condition({
    holds: (data, event) => documentStatus(data, field(event, 'documentId')) === 'pending',
    params: (data, event) => ({
      documentId: field<string>(event, 'documentId') ?? '',
      status: documentStatus(data, field(event, 'documentId')),
    }),
  }),
  hasReplaceableDocument: condition({
    holds: (data) => data.documents.some((document) => document.status === 'rejected' || document.status === 'requested'),
    params: none,
  }),
  documentIsReplaceable: condition({
    holds: (data, event) => ['rejected', 'requested'].includes(documentStatus(data, field(event, 'documentId'))),
    params: (data, event) => ({
      documentId: field<string>(event, 'documentId') ?? '',
      status: documentStatus(data, field(event, 'documentId')),
    }),
  }),

  // Contract.
  contractUploadOpen: condition({
    holds: (data, event) =>
      instantMs(event.at) <
      instantMs(data.contract.uploads.length === 0 ? data.deadlines.contract.endsAt : data.deadlines.firstDayEndsAt),
    params: (data) => ({
      firstUpload: data.contract.uploads.length === 0 ? 1 : 0,
      date: data.contract.uploads.length === 0 ? data.deadlines.contract.date : data.program.courseStart,
    }),
  }),
  platformContractNumberGiven: condition({
    holds: (data, event) => data.form.delivery !== 'electronic' || field<string>(event, 'platformContractNumber') !== undefined,
    params: (data) => ({ platformName: data.form.platformName ?? '' }),
  }),
  beforeEndOfFirstDay: condition({
    holds: (data, event) => instantMs(event.at) < instantMs(data.deadlines.firstDayEndsAt),
    params: (data) => ({ date: data.program.courseStart }),
  }),
  allDocumentsAccepted: condition({
    holds: (data) => data.documents.every((document) => document.status === 'accepted'),
    params: (data) => {
      const counts = documentCounts(data);
      return { notAccepted: counts.total - counts.accepted, total: counts.total };
    },
  }),
  codeWordGiven: condition({ holds: (_data, event) => (event.generated.codeWord ?? '') !== '', params: none }),

  // Enrolled.
  concludedContractNotSent: condition({ holds: (data) => data.contract.concludedContractMessageId === null, params: none }),
  prepayment: condition({
    holds: (data) => data.form.paymentTerms === 'prepayment',
    params: (data) => ({ paymentTerms: data.form.paymentTerms ?? 'postpayment' }),
  }),
  invoiceNotSent: condition({ holds: (data) => data.contract.invoiceMessageId === null, params: none }),
  courseLastDayReached: condition({
    holds: (data, event) => isCourseLastDayReached(data, event.at),
    params: (data) => ({ date: data.program.courseEnd }),
  }),
  invoiceMatchesPaymentTerms: condition({
    holds: (data, event) => (field(event, 'invoice') !== undefined) === (data.form.paymentTerms === 'postpayment'),
    params: (data): { paymentTerms: PaymentTerms } => ({ paymentTerms: data.form.paymentTerms ?? 'postpayment' }),
  }),

  // Payments.
  paymentOutstanding: condition({
    holds: (data) => !isPaidInFull(data),
    params: (data) => ({ paid: paidAmount(data), sum: contractSum(data) }),
  }),
  paymentWithinOutstanding: condition({
    holds: (data, event) => (field<number>(event, 'amount') ?? 0) <= outstandingAmount(data),
    params: (data, event) => ({ amount: field<number>(event, 'amount') ?? 0, outstanding: outstandingAmount(data) }),
  }),
  paymentDateNotInFuture: condition({
    holds: (data, event) => (field<string>(event, 'paidOn') ?? '') <= localDate(data, event.at),
    params: (_data, event) => ({ paidOn: field<string>(event, 'paidOn') ?? '' }),
  }),
  paidInFull: condition({
    holds: (data) => isPaidInFull(data),
    params: (data) => ({ paid: paidAmount(data), sum: contractSum(data) }),
  }),

  // Closing.
  paperDelivery: condition({ holds: (data) => data.form.delivery === 'paper', params: none }),
  electronicDelivery: condition({ holds: (data) => data.form.delivery === 'electronic', params: none }),
  originalsNotReceived: condition({
    holds: (data) => data.closing?.originalsReceivedAt == null,
    params: (data) => ({ receivedOn: data.closing?.originalsReceivedAt == null ? '' : localDate(data, data.closing.originalsReceivedAt) }),
  }),
  platformActNotRecorded: condition({ holds: (data) => data.closing?.actSignedOnPlatformAt == null, params: none }),
  originalsOrPlatformAct: condition({
    holds: (data) =>
      data.form.delivery === 'electronic' ? data.closing?.actSignedOnPlatformAt != null : data.closing?.originalsReceivedAt != null,
    params: (data) => ({ delivery: data.form.delivery ?? 'paper' }),
  }),
  everyRowHasResult: condition({
    holds: (data) => rowsWithoutResult(data).length === 0,
    params: (data) => ({ missing: rowsWithoutResult(data).length, total: data.rows.length }),
  }),
  trackingNumberGivenWhenCertificatesDue: condition({
    holds: (data, event) => resultRowIds(data).passed.length === 0 || field<string>(event, 'trackingNumber') !== undefined,
    params: (data) => ({ certificates: resultRowIds(data).passed.length }),
  }),

  // Clock.
  submissionDeadlinePassed: condition({
    holds: (data, event) => instantMs(event.at) >= instantMs(data.deadlines.submission.endsAt),
    params: (data) => ({ date: data.deadlines.submission.date }),
  }),
  contractDeadlinePassed: condition({
    holds: (data, event) => instantMs(event.at) >= instantMs(data.deadlines.contract.endsAt),
    params: (data) => ({ date: data.deadlines.contract.date }),
  }),
  noSignedScansUploaded: condition({ holds: (data) => data.contract.uploads.length === 0, params: none }),
  firstDayEnded: condition({
    holds: (data, event) => instantMs(event.at) >= instantMs(data.deadlines.firstDayEndsAt),
    params: (data) => ({ date: data.program.courseStart }),
  }),
  reviewOrDocumentsOverdue: condition({
    holds: (data, event) => isReviewOverdueUnflagged(data, event.at) || overdueDocumentsUnflagged(data, event.at).length > 0,
    params: none,
  }),
  documentsOverdue: condition({ holds: (data, event) => overdueDocumentsUnflagged(data, event.at).length > 0, params: none }),
  originalsOverdue: condition({ holds: (data, event) => isOriginalsOverdueUnflagged(data, event.at), params: none }),
} as const;

/**
 * The name of a machine condition.
 *
 * @example
 * ```ts
 * import type { ConditionName } from '@fioco-flow/core';
 *
 * const condition: ConditionName = 'allDocumentsAccepted';
 * ```
 */
export type ConditionName = keyof typeof conditions;

/**
 * The facts the reason message of a condition needs.
 *
 * @example
 * ```ts
 * import type { ConditionParams } from '@fioco-flow/core';
 *
 * const params: ConditionParams<'everyRowHasResult'> = { missing: 1, total: 5 };
 * ```
 */
export type ConditionParams<K extends ConditionName> = ReturnType<(typeof conditions)[K]['params']>;

/**
 * Why a command is blocked: a failing condition and its facts. `message` is the reason rendered in the requested
 * language, e.g. «2 из 5 документов ещё не приняты».
 *
 * @example
 * ```ts
 * import type { BlockReason } from '@fioco-flow/core';
 *
 * const reason: BlockReason = {
 *   condition: 'courseLastDayReached',
 *   params: { date: '2026-03-27' },
 *   message: 'курс заканчивается 27 марта 2026 г. (пт), сделать это можно начиная с этого дня',
 * };
 * ```
 */
export type BlockReason = {
  [K in ConditionName]: { readonly condition: K; readonly params: ConditionParams<K>; readonly message: string };
}[ConditionName];
