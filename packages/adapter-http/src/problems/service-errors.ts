import type { ServiceError, ServiceErrorCode } from '@fioco-flow/core';
import type { Locale } from '@fioco-flow/rules';
import { versionETag } from '../http/conditional.js';
import { ProblemError, type FieldError, type ProblemExtensions } from './problem.js';
import type { ProblemCode } from './status.js';

/** The problem code of each failure of the core service; its HTTP status is in the status table. */
export const problemCodeByServiceError = {
  not_found: 'application_not_found',
  program_not_found: 'program_not_found',
  invalid_program: 'program_unavailable',
  forbidden: 'command_forbidden',
  invalid_payload: 'invalid_payload',
  rule_violations: 'submission_rules_failed',
  idempotency_mismatch: 'idempotency_key_reused',
  idempotency_in_progress: 'idempotency_request_in_progress',
  version_conflict: 'version_mismatch',
  not_allowed: 'command_not_allowed',
  blocked: 'command_blocked',
  duplicate_application: 'application_already_exists',
  // A command opens a deadline in a year the production calendar has no data for: the same problem as a calendar
  // endpoint asked about a date outside it.
  calendar_out_of_range: 'date_outside_calendar',
} as const satisfies Record<ServiceErrorCode, ProblemCode>;

/** Writes a path of a value as a JSON pointer (RFC 6901): `['participants', 2, 'snils']` → `/participants/2/snils`. */
export function toJsonPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * Turns a failure of the core service into a problem. The core already wrote its message in the
 * request's language, so it becomes the detail as it is.
 *
 * @param locale - The request's language, for the current ETag of a 412.
 * @param payload - The payload as sent and where it sits in the request body (`/payload` for
 *   `POST /applications/:id/commands`, empty where the form fields are the payload). A violation
 *   whose path starts with a key of the payload points into the request. Any other violation, such
 *   as a submission rule or a row check at `participants/2/snils`, points into the application.
 */
export function problemFromServiceError(
  error: ServiceError,
  locale: Locale,
  payload: { readonly value: unknown; readonly pointerPrefix: string } = { value: undefined, pointerPrefix: '' },
): ProblemError {
  const code = problemCodeByServiceError[error.code];
  const payloadKeys = typeof payload.value === 'object' && payload.value !== null ? Object.keys(payload.value) : [];
  const pointerOf = (path: readonly (string | number)[]) => {
    const inPayload = error.code !== 'rule_violations' && payloadKeys.includes(String(path[0]));
    return `${inPayload ? payload.pointerPrefix : ''}${toJsonPointer(path)}`;
  };

  const errors: FieldError[] | undefined = error.violations?.map((violation) => ({
    pointer: pointerOf(violation.path),
    code: violation.code,
    detail: violation.message,
  }));
  const extensions: ProblemExtensions = {
    ...(errors ? { errors: () => errors } : {}),
    ...(error.reasons
      ? {
          reasons: () =>
            error.reasons?.map((reason) => ({ code: reason.condition, detail: reason.message, params: reason.params })) ?? [],
        }
      : {}),
    members: {
      ...(error.state ? { state: error.state } : {}),
      ...(error.existingId ? { existingApplicationId: error.existingId } : {}),
      ...(error.year !== undefined ? { year: error.year } : {}),
      ...(error.currentVersion !== undefined ? { currentETag: versionETag(error.currentVersion, locale) } : {}),
    },
    ...(error.currentVersion !== undefined ? { headers: { etag: versionETag(error.currentVersion, locale) } } : {}),
    ...(error.code === 'idempotency_in_progress' ? { headers: { 'retry-after': '1' } } : {}),
  };
  return new ProblemError(code, () => error.message, extensions);
}
