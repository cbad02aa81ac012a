// The event generator and state abstraction that xstate/graph walks the application machine with.
import {
  clockActor,
  contractSum,
  isPaidInFull,
  outstandingAmount,
  paidAmount,
  stateOf,
  type ApplicationData,
  type ApplicationEvent,
  type ApplicationInput,
  type CommandType,
} from '@fioco-flow/core';
import { testFile } from '@fioco-flow/core/testing';
import { organization, program, representative, rowPayload, staff, trackingNumber } from './helpers.js';

export const modelInput: ApplicationInput = {
  id: 'model-application',
  organizationId: 'org-1',
  program,
  createdAt: '2026-02-20T09:00:00.000Z',
  createdBy: representative.id,
};

export const modelCodeWord = 'K7QM-4RTX-9BHD';

type Snapshot = { readonly value: unknown; readonly context: ApplicationData };

const later = (...instants: (string | null | undefined)[]) =>
  instants
    .filter((instant): instant is string => typeof instant === 'string')
    .reduce((latest, instant) => (Date.parse(instant) > Date.parse(latest) ? instant : latest));

/** The instant commands happen at in each phase: a fixed time of the procedure, never before the last change. */
function commandTime(data: ApplicationData, state: string): string {
  const phase =
    state === 'draft'
      ? '2026-02-20T09:00:00.000Z'
      : state === 'submitted'
        ? '2026-02-24T09:00:00.000Z'
        : state.startsWith('in_work')
          ? '2026-03-02T09:00:00.000Z'
          : state === 'enrolled'
            ? '2026-03-27T07:00:00.000Z'
            : state === 'closing'
              ? '2026-03-30T09:00:00.000Z'
              : '2026-04-02T09:00:00.000Z';
  return later(phase, data.updatedAt);
}

function nextIndex(ids: readonly string[], prefix: string): number {
  return ids.reduce((max, id) => (id.startsWith(prefix) ? Math.max(max, Number(id.slice(prefix.length))) : max), 0) + 1;
}

function event<K extends CommandType>(
  type: K,
  at: string,
  actor: ApplicationEvent['actor'],
  payload: Extract<ApplicationEvent, { type: K }>['payload'],
  generated: ApplicationEvent['generated'] = {},
): ApplicationEvent {
  return { type, at, actor, payload, generated } as ApplicationEvent;
}

/** Whether staff ever rejected a document version: the walk rejects one document at most. */
function rejectedOnce(data: ApplicationData): boolean {
  return data.documents.some((document) => document.versions.some((version) => version.outcome?.status === 'rejected'));
}

/**
 * Where the document review stands: `initial` (every document pending, nothing rejected or requested yet),
 * `settled` (every document accepted) or `working`. Other commands happen only in the first two, so that the
 * walk does not multiply every document combination by every other fact.
 */
function documentPhase(data: ApplicationData): 'initial' | 'settled' | 'working' {
  if (data.documents.every((document) => document.status === 'accepted')) return 'settled';
  if (!rejectedOnce(data) && data.documents.every((document) => document.status === 'pending' && document.kind !== 'passport')) {
    return 'initial';
  }
  return 'working';
}

function hasFlags(data: ApplicationData): boolean {
  return data.overdue.review !== null || Object.keys(data.overdue.documents).length > 0;
}

/** Staff decide on the first pending document; one rejection and one request (a passport) at most. */
function documentEvents(data: ApplicationData, at: string): ApplicationEvent[] {
  const events: ApplicationEvent[] = [];
  const pending = data.documents.find((document) => document.status === 'pending');
  if (pending !== undefined) {
    events.push(event('document.accept', at, staff, { documentId: pending.id }));
    if (!rejectedOnce(data)) events.push(event('document.reject', at, staff, { documentId: pending.id, reason: 'Скан нечитаем' }));
  }
  const replaceable = data.documents.find((document) => document.status === 'rejected' || document.status === 'requested');
  if (replaceable !== undefined) {
    events.push(
      event('document.replace', at, representative, {
        documentId: replaceable.id,
        file: testFile(`${replaceable.id}-v${replaceable.versions.length + 1}`),
      }),
    );
  }
  const row = data.rows[0];
  if (row !== undefined && !data.documents.some((document) => document.kind === 'passport')) {
    events.push(
      event(
        'document.request',
        at,
        staff,
        { rowIds: [row.id], kind: 'passport', reason: 'Нужен паспорт' },
        { id: `doc-${nextIndex(data.documents.map((document) => document.id), 'doc-')}` },
      ),
    );
  }
  return events;
}

function messageEvent(data: ApplicationData, at: string): ApplicationEvent[] {
  if (data.messages.some((message) => message.source === undefined)) return [];
  return [event('message.post', at, representative, { text: 'Вопрос по договору', attachments: [] }, { id: `msg-${data.messages.length + 1}` })];
}

function tick(at: string): ApplicationEvent {
  return event('clock.tick', at, clockActor, {});
}

/** Ticks at the review due dates: the application's, and each pending document's. */
function flagTicks(data: ApplicationData): ApplicationEvent[] {
  const dues = [data.deadlines.review?.endsAt, ...data.documents.map((document) => document.reviewDue?.endsAt)];
  const unique = [...new Set(dues.filter((due): due is string => due !== undefined))];
  return unique.map((due) => tick(later(due, data.updatedAt)));
}

/** Ends an application under review in each possible way, and walks its documents. */
function reviewEvents(data: ApplicationData, state: string, at: string): ApplicationEvent[] {
  const events: ApplicationEvent[] = [];
  const phase = documentPhase(data);
  const contractLapse = tick(later(data.deadlines.contract.endsAt, data.updatedAt));
  const firstDayLapse = tick(later(data.deadlines.firstDayEndsAt, data.updatedAt));

  if (hasFlags(data)) {
    // Flags only need to be raised once; from a flagged application the walk only lets the clock end it.
    return [contractLapse, firstDayLapse];
  }

  const firstTry = data.contract.uploads.length === 0;
  if (state === 'submitted' || (state === 'in_work.awaiting_signed_scans' && firstTry)) events.push(...documentEvents(data, at));

  if (state === 'submitted') {
    if (phase !== 'working') events.push(event('application.take_into_work', at, staff, {}));
    if (phase === 'initial') {
      events.push(event('application.decline', at, staff, { reason: 'Программа отменена' }));
      events.push(event('application.withdraw', at, representative, { reason: 'Передумали' }));
      events.push(...messageEvent(data, at), ...flagTicks(data), contractLapse);
    }
  }

  if (state === 'in_work.awaiting_signed_scans') {
    if (phase !== 'working') {
      events.push(
        event('contract.upload_signed', at, representative, {
          contract: testFile('contract-signed'),
          consent: testFile('consent-signed'),
          ...(data.form.delivery === 'electronic' ? { platformContractNumber: 'РТС-2026-0412' } : {}),
        }),
      );
    }
    if (phase === 'initial' && firstTry) {
      events.push(event('application.decline', at, staff, { reason: 'Программа отменена' }));
      events.push(event('application.withdraw', at, representative, { reason: 'Передумали' }));
      events.push(...messageEvent(data, at), ...flagTicks(data), contractLapse);
    }
    if (!firstTry) events.push(firstDayLapse);
  }

  if (state === 'in_work.signed_scans_under_review') {
    if (phase !== 'working') events.push(event('contract.return', at, staff, { reason: 'Нет печати' }));
    if (phase === 'settled') events.push(event('contract.confirm', at, staff, {}, { codeWord: modelCodeWord }));
    if (phase === 'initial') events.push(...flagTicks(data), firstDayLapse);
  }
  return events;
}

/** The enrolled phase in order: the concluded contract, the invoice, then closing, results, payment, a message. */
function enrolledEvents(data: ApplicationData, at: string): ApplicationEvent[] {
  const messageId = { id: `msg-${data.messages.length + 1}` };
  if (data.contract.concludedContractMessageId === null) {
    return [event('contract.send_concluded', at, staff, { file: testFile('contract-concluded') }, messageId)];
  }
  if (data.form.paymentTerms === 'prepayment' && data.contract.invoiceMessageId === null) {
    return [event('invoice.send', at, staff, { file: testFile('invoice') }, messageId)];
  }
  const events = [
    event(
      'closing.issue',
      at,
      staff,
      { act: testFile('act'), ...(data.form.paymentTerms === 'postpayment' ? { invoice: testFile('invoice-post') } : {}) },
      messageId,
    ),
  ];
  if (data.results.length === 0) {
    events.push(event('results.record', at, staff, { results: data.rows.map((row) => ({ rowId: row.id, passed: true })) }));
  }
  if (data.payments.length === 0) events.push(paymentEvent(data, at, outstandingAmount(data)));
  events.push(...messageEvent(data, at));
  return events;
}

function paymentEvent(data: ApplicationData, at: string, amount: number): ApplicationEvent {
  return event(
    'payment.record',
    at,
    staff,
    { amount, paidOn: at.slice(0, 10), reference: `п/п № ${data.payments.length + 1}` },
    { id: `pay-${data.payments.length + 1}` },
  );
}

/** Closing in order: the signed act, the originals sent and received (or the platform act), then the rest. */
function closingEvents(data: ApplicationData, at: string): ApplicationEvent[] {
  const closing = data.closing;
  if (closing === null) return [];
  const messageId = { id: `msg-${data.messages.length + 1}` };
  const paper = data.form.delivery === 'paper';

  if (closing.signedActUploads.length === 0) {
    return [event('act.upload_signed', at, representative, { file: testFile('act-signed') }, messageId)];
  }
  if (paper && closing.originalsSent === null && closing.originalsReceivedAt === null) {
    const events = [event('originals.record_sent', at, representative, { trackingNumber })];
    if (data.overdue.originals === null && data.deadlines.originals !== null) {
      events.push(tick(later(data.deadlines.originals.endsAt, data.updatedAt)));
    } else {
      events.push(event('originals.record_received', at, staff, {}));
    }
    return events;
  }
  if (paper && closing.originalsReceivedAt === null) return [event('originals.record_received', at, staff, {})];
  if (!paper && closing.actSignedOnPlatformAt === null) return [event('act.record_signed_on_platform', at, staff, {})];

  const events: ApplicationEvent[] = [];
  if (data.results.length === 0) {
    events.push(event('results.record', at, staff, { results: data.rows.map((row) => ({ rowId: row.id, passed: true })) }));
    events.push(event('results.record', at, staff, { results: data.rows.map((row) => ({ rowId: row.id, passed: false })) }));
  }
  if (data.payments.length === 0) {
    const half = Math.floor(contractSum(data) / 2);
    events.push(paymentEvent(data, at, half), paymentEvent(data, at, outstandingAmount(data)));
  }
  events.push(event('package.dispatch', at, staff, { trackingNumber }));
  events.push(event('application.close', at, staff, { reason: 'Оригиналы не поступили' }));
  events.push(...messageEvent(data, at));
  return events;
}

/**
 * The events tried in each snapshot: commands that can pass their guards there (one payload each) and the ticks
 * at the deadlines that matter. The walk keeps one participant row and follows a fixed order inside each phase, so
 * that the abstract state space stays small while every transition is still taken.
 */
export function modelEvents(snapshot: Snapshot): ApplicationEvent[] {
  const data = snapshot.context;
  const state = stateOf(snapshot as never);
  const at = commandTime(data, state);
  const rep = representative;

  switch (state) {
    case 'draft': {
      const events: ApplicationEvent[] = [];
      if (data.form.paymentTerms === null) {
        const consents = { personalData: true, dataAccuracy: true };
        events.push(event('draft.update', at, rep, { organization, paymentTerms: 'prepayment', delivery: 'paper', consents }));
        events.push(
          event('draft.update', at, rep, {
            organization,
            paymentTerms: 'postpayment',
            delivery: 'electronic',
            platformName: 'РТС-тендер',
            consents,
          }),
        );
      }
      const row = data.rows[0];
      if (row === undefined) {
        events.push(event('row.add', at, rep, { row: rowPayload(0) }, { id: 'row-1' }));
      } else {
        events.push(event('row.update', at, rep, { rowId: row.id, changes: { position: 'учитель математики' } }));
        events.push(event('row.remove', at, rep, { rowId: row.id }));
        for (const kind of ['diploma', 'snils'] as const) {
          if (!data.documents.some((document) => document.kind === kind)) {
            const id = `doc-${nextIndex(data.documents.map((document) => document.id), 'doc-')}`;
            events.push(event('document.attach', at, rep, { rowIds: [row.id], kind, file: testFile(`${kind}-1`) }, { id }));
          }
        }
      }
      events.push(event('application.submit', at, rep, {}));
      events.push(event('application.discard', at, rep, {}));
      events.push(tick(data.deadlines.submission.endsAt));
      return events;
    }
    case 'submitted':
    case 'in_work.awaiting_signed_scans':
    case 'in_work.signed_scans_under_review':
      return reviewEvents(data, state, at);
    case 'enrolled':
      return enrolledEvents(data, at);
    case 'closing':
      return closingEvents(data, at);
    case 'awaiting_payment': {
      const events: ApplicationEvent[] = [];
      if (!isPaidInFull(data)) events.push(paymentEvent(data, at, outstandingAmount(data)));
      events.push(event('certificates.dispatch', at, staff, { trackingNumber }));
      events.push(event('application.close', at, staff, { reason: 'Оплата не поступила' }));
      events.push(...messageEvent(data, at));
      return events;
    }
    default:
      return [];
  }
}

/** The abstraction of a snapshot: its state and the facts its guards read, without times and ids. */
export function serializeModelState(snapshot: Snapshot): string {
  const data = snapshot.context;
  return JSON.stringify({
    state: stateOf(snapshot as never),
    terms: data.form.paymentTerms,
    delivery: data.form.delivery,
    rows: data.rows.length,
    documents: data.documents.map((document) => `${document.kind}:${document.status}`).sort(),
    uploads: Math.min(data.contract.uploads.length, 1),
    returned: data.contract.returns.length > 0,
    concludedSent: data.contract.concludedContractMessageId !== null,
    invoiceSent: data.contract.invoiceMessageId !== null,
    message: data.messages.some((message) => message.source === undefined),
    results: data.results.map((result) => result.passed).sort(),
    paid: isPaidInFull(data) ? 'full' : paidAmount(data) > 0 ? 'part' : 'none',
    signedAct: (data.closing?.signedActUploads.length ?? 0) > 0,
    originalsSent: data.closing?.originalsSent != null,
    originalsReceived: data.closing?.originalsReceivedAt != null,
    platformAct: data.closing?.actSignedOnPlatformAt != null,
    rejectedOnce: rejectedOnce(data),
    reviewFlag: data.overdue.review !== null,
    documentFlags: Object.keys(data.overdue.documents).length > 0,
    originalsFlag: data.overdue.originals !== null,
  });
}
