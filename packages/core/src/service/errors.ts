import { formatViolation, type Locale, type LocalizedText, type Violation } from '@fioco-flow/rules';
import { match } from 'ts-pattern';
import { blockedMessage } from '../commands/available.js';
import { commandCatalog } from '../commands/catalog.js';
import { commandTypes, type CommandType } from '../commands/payloads.js';
import type { BlockReason } from '../machine/conditions.js';
import { stateLabels, type ApplicationState } from '../machine/states.js';
import { pluralRu } from '../messages/format.js';
import type { Role } from '../model/actor.js';

/**
 * Every error code of the service, a closed union. Suggested HTTP statuses: `not_found`, `program_not_found` →
 * 404; `forbidden` → 403; `invalid_payload`, `rule_violations`, `idempotency_mismatch`, `invalid_program` → 422;
 * `version_conflict` → 412; `not_allowed`, `blocked`, `duplicate_application`, `idempotency_in_progress` → 409;
 * `calendar_out_of_range` (a command opens a deadline in a year the production calendar has no data for) → 422.
 *
 * @example
 * ```ts
 * import { serviceErrorCodes } from '@fioco-flow/core';
 *
 * serviceErrorCodes.includes('version_conflict'); //=> true
 * ```
 */
export const serviceErrorCodes = [
  'not_found',
  'program_not_found',
  'invalid_program',
  'forbidden',
  'invalid_payload',
  'rule_violations',
  'idempotency_mismatch',
  'idempotency_in_progress',
  'version_conflict',
  'not_allowed',
  'blocked',
  'duplicate_application',
  'calendar_out_of_range',
] as const;

/**
 * One of {@link serviceErrorCodes}.
 *
 * @example
 * ```ts
 * import type { ServiceErrorCode } from '@fioco-flow/core';
 *
 * const code: ServiceErrorCode = 'version_conflict';
 * ```
 */
export type ServiceErrorCode = (typeof serviceErrorCodes)[number];

/**
 * A violation of a payload or submission rule with its message in the requested language.
 *
 * @example
 * ```ts
 * import type { ViolationWithMessage } from '@fioco-flow/core';
 *
 * const violation: ViolationWithMessage = {
 *   code: 'snils_invalid_checksum',
 *   path: ['participants', 2, 'snils'],
 *   params: { value: '112-233-445 96' },
 *   message: 'СНИЛС участника в строке 3 не проходит проверку контрольной суммы: «112-233-445 96». Проверьте номер.',
 * };
 * ```
 */
export type ViolationWithMessage = Violation & { readonly message: string };

/**
 * An expected failure of the service, as data: the code, the message in the requested language, and the details
 * of its kind (violations for 422s, block reasons and the state for 409s, the current version for 412).
 *
 * @example
 * ```ts
 * import type { ServiceError } from '@fioco-flow/core';
 *
 * function firstProblem(error: ServiceError): string {
 *   return error.violations?.[0]?.message ?? error.reasons?.[0]?.message ?? error.message;
 * }
 * ```
 */
export interface ServiceError {
  readonly code: ServiceErrorCode;
  readonly message: string;
  readonly violations?: readonly ViolationWithMessage[];
  readonly reasons?: readonly BlockReason[];
  readonly state?: ApplicationState;
  readonly currentVersion?: number;
  readonly existingId?: string;
  /** The year the production calendar has no data for, with `calendar_out_of_range`. */
  readonly year?: number;
}

/**
 * A failed service call.
 *
 * @example
 * ```ts
 * import type { Failure } from '@fioco-flow/core';
 *
 * function status(failure: Failure): number {
 *   return failure.error.code === 'not_found' ? 404 : 409;
 * }
 * ```
 */
export interface Failure {
  readonly ok: false;
  readonly error: ServiceError;
}

/**
 * The command types plus the creation of an application, which is not a machine command.
 *
 * @example
 * ```ts
 * import type { OperationType } from '@fioco-flow/core';
 *
 * const create: OperationType = 'application.create';
 * ```
 */
export type OperationType = CommandType | 'application.create';

/**
 * The facts of an error, from which its message is rendered.
 *
 * @example
 * ```ts
 * import { serviceError, type ErrorDetails } from '@fioco-flow/core';
 *
 * const details: ErrorDetails = { code: 'not_found', id: 'a-1' };
 * serviceError(details).message; //=> 'Заявка «a-1» не найдена.'
 * ```
 */
export type ErrorDetails =
  | { readonly code: 'not_found'; readonly id: string }
  | { readonly code: 'program_not_found'; readonly programId: string }
  | { readonly code: 'invalid_program'; readonly programId: string; readonly detail: string }
  | { readonly code: 'forbidden'; readonly operation: OperationType; readonly role: Role }
  | { readonly code: 'invalid_payload'; readonly operation: string; readonly violations: readonly Violation[] }
  | { readonly code: 'rule_violations'; readonly operation: CommandType; readonly violations: readonly Violation[] }
  | { readonly code: 'idempotency_mismatch'; readonly key: string }
  | { readonly code: 'idempotency_in_progress'; readonly key: string }
  | { readonly code: 'version_conflict'; readonly expected: number; readonly current: number }
  | { readonly code: 'not_allowed'; readonly operation: CommandType; readonly state: ApplicationState }
  | { readonly code: 'blocked'; readonly operation: OperationType; readonly reasons: readonly BlockReason[] }
  | {
      readonly code: 'duplicate_application';
      readonly existingId: string;
      readonly programTitle: LocalizedText;
    }
  | { readonly code: 'calendar_out_of_range'; readonly operation: CommandType; readonly year: number };

const roleLabels: Record<Role, LocalizedText> = {
  representative: { ru: 'представитель организации', en: 'organization representative' },
  staff: { ru: 'сотрудник ФИОКО', en: 'institute staff' },
  system: { ru: 'система', en: 'system' },
};

const createLabels = {
  label: { ru: 'Создать заявку', en: 'Create an application' },
  blocked: { ru: 'Заявку нельзя создать', en: 'The application cannot be created' },
};

function operationLabel(operation: string, locale: Locale): string {
  if (operation === 'application.create') return createLabels.label[locale];
  return (commandTypes as readonly string[]).includes(operation) ? commandCatalog[operation as CommandType].label[locale] : operation;
}

function blockedPrefix(operation: OperationType, locale: Locale): string {
  return operation === 'application.create' ? createLabels.blocked[locale] : commandCatalog[operation].blocked[locale];
}

function withMessages(violations: readonly Violation[], locale: Locale): ViolationWithMessage[] {
  return violations.map((violation) => ({ ...violation, message: formatViolation(violation, locale) }));
}

/** Ends a detail with a period, so that it closes a sentence. */
function sentence(detail: string): string {
  const trimmed = detail.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function countRu(count: number, one: string, few: string, many: string): string {
  return `${count} ${pluralRu(count, one, few, many)}`;
}

function firstMessage(violations: readonly Violation[], locale: Locale): string {
  const first = violations[0];
  return first === undefined ? '' : ` ${formatViolation(first, locale)}`;
}

/**
 * Builds a service error with its message in the requested language.
 *
 * @example
 * ```ts
 * import { serviceError } from '@fioco-flow/core';
 *
 * serviceError({ code: 'version_conflict', expected: 3, current: 5 }).message;
 * //=> 'Заявка изменилась: ожидалась версия 3, текущая — 5. Обновите заявку и повторите команду.'
 * ```
 */
export function serviceError(details: ErrorDetails, locale: Locale = 'ru'): ServiceError {
  const ru = locale === 'ru';
  return match(details)
    .with({ code: 'not_found' }, ({ code, id }) => ({
      code,
      message: ru ? `Заявка «${id}» не найдена.` : `Application "${id}" not found.`,
    }))
    .with({ code: 'program_not_found' }, ({ code, programId }) => ({
      code,
      message: ru
        ? `Программа «${programId}» не найдена. Проверьте идентификатор программы.`
        : `Program "${programId}" not found. Check the program id.`,
    }))
    .with({ code: 'invalid_program' }, ({ code, programId, detail }) => ({
      code,
      message: ru
        ? `Программу «${programId}» нельзя использовать: ${sentence(detail)}`
        : `Program "${programId}" cannot be used: ${sentence(detail)}`,
    }))
    .with({ code: 'forbidden' }, ({ code, operation, role }) => ({
      code,
      message: ru
        ? `Команда «${operationLabel(operation, locale)}» недоступна для роли «${roleLabels[role].ru}».`
        : `The role "${roleLabels[role].en}" may not send the command "${operationLabel(operation, locale)}".`,
    }))
    .with({ code: 'invalid_payload' }, ({ code, operation, violations }) => ({
      code,
      message: ru
        ? `Данные команды «${operationLabel(operation, locale)}» содержат ${countRu(violations.length, 'ошибку', 'ошибки', 'ошибок')}.${firstMessage(violations, locale)}`
        : `The data of the command "${operationLabel(operation, locale)}" has ${violations.length} ${violations.length === 1 ? 'error' : 'errors'}.${firstMessage(violations, locale)}`,
      violations: withMessages(violations, locale),
    }))
    .with({ code: 'rule_violations' }, ({ code, operation, violations }) => ({
      code,
      message: ru
        ? `${blockedPrefix(operation, locale)}: ${countRu(violations.length, 'нарушение', 'нарушения', 'нарушений')}.${firstMessage(violations, locale)}`
        : `${blockedPrefix(operation, locale)}: ${violations.length} ${violations.length === 1 ? 'problem' : 'problems'}.${firstMessage(violations, locale)}`,
      violations: withMessages(violations, locale),
    }))
    .with({ code: 'idempotency_mismatch' }, ({ code, key }) => ({
      code,
      message: ru
        ? `Ключ идемпотентности «${key}» уже использован для другого запроса. Для нового запроса нужен новый ключ.`
        : `The idempotency key "${key}" was already used for another request. Use a new key for a new request.`,
    }))
    .with({ code: 'idempotency_in_progress' }, ({ code, key }) => ({
      code,
      message: ru
        ? `Запрос с ключом идемпотентности «${key}» ещё выполняется. Повторите его позже.`
        : `The request with the idempotency key "${key}" is still running. Retry it later.`,
    }))
    .with({ code: 'version_conflict' }, ({ code, expected, current }) => ({
      code,
      message: ru
        ? `Заявка изменилась: ожидалась версия ${expected}, текущая — ${current}. Обновите заявку и повторите команду.`
        : `The application changed: version ${expected} was expected, the current one is ${current}. Reload it and retry the command.`,
      currentVersion: current,
    }))
    .with({ code: 'not_allowed' }, ({ code, operation, state }) => ({
      code,
      message: ru
        ? `Команда «${operationLabel(operation, locale)}» недоступна, когда заявка в состоянии «${stateLabels[state].ru}».`
        : `The command "${operationLabel(operation, locale)}" is not available while the application is "${stateLabels[state].en}".`,
      state,
    }))
    .with({ code: 'blocked' }, ({ code, operation, reasons }) => ({
      code,
      message:
        operation === 'application.create'
          ? `${blockedPrefix(operation, locale)}: ${reasons.map((reason) => reason.message).join('; ')}.`
          : blockedMessage(operation, reasons, locale),
      reasons,
    }))
    .with({ code: 'duplicate_application' }, ({ code, existingId, programTitle }) => ({
      code,
      message: ru
        ? `У организации уже есть незавершённая заявка «${existingId}» на программу «${programTitle.ru}». Новую можно создать, когда эта завершится.`
        : `The organization already has an unfinished application "${existingId}" for the program "${programTitle.en}". A new one can be created once it ends.`,
      existingId,
    }))
    .with({ code: 'calendar_out_of_range' }, ({ code, operation, year }) => ({
      code,
      message: ru
        ? `Команда «${operationLabel(operation, locale)}» не выполнена: в производственном календаре нет данных за ${year} год, а срок, который она открывает, приходится на этот год. Администратор системы должен добавить ${year} год в календарь функцией extendCalendar.`
        : `The command "${operationLabel(operation, locale)}" was not carried out: the production calendar has no data for ${year}, the year a deadline it opens falls in. The system administrator must add ${year} to the calendar with extendCalendar.`,
      year,
    }))
    .exhaustive();
}

/** Builds the failure result of a service call. */
export function failure(details: ErrorDetails, locale: Locale = 'ru'): Failure {
  return { ok: false, error: serviceError(details, locale) };
}
