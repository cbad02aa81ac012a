import { assign, setup } from 'xstate';
import type { ApplicationData } from '../model/application.js';
import { initialDeadlines, type CalendarDependencies } from './deadlines.js';
import { eventOf, type ApplicationEvent, type ApplicationInput } from './events.js';
import { guardImplementations } from './guards.js';
import * as reduce from './reducers.js';

/**
 * The version of the machine's states and context shape. A persisted snapshot records it; snapshots of older
 * versions go through {@link migrateSnapshot} before they are restored.
 *
 * @example
 * ```ts
 * import { machineVersion } from '@fioco-flow/core';
 *
 * machineVersion; //=> 2
 * ```
 */
export const machineVersion = 2;

/**
 * Dependencies of the machine: the calendars its deadlines are counted on.
 *
 * @example
 * ```ts
 * import { createApplicationMachine, type MachineDependencies } from '@fioco-flow/core';
 * import { russianCalendar } from '@fioco-flow/rules';
 *
 * const dependencies: MachineDependencies = { calendar: russianCalendar() };
 * const machine = createApplicationMachine(dependencies);
 * ```
 */
export type MachineDependencies = CalendarDependencies;

/**
 * The data of a new application: an empty form and the deadlines counted from the program's course start.
 *
 * @throws {RangeError} when the course dates lie outside the calendar's data.
 */
export function createInitialData(input: ApplicationInput, dependencies: MachineDependencies): ApplicationData {
  return {
    id: input.id,
    organizationId: input.organizationId,
    program: input.program,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    updatedAt: input.createdAt,
    form: {
      organization: {},
      paymentTerms: null,
      delivery: null,
      platformName: null,
      comment: null,
      consents: { personalData: false, dataAccuracy: false },
    },
    rows: [],
    documents: [],
    submission: null,
    deadlines: initialDeadlines(input.program, input.organizationId, dependencies),
    contract: {
      drafts: null,
      uploads: [],
      returns: [],
      concludedAt: null,
      concludedBy: null,
      concludedContractMessageId: null,
      invoiceMessageId: null,
    },
    access: null,
    messages: [],
    closing: null,
    results: [],
    payments: [],
    dispatches: [],
    overdue: { review: null, documents: {}, originals: null },
    outcome: null,
  };
}

/**
 * Creates the application machine: one XState v5 machine for the whole procedure, from the draft to a final state.
 * It has no delayed transitions, no invoked or spawned actors: time enters only through each event's `at` and the
 * `clock.tick` event, so a persisted snapshot restores exactly and `xstate/graph` can walk it. Per-row and
 * per-document state, the thread, payments, results and deadlines live in the context.
 *
 * @param dependencies the federal calendar for every deadline, and optionally a regional calendar per
 *   organization for the originals deadline.
 * @example
 * ```ts
 * import { createApplicationMachine } from '@fioco-flow/core';
 * import { russianCalendar } from '@fioco-flow/rules';
 * import { initialTransition, transition } from 'xstate';
 *
 * const machine = createApplicationMachine({ calendar: russianCalendar() });
 * const [draft] = initialTransition(machine, { id: 'a-1', organizationId: 'org-1', program, createdAt: '2026-02-20T09:00:00.000Z', createdBy: 'rep-1' });
 * draft.context.deadlines.submission.endsAt; //=> '2026-03-04T21:00:00.000Z' for a course starting Mon 16 March 2026
 * const [lapsed] = transition(machine, draft, { type: 'clock.tick', at: '2026-03-04T21:00:00.000Z', actor: clockActor, payload: {}, generated: {} });
 * lapsed.value; //=> 'lapsed'
 * ```
 */
export function createApplicationMachine(dependencies: MachineDependencies) {
  return setup({
    types: {} as { context: ApplicationData; events: ApplicationEvent; input: ApplicationInput },
    guards: guardImplementations(),
    actions: {
      updateDraft: assign(({ context, event }) => reduce.updateDraft(context, eventOf(event, 'draft.update'))),
      addRow: assign(({ context, event }) => reduce.addRow(context, eventOf(event, 'row.add'))),
      updateRow: assign(({ context, event }) => reduce.updateRow(context, eventOf(event, 'row.update'))),
      removeRow: assign(({ context, event }) => reduce.removeRow(context, eventOf(event, 'row.remove'))),
      attachDocument: assign(({ context, event }) => reduce.attachDocument(context, eventOf(event, 'document.attach'))),
      submit: assign(({ context, event }) => reduce.submit(context, eventOf(event, 'application.submit'), dependencies)),
      discard: assign(({ context, event }) => reduce.end(context, eventOf(event, 'application.discard'))),
      decline: assign(({ context, event }) => reduce.end(context, eventOf(event, 'application.decline'))),
      withdraw: assign(({ context, event }) => reduce.end(context, eventOf(event, 'application.withdraw'))),
      close: assign(({ context, event }) => reduce.end(context, eventOf(event, 'application.close'))),
      lapseAtSubmissionDeadline: assign(({ context, event }) =>
        reduce.lapse(context, eventOf(event, 'clock.tick'), 'submission_deadline'),
      ),
      lapseAtContractDeadline: assign(({ context, event }) => reduce.lapse(context, eventOf(event, 'clock.tick'), 'contract_deadline')),
      lapseAtCourseStart: assign(({ context, event }) => reduce.lapse(context, eventOf(event, 'clock.tick'), 'course_started')),
      reviewDocument: assign(({ context, event }) =>
        reduce.reviewDocument(context, event.type === 'document.accept' ? event : eventOf(event, 'document.reject')),
      ),
      requestDocument: assign(({ context, event }) => reduce.requestDocument(context, eventOf(event, 'document.request'))),
      replaceDocument: assign(({ context, event }) =>
        reduce.replaceDocumentVersion(context, eventOf(event, 'document.replace'), dependencies),
      ),
      takeIntoWork: assign(({ context, event }) => reduce.takeIntoWork(context, eventOf(event, 'application.take_into_work'))),
      uploadSignedScans: assign(({ context, event }) => reduce.uploadSignedScans(context, eventOf(event, 'contract.upload_signed'))),
      returnSignedScans: assign(({ context, event }) => reduce.returnSignedScans(context, eventOf(event, 'contract.return'))),
      confirmContract: assign(({ context, event }) => reduce.confirmContract(context, eventOf(event, 'contract.confirm'))),
      sendConcludedContract: assign(({ context, event }) =>
        reduce.sendConcludedContract(context, eventOf(event, 'contract.send_concluded')),
      ),
      sendInvoice: assign(({ context, event }) => reduce.sendInvoice(context, eventOf(event, 'invoice.send'))),
      issueClosing: assign(({ context, event }) => reduce.issueClosing(context, eventOf(event, 'closing.issue'), dependencies)),
      uploadSignedAct: assign(({ context, event }) => reduce.uploadSignedAct(context, eventOf(event, 'act.upload_signed'))),
      recordOriginalsSent: assign(({ context, event }) => reduce.recordOriginalsSent(context, eventOf(event, 'originals.record_sent'))),
      recordOriginalsReceived: assign(({ context, event }) =>
        reduce.recordOriginalsReceived(context, eventOf(event, 'originals.record_received')),
      ),
      recordPlatformAct: assign(({ context, event }) =>
        reduce.recordPlatformAct(context, eventOf(event, 'act.record_signed_on_platform')),
      ),
      recordResults: assign(({ context, event }) => reduce.recordResults(context, eventOf(event, 'results.record'))),
      recordPayment: assign(({ context, event }) => reduce.recordPayment(context, eventOf(event, 'payment.record'))),
      dispatchPackage: assign(({ context, event }) => reduce.dispatchPackage(context, eventOf(event, 'package.dispatch'))),
      dispatchCertificates: assign(({ context, event }) =>
        reduce.dispatchCertificates(context, eventOf(event, 'certificates.dispatch')),
      ),
      postMessage: assign(({ context, event }) => reduce.postMessage(context, eventOf(event, 'message.post'))),
      flagReviewAndDocumentsOverdue: assign(({ context, event }) =>
        reduce.flagOverdue(context, eventOf(event, 'clock.tick'), { review: true }),
      ),
      flagDocumentsOverdue: assign(({ context, event }) => reduce.flagOverdue(context, eventOf(event, 'clock.tick'), { review: false })),
      flagOriginalsOverdue: assign(({ context, event }) => reduce.flagOriginalsOverdue(context, eventOf(event, 'clock.tick'))),
    },
  }).createMachine({
    id: 'application',
    initial: 'draft',
    context: ({ input }) => createInitialData(input, dependencies),
    states: {
      draft: {
        on: {
          'draft.update': { actions: 'updateDraft' },
          'row.add': { guard: 'canAddRow', actions: 'addRow' },
          'row.update': { guard: 'rowTargetExists', actions: 'updateRow' },
          'row.remove': { guard: 'rowTargetExists', actions: 'removeRow' },
          'document.attach': { guard: 'canAttachDocument', actions: 'attachDocument' },
          'application.submit': { guard: 'canSubmit', target: 'submitted', actions: 'submit' },
          'application.discard': { target: 'discarded', actions: 'discard' },
          'clock.tick': { guard: 'submissionDeadlinePassed', target: 'lapsed', actions: 'lapseAtSubmissionDeadline' },
        },
      },
      submitted: {
        on: {
          'document.accept': { guard: 'canReviewDocument', actions: 'reviewDocument' },
          'document.reject': { guard: 'canReviewDocument', actions: 'reviewDocument' },
          'document.request': { guard: 'canRequestDocument', actions: 'requestDocument' },
          'document.replace': { guard: 'canReplaceDocument', actions: 'replaceDocument' },
          'application.take_into_work': { target: 'in_work', actions: 'takeIntoWork' },
          'application.decline': { target: 'declined', actions: 'decline' },
          'application.withdraw': { target: 'withdrawn', actions: 'withdraw' },
          'message.post': { actions: 'postMessage' },
          'clock.tick': [
            // Staff never took the application into work: it lapses when the contract deadline passes.
            { guard: 'contractDeadlinePassed', target: 'lapsed', actions: 'lapseAtContractDeadline' },
            { guard: 'reviewOrDocumentsOverdue', actions: 'flagReviewAndDocumentsOverdue' },
          ],
        },
      },
      in_work: {
        initial: 'awaiting_signed_scans',
        on: {
          'document.accept': { guard: 'canReviewDocument', actions: 'reviewDocument' },
          'document.reject': { guard: 'canReviewDocument', actions: 'reviewDocument' },
          'document.request': { guard: 'canRequestDocument', actions: 'requestDocument' },
          'document.replace': { guard: 'canReplaceDocument', actions: 'replaceDocument' },
          'application.decline': { target: 'declined', actions: 'decline' },
          'application.withdraw': { target: 'withdrawn', actions: 'withdraw' },
          'message.post': { actions: 'postMessage' },
        },
        states: {
          awaiting_signed_scans: {
            on: {
              'contract.upload_signed': { guard: 'canUploadSignedScans', target: 'signed_scans_under_review', actions: 'uploadSignedScans' },
              'clock.tick': [
                // The contract deadline is met by the first upload of signed scans; without one the application lapses.
                { guard: 'contractDeadlinePassedWithoutUpload', target: '#application.lapsed', actions: 'lapseAtContractDeadline' },
                // A correction after a return may come until the end of the course's first day.
                { guard: 'firstDayEnded', target: '#application.lapsed', actions: 'lapseAtCourseStart' },
                { guard: 'documentsOverdue', actions: 'flagDocumentsOverdue' },
              ],
            },
          },
          signed_scans_under_review: {
            on: {
              'contract.return': { target: 'awaiting_signed_scans', actions: 'returnSignedScans' },
              'contract.confirm': { guard: 'canConfirmContract', target: '#application.enrolled', actions: 'confirmContract' },
              'clock.tick': [
                { guard: 'firstDayEnded', target: '#application.lapsed', actions: 'lapseAtCourseStart' },
                { guard: 'documentsOverdue', actions: 'flagDocumentsOverdue' },
              ],
            },
          },
        },
      },
      enrolled: {
        on: {
          'contract.send_concluded': { guard: 'canSendConcludedContract', actions: 'sendConcludedContract' },
          'invoice.send': { guard: 'canSendInvoice', actions: 'sendInvoice' },
          'closing.issue': { guard: 'canIssueClosing', target: 'closing', actions: 'issueClosing' },
          'results.record': { guard: 'canRecordResultsEnrolled', actions: 'recordResults' },
          'payment.record': { guard: 'canRecordPayment', actions: 'recordPayment' },
          'message.post': { actions: 'postMessage' },
        },
      },
      closing: {
        on: {
          'act.upload_signed': { actions: 'uploadSignedAct' },
          'originals.record_sent': { guard: 'canRecordOriginalsSent', actions: 'recordOriginalsSent' },
          'originals.record_received': { guard: 'canRecordOriginalsReceived', actions: 'recordOriginalsReceived' },
          'act.record_signed_on_platform': { guard: 'canRecordPlatformAct', actions: 'recordPlatformAct' },
          'results.record': { guard: 'canRecordResults', actions: 'recordResults' },
          'payment.record': { guard: 'canRecordPayment', actions: 'recordPayment' },
          'package.dispatch': [
            { guard: 'canDispatchPackagePaid', target: 'completed', actions: 'dispatchPackage' },
            { guard: 'canDispatchPackageUnpaid', target: 'awaiting_payment', actions: 'dispatchPackage' },
          ],
          'application.close': { target: 'closed', actions: 'close' },
          'message.post': { actions: 'postMessage' },
          'clock.tick': { guard: 'originalsOverdue', actions: 'flagOriginalsOverdue' },
        },
      },
      awaiting_payment: {
        on: {
          'payment.record': { guard: 'canRecordPayment', actions: 'recordPayment' },
          'certificates.dispatch': { guard: 'canDispatchCertificates', target: 'completed', actions: 'dispatchCertificates' },
          'application.close': { target: 'closed', actions: 'close' },
          'message.post': { actions: 'postMessage' },
        },
      },
      completed: { type: 'final' },
      discarded: { type: 'final' },
      declined: { type: 'final' },
      withdrawn: { type: 'final' },
      lapsed: { type: 'final' },
      closed: { type: 'final' },
    },
  });
}

/**
 * The application machine: see {@link createApplicationMachine}.
 *
 * @example
 * ```ts
 * import { createApplicationMachine, type ApplicationMachine } from '@fioco-flow/core';
 * import { russianCalendar } from '@fioco-flow/rules';
 *
 * const machine: ApplicationMachine = createApplicationMachine({ calendar: russianCalendar() });
 * ```
 */
export type ApplicationMachine = ReturnType<typeof createApplicationMachine>;
