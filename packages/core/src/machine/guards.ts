import type { ApplicationData } from '../model/application.js';
import { conditions, type ConditionName } from './conditions.js';
import type { ApplicationEvent } from './events.js';

/**
 * A guard of the machine as a conjunction of conditions. `state` conditions depend only on the application and the
 * time, so `availableCommands` can check them without a payload; `payload` conditions need the command's payload.
 */
export interface GuardPlan {
  readonly state: readonly ConditionName[];
  readonly payload: readonly ConditionName[];
}

/** Every guard of the application machine and the conditions it checks. */
export const guardPlans = {
  canAddRow: { state: ['rowLimitNotReached'], payload: [] },
  rowTargetExists: { state: ['hasRows'], payload: ['rowExists'] },
  canAttachDocument: { state: ['hasRows'], payload: ['rowsExist', 'attachTargetExists'] },
  canSubmit: { state: ['beforeSubmissionDeadline', 'submissionRulesMet'], payload: [] },
  canReviewDocument: { state: ['hasPendingDocument'], payload: ['documentIsPending'] },
  canRequestDocument: { state: [], payload: ['rowsExist'] },
  canReplaceDocument: { state: ['hasReplaceableDocument'], payload: ['documentIsReplaceable'] },
  canUploadSignedScans: { state: ['contractUploadOpen'], payload: ['platformContractNumberGiven'] },
  canConfirmContract: { state: ['beforeEndOfFirstDay', 'allDocumentsAccepted'], payload: ['codeWordGiven'] },
  canSendConcludedContract: { state: ['concludedContractNotSent'], payload: [] },
  canSendInvoice: { state: ['prepayment', 'invoiceNotSent'], payload: [] },
  canIssueClosing: { state: ['courseLastDayReached'], payload: ['invoiceMatchesPaymentTerms'] },
  canRecordResultsEnrolled: { state: ['courseLastDayReached'], payload: ['rowsExist'] },
  canRecordResults: { state: [], payload: ['rowsExist'] },
  canRecordPayment: { state: ['paymentOutstanding'], payload: ['paymentWithinOutstanding', 'paymentDateNotInFuture'] },
  canRecordOriginalsSent: { state: ['paperDelivery', 'originalsNotReceived'], payload: [] },
  canRecordOriginalsReceived: { state: ['paperDelivery', 'originalsNotReceived'], payload: [] },
  canRecordPlatformAct: { state: ['electronicDelivery', 'platformActNotRecorded'], payload: [] },
  canDispatchPackagePaid: { state: ['originalsOrPlatformAct', 'everyRowHasResult', 'paidInFull'], payload: [] },
  canDispatchPackageUnpaid: { state: ['originalsOrPlatformAct', 'everyRowHasResult', 'paymentOutstanding'], payload: [] },
  canDispatchCertificates: { state: ['paidInFull'], payload: ['trackingNumberGivenWhenCertificatesDue'] },
  submissionDeadlinePassed: { state: ['submissionDeadlinePassed'], payload: [] },
  contractDeadlinePassed: { state: ['contractDeadlinePassed'], payload: [] },
  contractDeadlinePassedWithoutUpload: { state: ['noSignedScansUploaded', 'contractDeadlinePassed'], payload: [] },
  firstDayEnded: { state: ['firstDayEnded'], payload: [] },
  reviewOrDocumentsOverdue: { state: ['reviewOrDocumentsOverdue'], payload: [] },
  documentsOverdue: { state: ['documentsOverdue'], payload: [] },
  originalsOverdue: { state: ['originalsOverdue'], payload: [] },
} as const satisfies Record<string, GuardPlan>;

/**
 * The name of a machine guard.
 *
 * @example
 * ```ts
 * import type { GuardName } from '@fioco-flow/core';
 *
 * const guard: GuardName = 'canConfirmContract';
 * ```
 */
export type GuardName = keyof typeof guardPlans;

/**
 * The conditions of a guard that fail for the application and event: the failing state conditions, or when they
 * all hold, the failing payload conditions. With `includePayload: false` only the state conditions are checked.
 */
export function failingConditions(
  guard: GuardName,
  data: ApplicationData,
  event: ApplicationEvent,
  options: { readonly includePayload: boolean } = { includePayload: true },
): ConditionName[] {
  const plan: GuardPlan = guardPlans[guard];
  const failingState = plan.state.filter((name) => !conditions[name].holds(data, event));
  // Payload conditions matter only once the state allows the command: «no document is pending» says it all.
  if (failingState.length > 0 || !options.includePayload) return failingState;
  return plan.payload.filter((name) => !conditions[name].holds(data, event));
}

type GuardArgs = { context: ApplicationData; event: ApplicationEvent };

/** The guard implementations for `setup`: each passes when every condition of its plan holds. */
export function guardImplementations(): { [K in GuardName]: (args: GuardArgs) => boolean } {
  const entries = (Object.keys(guardPlans) as GuardName[]).map((name) => [
    name,
    ({ context, event }: GuardArgs) => failingConditions(name, context, event).length === 0,
  ]);
  return Object.fromEntries(entries) as { [K in GuardName]: (args: GuardArgs) => boolean };
}
