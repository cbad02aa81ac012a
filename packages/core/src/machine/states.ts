import type { LocalizedText } from '@fioco-flow/rules';

/**
 * Every state an application can be in, as a dotted path of the machine's state value. `in_work` has two
 * substates: waiting for the signed contract scans, and the scans under staff review.
 *
 * @example
 * ```ts
 * import { applicationStates } from '@fioco-flow/core';
 *
 * applicationStates.length; //=> 13
 * ```
 */
export const applicationStates = [
  'draft',
  'submitted',
  'in_work.awaiting_signed_scans',
  'in_work.signed_scans_under_review',
  'enrolled',
  'closing',
  'awaiting_payment',
  'completed',
  'discarded',
  'declined',
  'withdrawn',
  'lapsed',
  'closed',
] as const;

/**
 * One of {@link applicationStates}.
 *
 * @example
 * ```ts
 * import type { ApplicationState } from '@fioco-flow/core';
 *
 * const state: ApplicationState = 'in_work.awaiting_signed_scans';
 * ```
 */
export type ApplicationState = (typeof applicationStates)[number];

/**
 * The final states: they accept no command and their thread is read-only.
 *
 * @example
 * ```ts
 * import { finalStates } from '@fioco-flow/core';
 *
 * finalStates.includes('closed'); //=> true
 * ```
 */
export const finalStates = ['completed', 'discarded', 'declined', 'withdrawn', 'lapsed', 'closed'] as const satisfies readonly ApplicationState[];

/**
 * One of {@link finalStates}.
 *
 * @example
 * ```ts
 * import type { FinalState } from '@fioco-flow/core';
 *
 * const ended: FinalState = 'withdrawn';
 * ```
 */
export type FinalState = (typeof finalStates)[number];

/**
 * Whether a state is final.
 *
 * @example
 * ```ts
 * import { isFinalState } from '@fioco-flow/core';
 *
 * isFinalState('lapsed');   //=> true
 * isFinalState('closing');  //=> false
 * ```
 */
export function isFinalState(state: ApplicationState): state is FinalState {
  return (finalStates as readonly string[]).includes(state);
}

/**
 * Labels of every state and of the `in_work` parent, in Russian and English.
 *
 * @example
 * ```ts
 * import { stateLabels } from '@fioco-flow/core';
 *
 * stateLabels['in_work.signed_scans_under_review'].ru; //=> 'В работе: подписанный договор на проверке'
 * ```
 */
export const stateLabels: Readonly<Record<ApplicationState | 'in_work', LocalizedText>> = {
  draft: { ru: 'Черновик', en: 'Draft' },
  submitted: { ru: 'Подана', en: 'Submitted' },
  in_work: { ru: 'В работе', en: 'In work' },
  'in_work.awaiting_signed_scans': {
    ru: 'В работе: ожидается подписанный договор',
    en: 'In work: awaiting the signed contract',
  },
  'in_work.signed_scans_under_review': {
    ru: 'В работе: подписанный договор на проверке',
    en: 'In work: signed contract under review',
  },
  enrolled: { ru: 'Договор заключён, идёт обучение', en: 'Contract concluded, course in progress' },
  closing: { ru: 'Закрывающие документы', en: 'Closing documents' },
  awaiting_payment: { ru: 'Ожидается оплата', en: 'Awaiting payment' },
  completed: { ru: 'Завершена', en: 'Completed' },
  discarded: { ru: 'Черновик удалён', en: 'Draft discarded' },
  declined: { ru: 'Отклонена', en: 'Declined' },
  withdrawn: { ru: 'Отозвана организацией', en: 'Withdrawn' },
  lapsed: { ru: 'Аннулирована по сроку', en: 'Lapsed' },
  closed: { ru: 'Закрыта', en: 'Closed' },
};
