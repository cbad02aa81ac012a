/**
 * Stable problem codes of the HTTP API. Each code appears as `code` and at the end of `type` in an
 * `application/problem+json` body, so clients branch on it rather than on the wording.
 */
export type ProblemCode =
  | 'unauthenticated'
  | 'route_not_found'
  | 'application_not_found'
  | 'program_not_found'
  | 'document_not_found'
  | 'participant_not_found'
  | 'file_not_found'
  | 'command_forbidden'
  | 'action_forbidden'
  | 'invalid_payload'
  | 'malformed_body'
  | 'unsupported_content_type'
  | 'invalid_parameter'
  | 'date_outside_calendar'
  | 'idempotency_key_invalid'
  | 'idempotency_key_reused'
  | 'idempotency_request_in_progress'
  | 'if_match_required'
  | 'version_mismatch'
  | 'command_not_allowed'
  | 'command_blocked'
  | 'application_already_exists'
  | 'program_unavailable'
  | 'submission_rules_failed'
  | 'unsupported_file_type'
  | 'file_empty'
  | 'file_too_large'
  | 'too_many_files'
  | 'request_too_large'
  | 'internal_error';

/**
 * The HTTP status of every problem code. This table is the only place where a domain outcome
 * becomes an HTTP status.
 */
export const problemStatus = {
  unauthenticated: 401,
  route_not_found: 404,
  // Another organization's application is "not found" rather than "forbidden", so that its
  // existence is not disclosed.
  application_not_found: 404,
  program_not_found: 404,
  document_not_found: 404,
  participant_not_found: 404,
  file_not_found: 404,
  command_forbidden: 403,
  action_forbidden: 403,
  invalid_payload: 422,
  malformed_body: 400,
  unsupported_content_type: 415,
  invalid_parameter: 400,
  date_outside_calendar: 422,
  idempotency_key_invalid: 400,
  idempotency_key_reused: 422,
  idempotency_request_in_progress: 409,
  if_match_required: 428,
  version_mismatch: 412,
  command_not_allowed: 409,
  command_blocked: 409,
  application_already_exists: 409,
  // The program's data or the calendar cannot serve it: a server-side setup problem the client cannot fix.
  program_unavailable: 409,
  submission_rules_failed: 422,
  unsupported_file_type: 415,
  file_empty: 422,
  file_too_large: 413,
  too_many_files: 413,
  request_too_large: 413,
  internal_error: 500,
} as const satisfies Record<ProblemCode, number>;

/** Every problem code, in the order of the status table. */
export const problemCodes = Object.keys(problemStatus) as ProblemCode[];
