import { commandCatalog, commandTypes, isAllowedRole, type ApplicationView, type CommandType, type DispatchSuccess } from '@fioco-flow/core';
import { formatViolation, violationsFromZod, type Locale } from '@fioco-flow/rules';
import type { Context } from 'hono';
import type { z } from 'zod';
import { checkIfMatch, versionETag } from '../http/conditional.js';
import type { AdapterEnv } from '../http/env.js';
import { beginIdempotentRequest, readIdempotencyKey, requestFingerprint, serviceIdempotencyKey, serviceRecordStatus } from '../http/idempotency.js';
import { problem, ProblemError, type FieldError } from '../problems/problem.js';
import { problemFromServiceError, toJsonPointer } from '../problems/service-errors.js';
import { toApplicationBody } from '../views/application.js';
import { requestPath, type RouteDependencies } from './context.js';

/**
 * Runs a write under the request's `Idempotency-Key`, if it has one: a completed first request is
 * replayed, and every response below 500 of this one (problems included) is recorded for replay.
 * `body` is what makes two requests "the same" besides the method and path.
 */
export async function idempotentWrite(
  c: Context<AdapterEnv>,
  dependencies: RouteDependencies,
  request: { readonly applicationId: string | null; readonly body: unknown },
  execute: () => Promise<Response>,
): Promise<Response> {
  const key = readIdempotencyKey(c.req.header('idempotency-key'));
  const locale = c.get('locale');
  const run = async () => {
    try {
      return await execute();
    } catch (error) {
      if (error instanceof ProblemError) return error.toResponse(locale, requestPath(c));
      throw error;
    }
  };
  if (key === undefined) return run();

  const fingerprint = await requestFingerprint(c.req.method, requestPath(c), request.body);
  const started = await beginIdempotentRequest(dependencies.idempotency, c.get('actor').id, key, fingerprint, request.applicationId);
  if ('replay' in started) return started.replay;

  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await started.session.release();
    throw error;
  }
  return started.session.complete(response);
}

/** A command whose payload has passed validation, ready to be sent once `If-Match` has been checked. */
export interface ValidatedCommand {
  readonly type: CommandType;
  /**
   * The payload with placeholder FileRefs, for a command whose files are stored by `finalize`: the service checks it
   * first without writing, so that a command it rejects stores no file.
   */
  readonly provisional?: unknown;
  /**
   * Builds the payload to dispatch. Upload routes store their files here, after every check, so a
   * refused request stores nothing.
   */
  readonly finalize: () => Promise<unknown>;
}

/** The steps a command route supplies: reading the command type and validating the payload. */
export interface CommandSource {
  /** Location of the payload in the request body, for error pointers: `/payload` or empty. */
  readonly pointerPrefix: string;
  /** The command type; throws `invalid_payload` (422) for an unknown one. */
  readonly type: () => CommandType;
  /** Checks the payload; throws `invalid_payload` (422) or an upload problem. */
  readonly validate: (type: CommandType) => Promise<ValidatedCommand>;
}

/**
 * Sends a command to an application, checking in the order 403 (the role may never send it),
 * 422 (payload), 428/412 (`If-Match`) and then the service's 409s. The caller has already returned
 * 401 and 404 and runs this inside {@link idempotentWrite}.
 */
export async function executeCommand(
  c: Context<AdapterEnv>,
  dependencies: RouteDependencies,
  application: ApplicationView,
  source: CommandSource,
): Promise<Response> {
  const actor = c.get('actor');
  const locale = c.get('locale');

  const type = source.type();
  if (!isAllowedRole(type, actor.role)) {
    throw problem('command_forbidden', { command: commandCatalog[type].label, role: roleLabel(actor.role) });
  }
  const validated = await source.validate(type);
  const serviceKey = serviceIdempotencyKey(c.req.header('idempotency-key'));
  // A retry after a crash carries the If-Match of its first attempt, which the command itself made stale. When the
  // service recorded that attempt, the retry gets the first result instead of a 412.
  const serviceRecord = await serviceRecordStatus(dependencies.idempotency, actor.id, serviceKey);
  // Checked before any file is stored: the service would refuse the command while the key is in use.
  if (serviceRecord === 'pending') throw problem('idempotency_request_in_progress', {}, { headers: { 'retry-after': '1' } });
  const recorded = serviceRecord === 'completed';
  const expectedVersion = recorded ? undefined : checkIfMatch(c.req.header('if-match'), application.version, locale);
  if (validated.provisional !== undefined && !recorded) {
    const probe = await dependencies.service.dispatch(
      application.id,
      actor,
      { type, payload: validated.provisional },
      { locale, dryRun: true, ...(expectedVersion === undefined ? {} : { expectedVersion }) },
    );
    if (!probe.ok) throw problemFromServiceError(probe.error, locale, { value: validated.provisional, pointerPrefix: source.pointerPrefix });
  }

  // The service replays a recorded command by its files' content, so a retry does not store the files again.
  const payload = recorded && validated.provisional !== undefined ? validated.provisional : await validated.finalize();
  const result = await dependencies.service.dispatch(
    application.id,
    actor,
    { type, payload },
    {
      locale,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(serviceKey === undefined ? {} : { idempotencyKey: serviceKey }),
    },
  );
  if (!result.ok) throw problemFromServiceError(result.error, locale, { value: payload, pointerPrefix: source.pointerPrefix });
  return applicationResponse(c, result, 200, dependencies.basePath);
}

/** Writes the application after a successful write, with its new ETag. */
export function applicationResponse(c: Context<AdapterEnv>, result: DispatchSuccess, status: 200 | 201, basePath: string): Response {
  const location = `${basePath}/applications/${encodeURIComponent(result.application.id)}`;
  return c.json(toApplicationBody(result.application, c.get('locale')), status, {
    etag: versionETag(result.application.version, c.get('locale')),
    'content-location': location,
    ...(status === 201 ? { location } : {}),
  });
}

/**
 * Reads the command type of a `{ type, payload }` body.
 *
 * @throws {ProblemError} `invalid_payload` (422) pointing at `/type`.
 */
export function commandTypeOf(body: unknown): CommandType {
  const type = isRecord(body) ? body['type'] : undefined;
  if (typeof type === 'string' && (commandTypes as readonly string[]).includes(type)) return type as CommandType;

  const value = typeof type === 'string' ? type : JSON.stringify(type ?? null);
  return invalidPayload([
    {
      pointer: '/type',
      code: typeof type === 'string' ? 'unknown_command' : 'required',
      detail: (locale) =>
        locale === 'ru'
          ? `Неизвестный тип команды ${value}. Список команд — в /openapi.json и в GET /applications/{id}/commands.`
          : `Unknown command type ${value}. /openapi.json and GET /applications/{id}/commands list the commands.`,
    },
  ]);
}

/**
 * Validates a payload against the command's zod schema.
 *
 * @throws {ProblemError} `invalid_payload` (422) with one JSON pointer per failed field.
 */
export function parsePayload(type: CommandType, payload: unknown, pointerPrefix: string): unknown {
  const parsed = (commandCatalog[type].schema as z.ZodType).safeParse(payload);
  if (parsed.success) return parsed.data;

  return invalidPayload(
    violationsFromZod(parsed.error).map((violation) => ({
      pointer: `${pointerPrefix}${toJsonPointer(violation.path)}`,
      code: violation.code,
      detail: (locale: Locale) => formatViolation(violation, locale),
    })),
  );
}

/** A failed field with its detail rendered per language. */
export interface PendingFieldError {
  readonly pointer: string;
  readonly code: string;
  readonly detail: (locale: Locale) => string;
}

/** Throws `invalid_payload` (422) listing the failed fields. */
export function invalidPayload(errors: readonly PendingFieldError[]): never {
  throw problem(
    'invalid_payload',
    { count: errors.length },
    { errors: (locale): FieldError[] => errors.map((error) => ({ pointer: error.pointer, code: error.code, detail: error.detail(locale) })) },
  );
}

/**
 * Rejects the members of a JSON body that the route does not read, so that a misspelt `payload` is reported
 * instead of being sent as an empty command.
 *
 * @throws {ProblemError} `invalid_payload` (422) with one `unknown_field` error per member.
 */
export function rejectUnknownMembers(body: unknown, known: readonly string[]): void {
  if (!isRecord(body)) return;
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;

  invalidPayload(
    unknown.map((key) => ({
      pointer: toJsonPointer([key]),
      code: 'unknown_field',
      detail: (locale: Locale) => formatViolation({ code: 'unknown_field', path: [key], params: {} }, locale),
    })),
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function roleLabel(role: string) {
  return role === 'representative'
    ? { ru: 'представитель организации', en: 'an organization representative' }
    : role === 'staff'
      ? { ru: 'сотрудник ФИОКО', en: 'institute staff' }
      : { ru: 'система', en: 'the system' };
}
