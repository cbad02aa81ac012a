import type { Locale } from '@fioco-flow/rules';
import { stepActions, type ReferenceProblem, type ReferenceProblemCode, type StepAction } from './file-format.js';

type Params = ReferenceProblem['params'];

/** Phrases for each scenario action, printed after the actor's name. */
export const actionLabels: Record<Locale, Record<StepAction, string>> = {
  ru: {
    create_draft: 'создаёт черновик заявки',
    fill_draft: 'заполняет реквизиты и условия заявки',
    add_rows: 'добавляет участников в список',
    remove_row: 'удаляет строку участника',
    give_consents: 'отмечает согласия',
    submit: 'отправляет заявку',
    discard: 'удаляет черновик',
    accept_documents: 'принимает документы',
    reject_document: 'отклоняет документ',
    request_document: 'запрашивает недостающий документ',
    replace_document: 'загружает новый документ взамен отклонённого',
    post_message: 'пишет сообщение',
    take_into_work: 'принимает заявку в работу',
    decline: 'отклоняет заявку',
    withdraw: 'отзывает заявку',
    upload_signed_contract: 'загружает скан-копии подписанного договора и согласия',
    return_signed_contract: 'возвращает скан-копии договора на исправление',
    confirm_contract: 'подтверждает договор',
    send_contract: 'направляет скан-копию заключённого договора',
    send_invoice: 'направляет счёт на оплату',
    record_payment: 'отмечает поступление оплаты',
    issue_closing_documents: 'направляет акт об оказании образовательных услуг',
    upload_signed_act: 'загружает скан-копию подписанного акта',
    record_originals_sent: 'сообщает об отправке оригиналов',
    record_originals_received: 'отмечает получение оригиналов',
    record_act_signed_on_platform: 'отмечает подписание акта на электронной площадке',
    record_results: 'вносит результаты обучения',
    dispatch_package: 'отправляет пакет оригиналов',
    dispatch_certificates: 'отправляет удостоверения',
    close: 'закрывает заявку',
    tick: 'проверяет сроки',
  },
  en: {
    create_draft: 'creates a draft application',
    fill_draft: 'fills in the requisites and terms',
    add_rows: 'adds participants to the list',
    remove_row: 'removes a participant row',
    give_consents: 'ticks the consents',
    submit: 'submits the application',
    discard: 'discards the draft',
    accept_documents: 'accepts documents',
    reject_document: 'rejects a document',
    request_document: 'requests a missing document',
    replace_document: 'uploads a replacement for a rejected document',
    post_message: 'posts a message',
    take_into_work: 'takes the application into work',
    decline: 'declines the application',
    withdraw: 'withdraws the application',
    upload_signed_contract: 'uploads the signed contract and consent scans',
    return_signed_contract: 'returns the contract scans for correction',
    confirm_contract: 'confirms the contract',
    send_contract: 'sends the concluded contract scan',
    send_invoice: 'sends the invoice',
    record_payment: 'records a payment',
    issue_closing_documents: 'sends the act of services rendered',
    upload_signed_act: 'uploads the signed act scan',
    record_originals_sent: 'records the originals as sent',
    record_originals_received: 'records the originals as received',
    record_act_signed_on_platform: 'records the act as signed on the trading platform',
    record_results: 'records the results',
    dispatch_package: 'dispatches the package of originals',
    dispatch_certificates: 'dispatches the certificates',
    close: 'closes the application',
    tick: 'checks the deadlines',
  },
};

/** Role names for the timeline. */
export const roleLabels: Record<Locale, Record<'representative' | 'staff' | 'system', string>> = {
  ru: { representative: 'Представитель организации', staff: 'Сотрудник ФИОКО', system: 'Система' },
  en: { representative: 'Representative', staff: 'FIOCO staff', system: 'System' },
};

const referenceMessages: Record<Locale, Record<ReferenceProblemCode, (params: Params) => string>> = {
  ru: {
    duplicate_id: (p) => `Идентификатор «${p['id']}» уже встречается выше в этом разделе. Дайте каждому элементу свой id.`,
    unknown_actor: (p) =>
      `Действующее лицо «${p['id']}» не описано в разделе actors. Укажите id из actors или «system» для шага tick.`,
    unknown_row: (p) => `Строки участника с id «${p['id']}» нет в разделе participants. Укажите id существующей строки.`,
    unknown_file: (p) => `Файла с id «${p['id']}» нет в разделе files. Добавьте его описание или исправьте id.`,
    unknown_subject: (p) => `Предмета «${p['id']}» нет в списке program.subjects. Выберите предмет программы.`,
    system_step_not_tick: (p) =>
      `От имени системы выполняется только шаг tick, а здесь «${p['action']}». Укажите представителя или сотрудника.`,
    tick_not_system: (p) => `Шаг tick выполняет система, а не «${p['actor']}». Укажите actor: "system".`,
    first_step_not_create: () => 'Сценарий должен начинаться с шага create_draft: без него заявки ещё нет.',
    second_create: () => 'Шаг create_draft встречается второй раз. Один файл описывает одну заявку.',
    steps_out_of_order: (p) =>
      `Шаг датирован ${p['at']}, раньше предыдущего (${p['previous']}). Расположите шаги по времени.`,
    course_dates_reversed: (p) => `Курс заканчивается (${p['end']}) раньше, чем начинается (${p['start']}). Проверьте даты.`,
  },
  en: {
    duplicate_id: (p) => `The id "${p['id']}" already appears above in this section. Give every item its own id.`,
    unknown_actor: (p) =>
      `The actor "${p['id']}" is not listed under actors. Use an id from actors, or "system" for a tick step.`,
    unknown_row: (p) => `There is no participant row with id "${p['id']}" under participants. Use an existing row id.`,
    unknown_file: (p) => `There is no file with id "${p['id']}" under files. Describe the file there or fix the id.`,
    unknown_subject: (p) => `The subject "${p['id']}" is not in program.subjects. Choose one of the program's subjects.`,
    system_step_not_tick: (p) =>
      `The system performs only tick steps, but this step is "${p['action']}". Name a representative or staff member.`,
    tick_not_system: (p) => `A tick step is performed by the system, not by "${p['actor']}". Use actor: "system".`,
    first_step_not_create: () => 'The scenario must start with a create_draft step: there is no application before it.',
    second_create: () => 'A second create_draft step. One file describes one application.',
    steps_out_of_order: (p) => `The step is dated ${p['at']}, before the previous one (${p['previous']}). Order the steps by time.`,
    course_dates_reversed: (p) => `The course ends (${p['end']}) before it starts (${p['start']}). Check the dates.`,
  },
};

/** Renders a cross-reference problem of an application file as a sentence. */
export function formatReferenceProblem(problem: ReferenceProblem, locale: Locale = 'ru'): string {
  return referenceMessages[locale][problem.code](problem.params);
}

/** Messages about the file's own format, where a form field's wording would mislead. */
export const fileFormatMessages: Record<
  Locale,
  { invalidInstant(value: string | undefined): string; unknownAction(value: string | undefined): string }
> = {
  ru: {
    invalidInstant: (value) =>
      `Время шага${value === undefined ? '' : ` «${value}»`} записано неверно. ` +
      'Укажите момент ISO 8601 со смещением, например 2026-02-24T10:15:00+03:00 (московское время).',
    unknownAction: (value) =>
      `Действие${value === undefined ? '' : ` «${value}»`} не поддерживается. ` +
      `Выберите одно из: ${stepActions.join(', ')}.`,
  },
  en: {
    invalidInstant: (value) =>
      `The step's time${value === undefined ? '' : ` "${value}"`} is invalid. ` +
      'Give an ISO 8601 instant with its offset, e.g. 2026-02-24T10:15:00+03:00 (Moscow time).',
    unknownAction: (value) =>
      `The action${value === undefined ? '' : ` "${value}"`} is not supported. Choose one of: ${stepActions.join(', ')}.`,
  },
};
