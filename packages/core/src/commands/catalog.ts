import {
  validateOrganization,
  validateParticipantRows,
  validateTrackingNumber,
  type LocalizedText,
  type Violation,
} from '@fioco-flow/rules';
import { rowsWithDocuments } from '../machine/queries.js';
import { applyRowChanges, normalizeRowFields } from '../machine/reducers.js';
import type { ApplicationData } from '../model/application.js';
import type { Role } from '../model/actor.js';
import { commandPayloadSchemas, type CommandPayload, type CommandType } from './payloads.js';

/**
 * The catalog entry of one command: who may send it, its payload schema, its label, the prefix of a
 * blocked reason («Договор нельзя подтвердить»), which values the service generates for it, and the
 * well-formedness checks of the participant and identifier rules that go beyond the schema.
 *
 * @example
 * ```ts
 * import { commandCatalog, type CommandDefinition } from '@fioco-flow/core';
 *
 * const confirm: CommandDefinition<'contract.confirm'> = commandCatalog['contract.confirm'];
 * confirm.generates; //=> { id: false, codeWord: true }
 * ```
 */
export interface CommandDefinition<K extends CommandType> {
  readonly type: K;
  readonly roles: readonly Role[];
  readonly schema: (typeof commandPayloadSchemas)[K];
  readonly label: LocalizedText;
  readonly blocked: LocalizedText;
  readonly generates: { readonly id: boolean; readonly codeWord: boolean };
  /** Rule checks of a schema-valid payload against the application; an empty list means the payload is well-formed. */
  readonly check?: (payload: CommandPayload<K>, data: ApplicationData) => Violation[];
}

const representative = ['representative'] as const;
const staff = ['staff'] as const;
const nothing = { id: false, codeWord: false } as const;
const newId = { id: true, codeWord: false } as const;

function prefixed(violations: Violation[], path: readonly (string | number)[]): Violation[] {
  return violations.map((violation) => ({ ...violation, path: [...path, ...violation.path] }));
}

function checkTrackingNumber(trackingNumber: string | undefined): Violation[] {
  if (trackingNumber === undefined) return [];
  return prefixed(validateTrackingNumber(trackingNumber.replace(/[\s-]+/g, '').toUpperCase()), ['trackingNumber']);
}

/** Draft checks of one row as it would be stored at `index`: every value given must be well-formed. */
function checkRowAt(data: ApplicationData, index: number, row: Record<string, unknown>): Violation[] {
  const rows = rowsWithDocuments(data).map((entry) => ({ ...entry }) as Record<string, unknown>);
  rows[index] = { ...row, documents: (rows[index]?.documents as unknown) ?? [] };
  return validateParticipantRows(rows, data.program, { stage: 'draft', asOf: data.program.courseStart }).filter((violation) => violation.path[1] === index);
}

function command<K extends CommandType>(definition: Omit<CommandDefinition<K>, 'schema'>): CommandDefinition<K> {
  return { ...definition, schema: commandPayloadSchemas[definition.type] };
}

/**
 * The command catalog: every command of the procedure with its roles, payload schema, labels in Russian and
 * English, and generated values.
 *
 * @example
 * ```ts
 * import { commandCatalog } from '@fioco-flow/core';
 *
 * commandCatalog['contract.confirm'].roles;    //=> ['staff']
 * commandCatalog['contract.confirm'].label.ru; //=> 'Подтвердить договор'
 * ```
 */
export const commandCatalog: { readonly [K in CommandType]: CommandDefinition<K> } = {
  'draft.update': command({
    type: 'draft.update',
    roles: representative,
    label: { ru: 'Сохранить черновик', en: 'Save the draft' },
    blocked: { ru: 'Черновик нельзя сохранить', en: 'The draft cannot be saved' },
    generates: nothing,
    check: (payload, data) => {
      if (payload.organization === undefined) return [];
      const given = Object.keys(payload.organization).filter((key) => (payload.organization as Record<string, string | undefined>)[key]?.trim());
      const merged = { ...data.form.organization, ...payload.organization };
      return validateOrganization(merged, { stage: 'draft' }).filter((violation) => given.includes(String(violation.path[1])));
    },
  }),
  'row.add': command({
    type: 'row.add',
    roles: representative,
    label: { ru: 'Добавить участника', en: 'Add a participant' },
    blocked: { ru: 'Участника нельзя добавить', en: 'The participant cannot be added' },
    generates: newId,
    check: (payload, data) => checkRowAt(data, data.rows.length, { id: 'new-row', ...normalizeRowFields(payload.row) }),
  }),
  'row.update': command({
    type: 'row.update',
    roles: representative,
    label: { ru: 'Изменить данные участника', en: 'Change a participant' },
    blocked: { ru: 'Данные участника нельзя изменить', en: 'The participant cannot be changed' },
    generates: nothing,
    check: (payload, data) => {
      const index = data.rows.findIndex((row) => row.id === payload.rowId);
      const row = data.rows[index];
      return row === undefined ? [] : checkRowAt(data, index, applyRowChanges(row, payload.changes));
    },
  }),
  'row.remove': command({
    type: 'row.remove',
    roles: representative,
    label: { ru: 'Удалить участника', en: 'Remove a participant' },
    blocked: { ru: 'Участника нельзя удалить', en: 'The participant cannot be removed' },
    generates: nothing,
  }),
  'document.attach': command({
    type: 'document.attach',
    roles: representative,
    label: { ru: 'Приложить документ', en: 'Attach a document' },
    blocked: { ru: 'Документ нельзя приложить', en: 'The document cannot be attached' },
    generates: newId,
  }),
  'application.submit': command({
    type: 'application.submit',
    roles: representative,
    label: { ru: 'Отправить заявку', en: 'Submit the application' },
    blocked: { ru: 'Заявку нельзя отправить', en: 'The application cannot be submitted' },
    generates: nothing,
  }),
  'application.discard': command({
    type: 'application.discard',
    roles: representative,
    label: { ru: 'Удалить черновик', en: 'Discard the draft' },
    blocked: { ru: 'Черновик нельзя удалить', en: 'The draft cannot be discarded' },
    generates: nothing,
  }),
  'document.accept': command({
    type: 'document.accept',
    roles: staff,
    label: { ru: 'Принять документ', en: 'Accept a document' },
    blocked: { ru: 'Документ нельзя принять', en: 'The document cannot be accepted' },
    generates: nothing,
  }),
  'document.reject': command({
    type: 'document.reject',
    roles: staff,
    label: { ru: 'Отклонить документ', en: 'Reject a document' },
    blocked: { ru: 'Документ нельзя отклонить', en: 'The document cannot be rejected' },
    generates: nothing,
  }),
  'document.request': command({
    type: 'document.request',
    roles: staff,
    label: { ru: 'Запросить недостающий документ', en: 'Request a missing document' },
    blocked: { ru: 'Документ нельзя запросить', en: 'The document cannot be requested' },
    generates: newId,
  }),
  'document.replace': command({
    type: 'document.replace',
    roles: representative,
    label: { ru: 'Заменить документ', en: 'Replace a document' },
    blocked: { ru: 'Документ нельзя заменить', en: 'The document cannot be replaced' },
    generates: nothing,
  }),
  'application.take_into_work': command({
    type: 'application.take_into_work',
    roles: staff,
    label: { ru: 'Принять заявку в работу', en: 'Take the application into work' },
    blocked: { ru: 'Заявку нельзя принять в работу', en: 'The application cannot be taken into work' },
    generates: nothing,
  }),
  'application.decline': command({
    type: 'application.decline',
    roles: staff,
    label: { ru: 'Отклонить заявку', en: 'Decline the application' },
    blocked: { ru: 'Заявку нельзя отклонить', en: 'The application cannot be declined' },
    generates: nothing,
  }),
  'application.withdraw': command({
    type: 'application.withdraw',
    roles: representative,
    label: { ru: 'Отозвать заявку', en: 'Withdraw the application' },
    blocked: { ru: 'Заявку нельзя отозвать', en: 'The application cannot be withdrawn' },
    generates: nothing,
  }),
  'contract.upload_signed': command({
    type: 'contract.upload_signed',
    roles: representative,
    label: { ru: 'Загрузить подписанный договор и согласие', en: 'Upload the signed contract and consent' },
    blocked: { ru: 'Подписанный договор нельзя загрузить', en: 'The signed contract cannot be uploaded' },
    generates: nothing,
  }),
  'contract.return': command({
    type: 'contract.return',
    roles: staff,
    label: { ru: 'Вернуть договор на исправление', en: 'Return the contract for correction' },
    blocked: { ru: 'Договор нельзя вернуть', en: 'The contract cannot be returned' },
    generates: nothing,
  }),
  'contract.confirm': command({
    type: 'contract.confirm',
    roles: staff,
    label: { ru: 'Подтвердить договор', en: 'Confirm the contract' },
    blocked: { ru: 'Договор нельзя подтвердить', en: 'The contract cannot be confirmed' },
    generates: { id: false, codeWord: true },
  }),
  'contract.send_concluded': command({
    type: 'contract.send_concluded',
    roles: staff,
    label: { ru: 'Отправить скан заключённого договора', en: 'Send the concluded contract scan' },
    blocked: { ru: 'Скан заключённого договора нельзя отправить', en: 'The concluded contract scan cannot be sent' },
    generates: newId,
  }),
  'invoice.send': command({
    type: 'invoice.send',
    roles: staff,
    label: { ru: 'Отправить счёт на предоплату', en: 'Send the prepayment invoice' },
    blocked: { ru: 'Счёт нельзя отправить', en: 'The invoice cannot be sent' },
    generates: newId,
  }),
  'closing.issue': command({
    type: 'closing.issue',
    roles: staff,
    label: { ru: 'Выставить закрывающие документы', en: 'Issue the closing documents' },
    blocked: { ru: 'Закрывающие документы нельзя выставить', en: 'The closing documents cannot be issued' },
    generates: newId,
  }),
  'act.upload_signed': command({
    type: 'act.upload_signed',
    roles: representative,
    label: { ru: 'Загрузить подписанный акт', en: 'Upload the signed act' },
    blocked: { ru: 'Подписанный акт нельзя загрузить', en: 'The signed act cannot be uploaded' },
    generates: newId,
  }),
  'originals.record_sent': command({
    type: 'originals.record_sent',
    roles: representative,
    label: { ru: 'Отметить отправку оригиналов', en: 'Record the originals as sent' },
    blocked: { ru: 'Отправку оригиналов нельзя отметить', en: 'The originals cannot be recorded as sent' },
    generates: nothing,
    check: (payload) => checkTrackingNumber(payload.trackingNumber),
  }),
  'originals.record_received': command({
    type: 'originals.record_received',
    roles: staff,
    label: { ru: 'Отметить получение оригиналов', en: 'Record the originals as received' },
    blocked: { ru: 'Получение оригиналов нельзя отметить', en: 'The originals cannot be recorded as received' },
    generates: nothing,
  }),
  'act.record_signed_on_platform': command({
    type: 'act.record_signed_on_platform',
    roles: staff,
    label: { ru: 'Отметить подписание акта на площадке', en: 'Record the act as signed on the platform' },
    blocked: { ru: 'Подписание акта нельзя отметить', en: 'The act cannot be recorded as signed' },
    generates: nothing,
  }),
  'results.record': command({
    type: 'results.record',
    roles: staff,
    label: { ru: 'Внести результаты обучения', en: 'Record the results' },
    blocked: { ru: 'Результаты нельзя внести', en: 'The results cannot be recorded' },
    generates: nothing,
  }),
  'payment.record': command({
    type: 'payment.record',
    roles: staff,
    label: { ru: 'Внести оплату', en: 'Record a payment' },
    blocked: { ru: 'Оплату нельзя внести', en: 'The payment cannot be recorded' },
    generates: newId,
  }),
  'package.dispatch': command({
    type: 'package.dispatch',
    roles: staff,
    label: { ru: 'Отправить пакет документов', en: 'Dispatch the package' },
    blocked: { ru: 'Пакет документов нельзя отправить', en: 'The package cannot be dispatched' },
    generates: nothing,
    check: (payload) => checkTrackingNumber(payload.trackingNumber),
  }),
  'certificates.dispatch': command({
    type: 'certificates.dispatch',
    roles: staff,
    label: { ru: 'Отправить удостоверения', en: 'Dispatch the certificates' },
    blocked: { ru: 'Удостоверения нельзя отправить', en: 'The certificates cannot be dispatched' },
    generates: nothing,
    check: (payload) => checkTrackingNumber(payload.trackingNumber),
  }),
  'application.close': command({
    type: 'application.close',
    roles: staff,
    label: { ru: 'Закрыть заявку', en: 'Close the application' },
    blocked: { ru: 'Заявку нельзя закрыть', en: 'The application cannot be closed' },
    generates: nothing,
  }),
  'message.post': command({
    type: 'message.post',
    roles: ['representative', 'staff'],
    label: { ru: 'Написать сообщение', en: 'Post a message' },
    blocked: { ru: 'Сообщение нельзя отправить', en: 'The message cannot be posted' },
    generates: newId,
  }),
  'clock.tick': command({
    type: 'clock.tick',
    roles: ['system'],
    label: { ru: 'Применить сроки', en: 'Apply the deadlines' },
    blocked: { ru: 'Сроки нельзя применить', en: 'The deadlines cannot be applied' },
    generates: nothing,
  }),
};

/**
 * Tells whether a role may ever send a command, whatever the state.
 *
 * @example
 * ```ts
 * import { isAllowedRole } from '@fioco-flow/core';
 *
 * isAllowedRole('contract.confirm', 'representative'); //=> false
 * ```
 */
export function isAllowedRole(type: CommandType, role: Role): boolean {
  return commandCatalog[type].roles.includes(role);
}
