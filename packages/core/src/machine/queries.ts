import {
  dateInTimeZone,
  validateOrganization,
  validateParticipantRows,
  type DocumentKind,
  type IsoDate,
  type Violation,
} from '@fioco-flow/rules';
import { match } from 'ts-pattern';
import { consentKeys, type ApplicationData, type ParticipantDocument, type ParticipantRowData } from '../model/application.js';
import { deadlineTimeZone } from './deadlines.js';
import { instantMs } from './events.js';
import type { ApplicationState } from './states.js';

/**
 * The most participant rows one application may hold.
 *
 * @example
 * ```ts
 * import { maxRows } from '@fioco-flow/core';
 *
 * maxRows; //=> 1000
 * ```
 */
export const maxRows = 1000;

/**
 * A participant row with the documents attached to it, in the shape the participant rules validate.
 *
 * @example
 * ```ts
 * import { rowsWithDocuments, type RowWithDocuments } from '@fioco-flow/core';
 *
 * const rows: RowWithDocuments[] = rowsWithDocuments(view.data);
 * rows[0]?.documents; //=> [{ kind: 'diploma', documentId: 'd-1' }, { kind: 'snils', documentId: 'd-2' }]
 * ```
 */
export type RowWithDocuments = ParticipantRowData & {
  readonly documents: readonly { readonly kind: DocumentKind; readonly documentId: string }[];
};

/**
 * The participant rows with the documents attached to each: every document that has at least one version and
 * lists the row.
 *
 * @example
 * ```ts
 * import { rowsWithDocuments } from '@fioco-flow/core';
 *
 * rowsWithDocuments(view.data)[0]?.documents; //=> [{ kind: 'diploma', documentId: 'd-1' }, …]
 * ```
 */
export function rowsWithDocuments(data: ApplicationData): RowWithDocuments[] {
  return data.rows.map((row) => ({
    ...row,
    documents: data.documents
      .filter((document) => document.versions.length > 0 && document.rowIds.includes(row.id))
      .map((document) => ({ kind: document.kind, documentId: document.id })),
  }));
}

/**
 * Everything that keeps a draft from being submitted, apart from the deadline: the requisites, the payment terms,
 * the delivery, the platform name under electronic delivery, every consent, and the participant list rules.
 */
export function submissionViolations(data: ApplicationData): Violation[] {
  const violations: Violation[] = [...validateOrganization(data.form.organization, { stage: 'submission' })];

  if (data.form.paymentTerms === null) violations.push({ code: 'required', path: ['paymentTerms'], params: {} });
  if (data.form.delivery === null) violations.push({ code: 'required', path: ['delivery'], params: {} });
  if (data.form.delivery === 'electronic' && (data.form.platformName ?? '').trim() === '') {
    violations.push({ code: 'platform_name_required', path: ['platformName'], params: {} });
  }
  for (const key of consentKeys) {
    if (!data.form.consents[key]) violations.push({ code: 'consent_missing', path: ['consents', key], params: {} });
  }

  if (data.rows.length === 0) {
    violations.push({ code: 'no_participants', path: ['participants'], params: {} });
  } else {
    violations.push(
      ...validateParticipantRows(rowsWithDocuments(data), data.program, { stage: 'submission', asOf: data.program.courseStart }),
    );
  }
  return violations;
}

/**
 * The contract sum in kopecks: rows × price per row, fixed at submission.
 *
 * @example
 * ```ts
 * import { contractSum } from '@fioco-flow/core';
 *
 * contractSum(view.data); //=> 2_250_000 for five rows at 4 500 ₽
 * ```
 */
export function contractSum(data: ApplicationData): number {
  return data.submission?.contractSum ?? data.rows.length * data.program.pricePerRow;
}

/**
 * The sum of recorded payments in kopecks.
 *
 * @example
 * ```ts
 * import { paidAmount } from '@fioco-flow/core';
 *
 * paidAmount(view.data); //=> 900_000 after one payment of 9 000 ₽
 * ```
 */
export function paidAmount(data: ApplicationData): number {
  return data.payments.reduce((sum, payment) => sum + payment.amount, 0);
}

/**
 * The amount still to pay in kopecks (never negative).
 *
 * @example
 * ```ts
 * import { outstandingAmount } from '@fioco-flow/core';
 *
 * outstandingAmount(view.data); //=> 1_350_000 after 9 000 ₽ paid of 22 500 ₽
 * ```
 */
export function outstandingAmount(data: ApplicationData): number {
  return Math.max(0, contractSum(data) - paidAmount(data));
}

/**
 * Whether the payments reached the contract sum.
 *
 * @example
 * ```ts
 * import { isPaidInFull } from '@fioco-flow/core';
 *
 * isPaidInFull(view.data); //=> true once the payments reach the contract sum
 * ```
 */
export function isPaidInFull(data: ApplicationData): boolean {
  return data.submission !== null && paidAmount(data) >= contractSum(data);
}

/** The calendar date of an instant in the application's deadline time zone (Moscow time by default). */
export function localDate(data: ApplicationData, at: string): IsoDate {
  return dateInTimeZone(at, deadlineTimeZone(data.program));
}

/** Whether the course's last day has come at `at` (closing documents and results are allowed from that day). */
export function isCourseLastDayReached(data: ApplicationData, at: string): boolean {
  return localDate(data, at) >= data.program.courseEnd;
}

/** Counts of documents by review status. */
export function documentCounts(data: ApplicationData): Record<ParticipantDocument['status'] | 'total', number> {
  const counts = { total: data.documents.length, pending: 0, accepted: 0, rejected: 0, requested: 0 };
  for (const document of data.documents) counts[document.status] += 1;
  return counts;
}

/** Ids of rows that passed and of rows that did not, by the recorded results. */
export function resultRowIds(data: ApplicationData): { passed: string[]; failed: string[] } {
  const passed: string[] = [];
  const failed: string[] = [];
  for (const row of data.rows) {
    const result = data.results.find((entry) => entry.rowId === row.id);
    if (result?.passed === true) passed.push(row.id);
    if (result?.passed === false) failed.push(row.id);
  }
  return { passed, failed };
}

/** Ids of rows without a recorded result. */
export function rowsWithoutResult(data: ApplicationData): string[] {
  return data.rows.filter((row) => !data.results.some((result) => result.rowId === row.id)).map((row) => row.id);
}

/** Whether the application review is overdue at `at` and not yet flagged (only while it is submitted). */
export function isReviewOverdueUnflagged(data: ApplicationData, at: string): boolean {
  return data.deadlines.review !== null && data.overdue.review === null && instantMs(at) >= instantMs(data.deadlines.review.endsAt);
}

/** Pending documents whose review due date passed at `at` and that are not yet flagged. */
export function overdueDocumentsUnflagged(data: ApplicationData, at: string): string[] {
  return data.documents
    .filter(
      (document) =>
        document.status === 'pending' &&
        document.reviewDue !== undefined &&
        data.overdue.documents[document.id] === undefined &&
        instantMs(at) >= instantMs(document.reviewDue.endsAt),
    )
    .map((document) => document.id);
}

/** Whether the originals are overdue at `at` and not yet flagged: paper delivery, neither sent nor received. */
export function isOriginalsOverdueUnflagged(data: ApplicationData, at: string): boolean {
  return (
    data.form.delivery === 'paper' &&
    data.deadlines.originals !== null &&
    data.overdue.originals === null &&
    data.closing !== null &&
    data.closing.originalsSent === null &&
    data.closing.originalsReceivedAt === null &&
    instantMs(at) >= instantMs(data.deadlines.originals.endsAt)
  );
}

/**
 * The next instant at which the clock changes something for an application in `state`: a lapse or an overdue
 * flag. `null` when no deadline is pending. Stores index it so that `tick(now)` finds due applications.
 */
export function nextDeadlineAt(data: ApplicationData, state: ApplicationState): string | null {
  const unflaggedDocumentDues = data.documents.flatMap((document) =>
    document.status === 'pending' && document.reviewDue !== undefined && data.overdue.documents[document.id] === undefined
      ? [document.reviewDue.endsAt]
      : [],
  );
  const originalsDue =
    data.form.delivery === 'paper' &&
    data.deadlines.originals !== null &&
    data.overdue.originals === null &&
    data.closing?.originalsSent === null &&
    data.closing.originalsReceivedAt === null
      ? [data.deadlines.originals.endsAt]
      : [];
  const reviewDue = data.deadlines.review !== null && data.overdue.review === null ? [data.deadlines.review.endsAt] : [];

  const candidates = match(state)
    .with('draft', () => [data.deadlines.submission.endsAt])
    .with('submitted', () => [data.deadlines.contract.endsAt, ...reviewDue, ...unflaggedDocumentDues])
    .with('in_work.awaiting_signed_scans', () => [
      data.contract.uploads.length === 0 ? data.deadlines.contract.endsAt : data.deadlines.firstDayEndsAt,
      ...unflaggedDocumentDues,
    ])
    .with('in_work.signed_scans_under_review', () => [data.deadlines.firstDayEndsAt, ...unflaggedDocumentDues])
    .with('closing', () => originalsDue)
    .with('enrolled', 'awaiting_payment', 'completed', 'discarded', 'declined', 'withdrawn', 'lapsed', 'closed', () => [])
    .exhaustive();

  if (candidates.length === 0) return null;
  return candidates.reduce((earliest, candidate) => (instantMs(candidate) < instantMs(earliest) ? candidate : earliest));
}
