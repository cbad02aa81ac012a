import {
  isValidTrackingNumber,
  normalizePhone,
  normalizeSnils,
  organizationDraftSchema,
  participantRowDraftSchema,
} from '@fioco-flow/rules';
import type {
  ApplicationData,
  Dispatch,
  LapseCause,
  Message,
  OrganizationFields,
  ParticipantDocument,
  ParticipantRowData,
} from '../model/application.js';
import type { FileRef } from '../model/file.js';
import {
  documentReviewDeadline,
  originalsDeadline,
  reviewDeadline,
  type CalendarDependencies,
} from './deadlines.js';
import type { ApplicationEventOf } from './events.js';
import { isOriginalsOverdueUnflagged, isPaidInFull, isReviewOverdueUnflagged, overdueDocumentsUnflagged, resultRowIds } from './queries.js';

// Each reducer returns the next application data for one accepted event. They trust the event: the service
// validated its payload and the machine's guard held.

type Touched = Pick<ApplicationData, 'updatedAt'>;

function touch(at: string): Touched {
  return { updatedAt: at };
}

function requireId(id: string | undefined, type: string): string {
  if (id === undefined || id === '') throw new TypeError(`A ${type} event needs a generated id: the service records one in the event.`);
  return id;
}

/**
 * Trims text fields and drops empty ones, then stores the values in the canonical form of the participant rules
 * (names in NFC with single spaces, the SNILS as '112-233-445 95', the phone as '+79161234567', the citizenship in
 * capitals). A value the rules reject is kept as typed; the service refuses such a payload before it gets here.
 */
export function normalizeRowFields<T extends Record<string, unknown>>(fields: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      result[key] = value;
      continue;
    }
    const trimmed = value.trim().replace(/\s+/g, ' ');
    if (trimmed === '') continue;
    if (key === 'snils') result[key] = normalizeSnils(trimmed) ?? trimmed;
    else if (key === 'phone') result[key] = normalizePhone(trimmed) ?? trimmed;
    else if (key === 'citizenship') result[key] = trimmed.toUpperCase();
    else result[key] = trimmed;
  }

  const parsed = participantRowDraftSchema.safeParse({ id: 'row', ...result });
  if (!parsed.success) return result as T;
  const { id: _id, documents: _documents, ...canonical } = parsed.data as Record<string, unknown>;
  return Object.fromEntries(Object.entries(canonical).filter(([, value]) => value !== undefined)) as T;
}

function normalizeOrganization(current: OrganizationFields, changes: OrganizationFields): OrganizationFields {
  const merged: Record<string, string> = { ...current } as Record<string, string>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const trimmed = value.trim().replace(/\s+/g, ' ');
    if (trimmed === '') delete merged[key];
    else merged[key] = trimmed;
  }
  const parsed = organizationDraftSchema.safeParse(merged);
  if (!parsed.success) return merged;
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as OrganizationFields;
}

function message(event: { at: string; actor: Message['author'] }, id: string, text: string, attachments: FileRef[], source?: string): Message {
  return { id, author: event.actor, text, attachments, at: event.at, ...(source === undefined ? {} : { source }) };
}

function replaceDocument(data: ApplicationData, documentId: string, update: (document: ParticipantDocument) => ParticipantDocument) {
  return data.documents.map((document) => (document.id === documentId ? update(document) : document));
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

export function updateDraft(data: ApplicationData, event: ApplicationEventOf<'draft.update'>): ApplicationData {
  const { organization, paymentTerms, delivery, platformName, comment, consents } = event.payload;
  return {
    ...data,
    ...touch(event.at),
    form: {
      organization: organization === undefined ? data.form.organization : normalizeOrganization(data.form.organization, organization),
      paymentTerms: paymentTerms ?? data.form.paymentTerms,
      delivery: delivery ?? data.form.delivery,
      platformName: platformName === undefined ? data.form.platformName : platformName === null || platformName === '' ? null : platformName,
      comment: comment === undefined ? data.form.comment : comment === null || comment === '' ? null : comment,
      consents: {
        personalData: consents?.personalData ?? data.form.consents.personalData,
        dataAccuracy: consents?.dataAccuracy ?? data.form.consents.dataAccuracy,
      },
    },
  };
}

export function addRow(data: ApplicationData, event: ApplicationEventOf<'row.add'>): ApplicationData {
  const row: ParticipantRowData = { ...normalizeRowFields(event.payload.row), id: requireId(event.generated.id, event.type) };
  return { ...data, ...touch(event.at), rows: [...data.rows, row] };
}

/** The row after applying `row.update` changes: a value sets a field, `null` clears it. */
export function applyRowChanges(row: ParticipantRowData, changes: ApplicationEventOf<'row.update'>['payload']['changes']): ParticipantRowData {
  const next: Record<string, unknown> = { ...row };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return { ...normalizeRowFields(next), id: row.id } as ParticipantRowData;
}

export function updateRow(data: ApplicationData, event: ApplicationEventOf<'row.update'>): ApplicationData {
  return {
    ...data,
    ...touch(event.at),
    rows: data.rows.map((row) => (row.id === event.payload.rowId ? applyRowChanges(row, event.payload.changes) : row)),
  };
}

export function removeRow(data: ApplicationData, event: ApplicationEventOf<'row.remove'>): ApplicationData {
  const { rowId } = event.payload;
  return {
    ...data,
    ...touch(event.at),
    rows: data.rows.filter((row) => row.id !== rowId),
    documents: data.documents
      .map((document) => ({ ...document, rowIds: document.rowIds.filter((id) => id !== rowId) }))
      .filter((document) => document.rowIds.length > 0),
  };
}

export function attachDocument(data: ApplicationData, event: ApplicationEventOf<'document.attach'>): ApplicationData {
  const { rowIds, kind, file, documentId } = event.payload;
  const version = { file, uploadedAt: event.at, uploadedBy: event.actor.id };

  if (documentId !== undefined) {
    return {
      ...data,
      ...touch(event.at),
      documents: replaceDocument(data, documentId, (document) => ({
        ...document,
        kind,
        rowIds: [...rowIds],
        versions: [...document.versions, version],
      })),
    };
  }

  const document: ParticipantDocument = {
    id: requireId(event.generated.id, event.type),
    kind,
    rowIds: [...rowIds],
    versions: [version],
    status: 'pending',
  };
  return { ...data, ...touch(event.at), documents: [...data.documents, document] };
}

export function submit(data: ApplicationData, event: ApplicationEventOf<'application.submit'>, dependencies: CalendarDependencies): ApplicationData {
  const review = reviewDeadline(data, event.at, dependencies);
  return {
    ...data,
    ...touch(event.at),
    submission: {
      submittedAt: event.at,
      participantCount: data.rows.length,
      contractSum: data.rows.length * data.program.pricePerRow,
    },
    deadlines: { ...data.deadlines, review },
    documents: data.documents.map((document) => ({ ...document, reviewDue: review })),
  };
}

/** Ends the application by a command with an optional reason (discard, decline, withdraw, close). */
export function end(
  data: ApplicationData,
  event: ApplicationEventOf<'application.discard' | 'application.decline' | 'application.withdraw' | 'application.close'>,
): ApplicationData {
  return {
    ...data,
    ...touch(event.at),
    outcome: { at: event.at, by: event.actor.id, reason: event.payload.reason ?? null, lapseCause: null },
  };
}

export function lapse(data: ApplicationData, event: ApplicationEventOf<'clock.tick'>, cause: LapseCause): ApplicationData {
  return { ...data, ...touch(event.at), outcome: { at: event.at, by: event.actor.id, reason: null, lapseCause: cause } };
}

export function reviewDocument(data: ApplicationData, event: ApplicationEventOf<'document.accept' | 'document.reject'>): ApplicationData {
  const status: 'accepted' | 'rejected' = event.type === 'document.accept' ? 'accepted' : 'rejected';
  const reason = event.type === 'document.reject' ? event.payload.reason : undefined;
  return {
    ...data,
    ...touch(event.at),
    documents: replaceDocument(data, event.payload.documentId, (document) => {
      const { reason: _previousReason, ...rest } = document;
      const versions = document.versions.map((version, index) =>
        index === document.versions.length - 1
          ? { ...version, outcome: { status, ...(reason === undefined ? {} : { reason }), at: event.at, by: event.actor.id } }
          : version,
      );
      return {
        ...rest,
        status,
        ...(reason === undefined ? {} : { reason }),
        reviewedAt: event.at,
        reviewedBy: event.actor.id,
        versions,
      };
    }),
    overdue: { ...data.overdue, documents: withoutKey(data.overdue.documents, event.payload.documentId) },
  };
}

export function requestDocument(data: ApplicationData, event: ApplicationEventOf<'document.request'>): ApplicationData {
  const document: ParticipantDocument = {
    id: requireId(event.generated.id, event.type),
    kind: event.payload.kind,
    rowIds: [...event.payload.rowIds],
    versions: [],
    status: 'requested',
    reason: event.payload.reason,
    reviewedAt: event.at,
    reviewedBy: event.actor.id,
  };
  return { ...data, ...touch(event.at), documents: [...data.documents, document] };
}

export function replaceDocumentVersion(
  data: ApplicationData,
  event: ApplicationEventOf<'document.replace'>,
  dependencies: CalendarDependencies,
): ApplicationData {
  const reviewDue = documentReviewDeadline(data, event.payload.documentId, event.at, dependencies);
  return {
    ...data,
    ...touch(event.at),
    documents: replaceDocument(data, event.payload.documentId, (document) => {
      const { reason: _reason, ...rest } = document;
      return {
        ...rest,
        status: 'pending',
        reviewDue,
        versions: [...document.versions, { file: event.payload.file, uploadedAt: event.at, uploadedBy: event.actor.id, reviewDue }],
      };
    }),
  };
}

export function takeIntoWork(data: ApplicationData, event: ApplicationEventOf<'application.take_into_work'>): ApplicationData {
  const terms = data.form.paymentTerms ?? 'prepayment';
  return {
    ...data,
    ...touch(event.at),
    contract: {
      ...data.contract,
      drafts: { contract: data.program.templates.contract[terms], consentForm: data.program.templates.consentForm },
    },
    overdue: { ...data.overdue, review: null },
  };
}

export function uploadSignedScans(data: ApplicationData, event: ApplicationEventOf<'contract.upload_signed'>): ApplicationData {
  const { contract, consent, platformContractNumber } = event.payload;
  const upload = {
    contract,
    consent,
    ...(platformContractNumber === undefined ? {} : { platformContractNumber }),
    uploadedAt: event.at,
    uploadedBy: event.actor.id,
  };
  return { ...data, ...touch(event.at), contract: { ...data.contract, uploads: [...data.contract.uploads, upload] } };
}

export function returnSignedScans(data: ApplicationData, event: ApplicationEventOf<'contract.return'>): ApplicationData {
  const entry = { reason: event.payload.reason, at: event.at, by: event.actor.id };
  return { ...data, ...touch(event.at), contract: { ...data.contract, returns: [...data.contract.returns, entry] } };
}

export function confirmContract(data: ApplicationData, event: ApplicationEventOf<'contract.confirm'>): ApplicationData {
  const codeWord = event.generated.codeWord;
  if (codeWord === undefined) throw new TypeError('A contract.confirm event needs a generated code word: the service records one in the event.');
  return {
    ...data,
    ...touch(event.at),
    contract: { ...data.contract, concludedAt: event.at, concludedBy: event.actor.id },
    access: { courseUrl: data.program.courseUrl, codeWord, issuedAt: event.at },
  };
}

export function sendConcludedContract(data: ApplicationData, event: ApplicationEventOf<'contract.send_concluded'>): ApplicationData {
  const id = requireId(event.generated.id, event.type);
  return {
    ...data,
    ...touch(event.at),
    messages: [...data.messages, message(event, id, event.payload.text ?? '', [event.payload.file], event.type)],
    contract: { ...data.contract, concludedContractMessageId: id },
  };
}

export function sendInvoice(data: ApplicationData, event: ApplicationEventOf<'invoice.send'>): ApplicationData {
  const id = requireId(event.generated.id, event.type);
  return {
    ...data,
    ...touch(event.at),
    messages: [...data.messages, message(event, id, event.payload.text ?? '', [event.payload.file], event.type)],
    contract: { ...data.contract, invoiceMessageId: id },
  };
}

export function issueClosing(data: ApplicationData, event: ApplicationEventOf<'closing.issue'>, dependencies: CalendarDependencies): ApplicationData {
  const id = requireId(event.generated.id, event.type);
  const { act, invoice, text } = event.payload;
  const attachments = invoice === undefined ? [act] : [act, invoice];
  return {
    ...data,
    ...touch(event.at),
    messages: [...data.messages, message(event, id, text ?? '', attachments, event.type)],
    closing: {
      issuedAt: event.at,
      messageId: id,
      act,
      invoice: invoice ?? null,
      signedActUploads: [],
      originalsSent: null,
      originalsReceivedAt: null,
      actSignedOnPlatformAt: null,
    },
    deadlines: {
      ...data.deadlines,
      originals: data.form.delivery === 'paper' ? originalsDeadline(data, event.at, dependencies) : null,
    },
  };
}

function requireClosing(data: ApplicationData, type: string) {
  if (data.closing === null) throw new TypeError(`A ${type} event needs closing documents: the machine allows it only in closing.`);
  return data.closing;
}

export function uploadSignedAct(data: ApplicationData, event: ApplicationEventOf<'act.upload_signed'>): ApplicationData {
  const id = requireId(event.generated.id, event.type);
  const closing = requireClosing(data, event.type);
  return {
    ...data,
    ...touch(event.at),
    messages: [...data.messages, message(event, id, event.payload.text ?? '', [event.payload.file], event.type)],
    closing: {
      ...closing,
      signedActUploads: [...closing.signedActUploads, { file: event.payload.file, at: event.at, by: event.actor.id, messageId: id }],
    },
  };
}

/** Canonical form of a postal tracking number: upper case, no spaces. */
export function normalizeTrackingNumber(value: string): string {
  const compact = value.replace(/[\s-]+/g, '').toUpperCase();
  return isValidTrackingNumber(compact) ? compact : value.trim();
}

export function recordOriginalsSent(data: ApplicationData, event: ApplicationEventOf<'originals.record_sent'>): ApplicationData {
  const closing = requireClosing(data, event.type);
  return {
    ...data,
    ...touch(event.at),
    closing: {
      ...closing,
      originalsSent: { trackingNumber: normalizeTrackingNumber(event.payload.trackingNumber), at: event.at, by: event.actor.id },
    },
    overdue: { ...data.overdue, originals: null },
  };
}

export function recordOriginalsReceived(data: ApplicationData, event: ApplicationEventOf<'originals.record_received'>): ApplicationData {
  const closing = requireClosing(data, event.type);
  return {
    ...data,
    ...touch(event.at),
    closing: { ...closing, originalsReceivedAt: event.at },
    overdue: { ...data.overdue, originals: null },
  };
}

export function recordPlatformAct(data: ApplicationData, event: ApplicationEventOf<'act.record_signed_on_platform'>): ApplicationData {
  const closing = requireClosing(data, event.type);
  return { ...data, ...touch(event.at), closing: { ...closing, actSignedOnPlatformAt: event.at } };
}

export function recordResults(data: ApplicationData, event: ApplicationEventOf<'results.record'>): ApplicationData {
  const recorded = event.payload.results.map((result) => ({ ...result, recordedAt: event.at, recordedBy: event.actor.id }));
  const kept = data.results.filter((result) => !recorded.some((entry) => entry.rowId === result.rowId));
  const order = new Map(data.rows.map((row, index) => [row.id, index]));
  const results = [...kept, ...recorded].sort((a, b) => (order.get(a.rowId) ?? 0) - (order.get(b.rowId) ?? 0));
  return { ...data, ...touch(event.at), results };
}

export function recordPayment(data: ApplicationData, event: ApplicationEventOf<'payment.record'>): ApplicationData {
  const payment = {
    id: requireId(event.generated.id, event.type),
    amount: event.payload.amount,
    paidOn: event.payload.paidOn,
    reference: event.payload.reference,
    recordedAt: event.at,
    recordedBy: event.actor.id,
  };
  return { ...data, ...touch(event.at), payments: [...data.payments, payment] };
}

export function dispatchPackage(data: ApplicationData, event: ApplicationEventOf<'package.dispatch'>): ApplicationData {
  const { passed, failed } = resultRowIds(data);
  const dispatch: Dispatch = {
    kind: 'package',
    trackingNumber: normalizeTrackingNumber(event.payload.trackingNumber),
    at: event.at,
    by: event.actor.id,
    originals: data.form.delivery === 'paper',
    certificateRowIds: isPaidInFull(data) ? passed : [],
    certificateOfStudyRowIds: failed,
  };
  return { ...data, ...touch(event.at), dispatches: [...data.dispatches, dispatch] };
}

export function dispatchCertificates(data: ApplicationData, event: ApplicationEventOf<'certificates.dispatch'>): ApplicationData {
  const { trackingNumber } = event.payload;
  const dispatch: Dispatch = {
    kind: 'certificates',
    trackingNumber: trackingNumber === undefined ? null : normalizeTrackingNumber(trackingNumber),
    at: event.at,
    by: event.actor.id,
    originals: false,
    certificateRowIds: resultRowIds(data).passed,
    certificateOfStudyRowIds: [],
  };
  return { ...data, ...touch(event.at), dispatches: [...data.dispatches, dispatch] };
}

export function postMessage(data: ApplicationData, event: ApplicationEventOf<'message.post'>): ApplicationData {
  const id = requireId(event.generated.id, event.type);
  return { ...data, ...touch(event.at), messages: [...data.messages, message(event, id, event.payload.text, event.payload.attachments)] };
}

/** Raises the overdue flags that are due at the tick; the application review only while it is submitted. */
export function flagOverdue(
  data: ApplicationData,
  event: ApplicationEventOf<'clock.tick'>,
  options: { readonly review: boolean },
): ApplicationData {
  const documents = { ...data.overdue.documents };
  for (const documentId of overdueDocumentsUnflagged(data, event.at)) documents[documentId] = event.at;
  const review = options.review && isReviewOverdueUnflagged(data, event.at) ? event.at : data.overdue.review;
  return { ...data, ...touch(event.at), overdue: { ...data.overdue, review, documents } };
}

export function flagOriginalsOverdue(data: ApplicationData, event: ApplicationEventOf<'clock.tick'>): ApplicationData {
  if (!isOriginalsOverdueUnflagged(data, event.at)) return data;
  return { ...data, ...touch(event.at), overdue: { ...data.overdue, originals: event.at } };
}
