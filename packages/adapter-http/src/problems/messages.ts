import type { Locale, LocalizedText } from '@fioco-flow/rules';
import type { ProblemCode } from './status.js';

/** A value of a problem's parameters: plain, or given in both languages. */
export type ProblemParam = string | number | LocalizedText;

/** Parameters each problem code's detail is rendered from. */
export interface ProblemParams {
  unauthenticated: Record<string, never>;
  route_not_found: { method: string; path: string };
  application_not_found: { applicationId: string };
  program_not_found: { programId: string };
  document_not_found: { documentId: string };
  participant_not_found: { rowId: string };
  file_not_found: { fileId: string };
  command_forbidden: { command: ProblemParam; role: ProblemParam };
  action_forbidden: { action: ProblemParam; role: ProblemParam };
  invalid_payload: { count: number };
  malformed_body: { reason: ProblemParam };
  unsupported_content_type: { contentType: string; expected: string };
  invalid_parameter: { name: string; value: string; expected: ProblemParam };
  date_outside_calendar: { date: string; firstYear: number; lastYear: number };
  idempotency_key_invalid: { maxLength: number };
  idempotency_key_reused: Record<string, never>;
  idempotency_request_in_progress: Record<string, never>;
  if_match_required: Record<string, never>;
  version_mismatch: { expected: string; current: string };
  command_not_allowed: { command: ProblemParam; state: ProblemParam };
  command_blocked: { command: ProblemParam; reasons: ProblemParam };
  application_already_exists: { programId: string };
  program_unavailable: { programId: string };
  submission_rules_failed: { count: number };
  unsupported_file_type: { name: string; detected: ProblemParam; allowed: string };
  file_empty: { name: string };
  file_too_large: { name: string; size: number; maxBytes: number };
  too_many_files: { count: number; maxFiles: number };
  request_too_large: { maxBytes: number };
  internal_error: Record<string, never>;
}

interface ProblemText<TParams> {
  readonly title: string;
  readonly detail: (params: TParams, locale: Locale) => string;
}

type ProblemCatalog = { readonly [TCode in ProblemCode]: ProblemText<ProblemParams[TCode]> };

/** Renders a parameter in the given language. */
export function localize(value: ProblemParam, locale: Locale): string {
  return typeof value === 'object' ? value[locale] : String(value);
}

/** Writes a byte count the way a person reads it: «2,5 МБ» / «2.5 MB». */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = locale === 'ru' ? ['байт', 'КБ', 'МБ', 'ГБ'] : ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return `${number} ${units[unit]}`;
}

const ru: ProblemCatalog = {
  unauthenticated: {
    title: 'Требуется вход',
    detail: () => 'Запрос не содержит действующих учётных данных. Войдите в систему и повторите запрос.',
  },
  route_not_found: {
    title: 'Адрес не найден',
    detail: (p) => `Адрес ${p.method} ${p.path} не существует. Список адресов — в /openapi.json.`,
  },
  application_not_found: {
    title: 'Заявка не найдена',
    detail: (p) => `Заявка ${p.applicationId} не найдена или недоступна вашей организации.`,
  },
  program_not_found: {
    title: 'Программа не найдена',
    detail: (p) => `Программа ${p.programId} не найдена. Список программ — GET /programs.`,
  },
  document_not_found: {
    title: 'Документ не найден',
    detail: (p) => `Документ ${p.documentId} не найден в этой заявке.`,
  },
  participant_not_found: {
    title: 'Строка участника не найдена',
    detail: (p) => `Строки участника ${p.rowId} нет в этой заявке.`,
  },
  file_not_found: {
    title: 'Файл не найден',
    detail: (p) => `Файл ${p.fileId} не относится к этой заявке или был удалён из хранилища.`,
  },
  command_forbidden: {
    title: 'Команда недоступна вашей роли',
    detail: (p, l) => `Команду «${localize(p.command, l)}» не может отправить ${localize(p.role, l)}.`,
  },
  action_forbidden: {
    title: 'Действие недоступно вашей роли',
    detail: (p, l) => `Действие «${localize(p.action, l)}» не может выполнить ${localize(p.role, l)}.`,
  },
  invalid_payload: {
    title: 'Данные запроса не прошли проверку',
    detail: (p) => `Найдено ошибок: ${p.count}. Каждая указана в errors с путём к полю; исправьте их и повторите запрос.`,
  },
  malformed_body: {
    title: 'Тело запроса не разобрано',
    detail: (p, l) => `Тело запроса не удалось разобрать: ${localize(p.reason, l)}.`,
  },
  unsupported_content_type: {
    title: 'Неподдерживаемый тип содержимого',
    detail: (p) => `Тип содержимого «${p.contentType}» здесь не принимается; отправьте ${p.expected}.`,
  },
  invalid_parameter: {
    title: 'Неверный параметр',
    detail: (p, l) => `Параметр ${p.name} = «${p.value}» задан неверно: ожидается ${localize(p.expected, l)}.`,
  },
  date_outside_calendar: {
    title: 'Дата вне производственного календаря',
    detail: (p) =>
      `Дата ${p.date} или день, отсчитанный от неё, лежит вне производственного календаря: в нём есть только ${p.firstYear}–${p.lastYear} годы. Выберите дату в этих годах.`,
  },
  idempotency_key_invalid: {
    title: 'Неверный ключ идемпотентности',
    detail: (p) =>
      `Заголовок Idempotency-Key должен содержать от 1 до ${p.maxLength} видимых символов ASCII, например UUID.`,
  },
  idempotency_key_reused: {
    title: 'Ключ идемпотентности уже использован',
    detail: () =>
      'С этим ключом Idempotency-Key уже был отправлен другой запрос. Для нового запроса создайте новый ключ.',
  },
  idempotency_request_in_progress: {
    title: 'Запрос с этим ключом ещё выполняется',
    detail: () => 'Первый запрос с этим ключом Idempotency-Key ещё не завершён. Повторите запрос через несколько секунд.',
  },
  if_match_required: {
    title: 'Нужен заголовок If-Match',
    detail: () =>
      'Команда меняет заявку, поэтому запрос должен содержать заголовок If-Match со значением ETag из последнего чтения заявки.',
  },
  version_mismatch: {
    title: 'Заявка изменилась',
    detail: (p) =>
      `Заявка изменилась после вашего чтения: If-Match ${p.expected}, текущий ETag ${p.current}. Загрузите заявку заново и повторите команду.`,
  },
  command_not_allowed: {
    title: 'Команда недоступна в этом состоянии',
    detail: (p, l) => `Команда «${localize(p.command, l)}» недоступна: заявка в состоянии «${localize(p.state, l)}».`,
  },
  command_blocked: {
    title: 'Команда пока невозможна',
    detail: (p, l) => localize(p.reasons, l),
  },
  application_already_exists: {
    title: 'Заявка уже есть',
    detail: (p) =>
      `У организации уже есть незавершённая заявка на программу ${p.programId}. Продолжите её или дождитесь её завершения.`,
  },
  program_unavailable: {
    title: 'Программа недоступна',
    detail: (p) => `Заявку на программу ${p.programId} сейчас нельзя создать: данные программы неполны. Сообщите в ФИОКО.`,
  },
  submission_rules_failed: {
    title: 'Заявка не может быть отправлена',
    detail: (p) => `Найдено нарушений: ${p.count}. Каждое указано в errors со строкой и полем; исправьте их и отправьте заявку снова.`,
  },
  unsupported_file_type: {
    title: 'Недопустимый тип файла',
    detail: (p, l) =>
      `Файл «${p.name}» по содержимому — ${localize(p.detected, l)}. Принимаются только ${p.allowed}; имя и заявленный тип файла не учитываются.`,
  },
  file_empty: {
    title: 'Пустой файл',
    detail: (p) => `Файл «${p.name}» пуст. Выберите файл с содержимым.`,
  },
  file_too_large: {
    title: 'Файл слишком большой',
    detail: (p, l) =>
      `Файл «${p.name}» занимает ${formatBytes(p.size, l)}, а допускается не больше ${formatBytes(p.maxBytes, l)}. Уменьшите файл и загрузите снова.`,
  },
  too_many_files: {
    title: 'Слишком много файлов',
    detail: (p) => `В запросе ${p.count} файлов, а допускается не больше ${p.maxFiles}. Отправьте их несколькими запросами.`,
  },
  request_too_large: {
    title: 'Запрос слишком большой',
    detail: (p, l) => `Тело запроса больше ${formatBytes(p.maxBytes, l)}. Уменьшите файлы или отправьте их по отдельности.`,
  },
  internal_error: {
    title: 'Внутренняя ошибка',
    detail: () => 'Запрос не выполнен из-за внутренней ошибки сервера. Повторите позже; если ошибка повторится, сообщите в поддержку.',
  },
};

const en: ProblemCatalog = {
  unauthenticated: {
    title: 'Authentication required',
    detail: () => 'The request carries no valid credentials. Sign in and send the request again.',
  },
  route_not_found: {
    title: 'Route not found',
    detail: (p) => `${p.method} ${p.path} does not exist. /openapi.json lists every route.`,
  },
  application_not_found: {
    title: 'Application not found',
    detail: (p) => `Application ${p.applicationId} does not exist or is not visible to your organization.`,
  },
  program_not_found: {
    title: 'Program not found',
    detail: (p) => `Program ${p.programId} does not exist. GET /programs lists the programs.`,
  },
  document_not_found: {
    title: 'Document not found',
    detail: (p) => `Document ${p.documentId} is not part of this application.`,
  },
  participant_not_found: {
    title: 'Participant row not found',
    detail: (p) => `Participant row ${p.rowId} is not part of this application.`,
  },
  file_not_found: {
    title: 'File not found',
    detail: (p) => `File ${p.fileId} does not belong to this application or is missing from the file store.`,
  },
  command_forbidden: {
    title: 'Command not available to your role',
    detail: (p, l) => `The command "${localize(p.command, l)}" cannot be sent by ${localize(p.role, l)}.`,
  },
  action_forbidden: {
    title: 'Action not available to your role',
    detail: (p, l) => `The action "${localize(p.action, l)}" cannot be performed by ${localize(p.role, l)}.`,
  },
  invalid_payload: {
    title: 'Invalid request data',
    detail: (p) => `${p.count} error(s) found. Each is listed in errors with a pointer to its field; fix them and send the request again.`,
  },
  malformed_body: {
    title: 'Malformed request body',
    detail: (p, l) => `The request body could not be parsed: ${localize(p.reason, l)}.`,
  },
  unsupported_content_type: {
    title: 'Unsupported content type',
    detail: (p) => `Content type "${p.contentType}" is not accepted here; send ${p.expected}.`,
  },
  invalid_parameter: {
    title: 'Invalid parameter',
    detail: (p, l) => `Parameter ${p.name} = "${p.value}" is invalid: expected ${localize(p.expected, l)}.`,
  },
  date_outside_calendar: {
    title: 'Date outside the production calendar',
    detail: (p) =>
      `The date ${p.date}, or a day counted from it, lies outside the production calendar, which covers only ${p.firstYear}–${p.lastYear}. Choose a date within those years.`,
  },
  idempotency_key_invalid: {
    title: 'Invalid idempotency key',
    detail: (p) => `The Idempotency-Key header must hold 1 to ${p.maxLength} visible ASCII characters, such as a UUID.`,
  },
  idempotency_key_reused: {
    title: 'Idempotency key already used',
    detail: () => 'Another request was already sent with this Idempotency-Key. Use a new key for a new request.',
  },
  idempotency_request_in_progress: {
    title: 'Request with this key still running',
    detail: () => 'The first request with this Idempotency-Key has not finished yet. Retry in a few seconds.',
  },
  if_match_required: {
    title: 'If-Match header required',
    detail: () =>
      'A command changes the application, so the request must carry an If-Match header with the ETag of your last read of the application.',
  },
  version_mismatch: {
    title: 'Application has changed',
    detail: (p) =>
      `The application changed after your read: If-Match ${p.expected}, current ETag ${p.current}. Reload the application and send the command again.`,
  },
  command_not_allowed: {
    title: 'Command not allowed in this state',
    detail: (p, l) => `The command "${localize(p.command, l)}" is not allowed: the application is "${localize(p.state, l)}".`,
  },
  command_blocked: {
    title: 'Command not possible yet',
    detail: (p, l) => localize(p.reasons, l),
  },
  application_already_exists: {
    title: 'Application already exists',
    detail: (p) =>
      `The organization already has an unfinished application for program ${p.programId}. Continue it or wait until it ends.`,
  },
  program_unavailable: {
    title: 'Program unavailable',
    detail: (p) => `Applications for program ${p.programId} cannot be created now: the program's data is incomplete. Contact the institute.`,
  },
  submission_rules_failed: {
    title: 'Application cannot be submitted',
    detail: (p) => `${p.count} violation(s) found. Each is listed in errors with its row and field; fix them and submit again.`,
  },
  unsupported_file_type: {
    title: 'File type not accepted',
    detail: (p, l) =>
      `By its content the file "${p.name}" is ${localize(p.detected, l)}. Only ${p.allowed} are accepted; the file name and declared type are ignored.`,
  },
  file_empty: {
    title: 'Empty file',
    detail: (p) => `The file "${p.name}" is empty. Choose a file with content.`,
  },
  file_too_large: {
    title: 'File too large',
    detail: (p, l) =>
      `The file "${p.name}" takes ${formatBytes(p.size, l)}, but at most ${formatBytes(p.maxBytes, l)} is allowed. Make it smaller and upload it again.`,
  },
  too_many_files: {
    title: 'Too many files',
    detail: (p) => `The request holds ${p.count} files, but at most ${p.maxFiles} are allowed. Send them in several requests.`,
  },
  request_too_large: {
    title: 'Request too large',
    detail: (p, l) => `The request body exceeds ${formatBytes(p.maxBytes, l)}. Make the files smaller or send them one by one.`,
  },
  internal_error: {
    title: 'Internal error',
    detail: () => 'The request failed because of an internal server error. Try again later; if it keeps failing, contact support.',
  },
};

/** Titles and detail templates of every problem code, per language. */
export const problemMessages: Readonly<Record<Locale, ProblemCatalog>> = { ru, en };
