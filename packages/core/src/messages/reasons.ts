import { formatDate, formatViolation, type Locale } from '@fioco-flow/rules';
import type { ConditionName, ConditionParams } from '../machine/conditions.js';
import type { DocumentStatus } from '../model/application.js';
import { formatRubles, pluralRu } from './format.js';

type ReasonCatalog = { readonly [K in ConditionName]: (params: ConditionParams<K>) => string };

const statusRu: Record<DocumentStatus | 'missing', string> = {
  pending: 'на проверке',
  accepted: 'принят',
  rejected: 'отклонён',
  requested: 'запрошен',
  missing: 'не найден',
};
const statusEn: Record<DocumentStatus | 'missing', string> = {
  pending: 'under review',
  accepted: 'accepted',
  rejected: 'rejected',
  requested: 'requested',
  missing: 'not found',
};

const quoteRu = (ids: readonly string[]) => ids.map((id) => `«${id}»`).join(', ');
const quoteEn = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

function firstViolation(violations: Parameters<typeof formatViolation>[0][], locale: Locale): string {
  const first = violations[0];
  return first === undefined ? '' : formatViolation(first, locale).replace(/\.$/, '');
}

const ru: ReasonCatalog = {
  rowLimitNotReached: ({ max }) => `в заявке уже ${max} строк участников, больше добавить нельзя`,
  hasRows: () => 'в заявке нет ни одной строки участника; сначала добавьте участника',
  rowExists: ({ rowId }) => `строки участника «${rowId}» в заявке нет`,
  rowsExist: ({ rowIds }) =>
    rowIds.length === 1 ? `строки участника ${quoteRu(rowIds)} в заявке нет` : `строк участников ${quoteRu(rowIds)} в заявке нет`,
  attachTargetExists: ({ documentId }) => `документа «${documentId}» в заявке нет`,
  beforeSubmissionDeadline: ({ date }) => `срок подачи заявки истёк: последний день — ${formatDate(date, 'ru')}`,
  submissionRulesMet: ({ violations }) =>
    `найдено ${violations.length} ${pluralRu(violations.length, 'нарушение', 'нарушения', 'нарушений')}, первое — ${firstViolation(violations, 'ru')}`,
  hasPendingDocument: () => 'нет документов, ожидающих проверки',
  documentIsPending: ({ documentId, status }) =>
    status === 'missing' ? `документа «${documentId}» в заявке нет` : `документ «${documentId}» не ожидает проверки: его статус — «${statusRu[status]}»`,
  hasReplaceableDocument: () => 'нет отклонённых или запрошенных документов, а заменить можно только такой документ',
  documentIsReplaceable: ({ documentId, status }) =>
    status === 'missing'
      ? `документа «${documentId}» в заявке нет`
      : `документ «${documentId}» имеет статус «${statusRu[status]}», а заменить можно только отклонённый или запрошенный документ`,
  contractUploadOpen: ({ firstUpload, date }) =>
    firstUpload === 1
      ? `срок загрузки подписанного договора истёк: последний день — ${formatDate(date, 'ru')}`
      : `исправленный договор принимался до конца первого дня курса, ${formatDate(date, 'ru')}`,
  platformContractNumberGiven: ({ platformName }) =>
    `при получении документов в электронном виде укажите номер договора на электронной площадке${platformName === '' ? '' : ` «${platformName}»`}`,
  beforeEndOfFirstDay: ({ date }) => `первый день курса, ${formatDate(date, 'ru')}, закончился, а договор так и не был заключён`,
  allDocumentsAccepted: ({ notAccepted, total }) =>
    `${notAccepted} из ${total} ${pluralRu(total, 'документа', 'документов', 'документов')} ещё ${pluralRu(notAccepted, 'не принят', 'не приняты', 'не приняты')}`,
  codeWordGiven: () => 'кодовое слово не сформировано',
  concludedContractNotSent: () => 'скан заключённого договора уже отправлен',
  prepayment: () =>
    'счёт после заключения договора выставляется только при предоплате 100 %; при оплате после оказания услуг счёт отправляется вместе с актом',
  invoiceNotSent: () => 'счёт уже отправлен',
  courseLastDayReached: ({ date }) => `курс заканчивается ${formatDate(date, 'ru')}, сделать это можно начиная с этого дня`,
  invoiceMatchesPaymentTerms: ({ paymentTerms }) =>
    paymentTerms === 'postpayment'
      ? 'при оплате после оказания услуг к акту нужно приложить счёт'
      : 'при предоплате счёт уже выставлен после заключения договора, приложите только акт',
  paymentOutstanding: ({ paid, sum }) => `оплата уже поступила полностью: ${formatRubles(paid, 'ru')} из ${formatRubles(sum, 'ru')}`,
  paymentWithinOutstanding: ({ amount, outstanding }) =>
    `сумма платежа ${formatRubles(amount, 'ru')} больше остатка к оплате ${formatRubles(outstanding, 'ru')}; проверьте сумму`,
  paymentDateNotInFuture: ({ paidOn }) => (paidOn === '' ? 'дата платежа ещё не наступила' : `дата платежа ${formatDate(paidOn, 'ru')} ещё не наступила`),
  paidInFull: ({ paid, sum }) => `оплачено ${formatRubles(paid, 'ru')} из ${formatRubles(sum, 'ru')}`,
  paperDelivery: () => 'в заявке выбрано получение документов в электронном виде, а это действие относится к бумажным оригиналам',
  electronicDelivery: () => 'в заявке выбрано получение документов на бумаге, а это действие относится к электронной площадке',
  originalsNotReceived: ({ receivedOn }) => (receivedOn === '' ? 'оригиналы уже получены' : `оригиналы уже получены ${formatDate(receivedOn, 'ru')}`),
  platformActNotRecorded: () => 'подписание акта на электронной площадке уже отмечено',
  originalsOrPlatformAct: ({ delivery }) =>
    delivery === 'electronic' ? 'подписание акта на электронной площадке ещё не отмечено' : 'оригиналы акта и договора ещё не получены',
  everyRowHasResult: ({ missing, total }) =>
    `результаты не внесены для ${missing} из ${total} ${pluralRu(total, 'участника', 'участников', 'участников')}`,
  trackingNumberGivenWhenCertificatesDue: ({ certificates }) =>
    `высылается ${certificates} ${pluralRu(certificates, 'удостоверение', 'удостоверения', 'удостоверений')}, укажите трек-номер отправления`,
  submissionDeadlinePassed: ({ date }) => `срок подачи заявки (${formatDate(date, 'ru')}) ещё не истёк`,
  contractDeadlinePassed: ({ date }) => `срок заключения договора (${formatDate(date, 'ru')}) ещё не истёк`,
  noSignedScansUploaded: () => 'подписанный договор уже загружался',
  firstDayEnded: ({ date }) => `первый день курса (${formatDate(date, 'ru')}) ещё не закончился`,
  reviewOrDocumentsOverdue: () => 'нет просроченных сроков проверки, которые ещё не отмечены',
  documentsOverdue: () => 'нет просроченных сроков проверки документов, которые ещё не отмечены',
  originalsOverdue: () => 'срок отправки оригиналов не просрочен или уже отмечен',
};

const en: ReasonCatalog = {
  rowLimitNotReached: ({ max }) => `the application already has ${max} participant rows, the maximum`,
  hasRows: () => 'the application has no participant rows; add a participant first',
  rowExists: ({ rowId }) => `the application has no participant row "${rowId}"`,
  rowsExist: ({ rowIds }) => `the application has no participant ${rowIds.length === 1 ? 'row' : 'rows'} ${quoteEn(rowIds)}`,
  attachTargetExists: ({ documentId }) => `the application has no document "${documentId}"`,
  beforeSubmissionDeadline: ({ date }) => `the submission deadline has passed: the last day was ${formatDate(date, 'en')}`,
  submissionRulesMet: ({ violations }) =>
    `${violations.length} ${violations.length === 1 ? 'problem' : 'problems'} found, the first: ${firstViolation(violations, 'en')}`,
  hasPendingDocument: () => 'no document is awaiting review',
  documentIsPending: ({ documentId, status }) =>
    status === 'missing' ? `the application has no document "${documentId}"` : `document "${documentId}" is not awaiting review: it is ${statusEn[status]}`,
  hasReplaceableDocument: () => 'no document is rejected or requested, and only such a document can be replaced',
  documentIsReplaceable: ({ documentId, status }) =>
    status === 'missing'
      ? `the application has no document "${documentId}"`
      : `document "${documentId}" is ${statusEn[status]}, and only a rejected or requested document can be replaced`,
  contractUploadOpen: ({ firstUpload, date }) =>
    firstUpload === 1
      ? `the deadline for the signed contract has passed: the last day was ${formatDate(date, 'en')}`
      : `a corrected contract was accepted until the end of the course's first day, ${formatDate(date, 'en')}`,
  platformContractNumberGiven: ({ platformName }) =>
    `under electronic delivery, give the contract number on the electronic trading platform${platformName === '' ? '' : ` "${platformName}"`}`,
  beforeEndOfFirstDay: ({ date }) => `the course's first day, ${formatDate(date, 'en')}, is over and the contract was never concluded`,
  allDocumentsAccepted: ({ notAccepted, total }) => `${notAccepted} of ${total} documents ${notAccepted === 1 ? 'is' : 'are'} not accepted yet`,
  codeWordGiven: () => 'no code word was generated',
  concludedContractNotSent: () => 'the concluded contract scan was already sent',
  prepayment: () =>
    'an invoice after conclusion is issued only under 100 % prepayment; under postpayment the invoice goes with the act',
  invoiceNotSent: () => 'the invoice was already sent',
  courseLastDayReached: ({ date }) => `the course ends on ${formatDate(date, 'en')}; this is allowed from that day`,
  invoiceMatchesPaymentTerms: ({ paymentTerms }) =>
    paymentTerms === 'postpayment'
      ? 'under postpayment the act goes with an invoice: attach it'
      : 'under prepayment the invoice was issued after conclusion: attach the act only',
  paymentOutstanding: ({ paid, sum }) => `the contract is already paid in full: ${formatRubles(paid, 'en')} of ${formatRubles(sum, 'en')}`,
  paymentWithinOutstanding: ({ amount, outstanding }) =>
    `the payment of ${formatRubles(amount, 'en')} exceeds the outstanding ${formatRubles(outstanding, 'en')}; check the amount`,
  paymentDateNotInFuture: ({ paidOn }) => (paidOn === '' ? 'the payment date is in the future' : `the payment date ${formatDate(paidOn, 'en')} is in the future`),
  paidInFull: ({ paid, sum }) => `${formatRubles(paid, 'en')} of ${formatRubles(sum, 'en')} paid`,
  paperDelivery: () => 'the application chose electronic delivery, and this action concerns paper originals',
  electronicDelivery: () => 'the application chose paper delivery, and this action concerns the electronic platform',
  originalsNotReceived: ({ receivedOn }) =>
    receivedOn === '' ? 'the originals were already received' : `the originals were already received on ${formatDate(receivedOn, 'en')}`,
  platformActNotRecorded: () => 'the act signed on the electronic platform is already recorded',
  originalsOrPlatformAct: ({ delivery }) =>
    delivery === 'electronic' ? 'the act signed on the electronic platform is not recorded yet' : 'the original act and contract have not been received yet',
  everyRowHasResult: ({ missing, total }) => `results are missing for ${missing} of ${total} participants`,
  trackingNumberGivenWhenCertificatesDue: ({ certificates }) =>
    `${certificates} ${certificates === 1 ? 'certificate goes' : 'certificates go'} by post: give the tracking number`,
  submissionDeadlinePassed: ({ date }) => `the submission deadline (${formatDate(date, 'en')}) has not passed`,
  contractDeadlinePassed: ({ date }) => `the contract deadline (${formatDate(date, 'en')}) has not passed`,
  noSignedScansUploaded: () => 'signed contract scans were uploaded',
  firstDayEnded: ({ date }) => `the course's first day (${formatDate(date, 'en')}) is not over`,
  reviewOrDocumentsOverdue: () => 'no review deadline has passed without a flag',
  documentsOverdue: () => 'no document review deadline has passed without a flag',
  originalsOverdue: () => 'the originals deadline has not passed or is already flagged',
};

/** Reason wording per language: the clause that follows a command's «… нельзя …» prefix. */
export const reasonMessages: Readonly<Record<Locale, ReasonCatalog>> = { ru, en };

/** Renders the reason of a failing condition. */
export function formatReason<K extends ConditionName>(condition: K, params: ConditionParams<K>, locale: Locale = 'ru'): string {
  return (reasonMessages[locale][condition] as (params: ConditionParams<K>) => string)(params);
}
