import { serviceErrorCodes } from '@fioco-flow/core';
import { describe, expect, it } from 'vitest';
import { problemCodeByServiceError, problemCodes, problemMessages, problemStatus } from '../src/index.js';

describe('problem status table', () => {
  it('maps every code to its status', () => {
    expect(problemStatus).toEqual({
      unauthenticated: 401,
      route_not_found: 404,
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
      program_unavailable: 409,
      submission_rules_failed: 422,
      unsupported_file_type: 415,
      file_empty: 422,
      file_too_large: 413,
      too_many_files: 413,
      request_too_large: 413,
      internal_error: 500,
    });
  });

  it('maps every failure of the core service', () => {
    expect(Object.keys(problemCodeByServiceError).sort()).toEqual([...serviceErrorCodes].sort());
    for (const code of Object.values(problemCodeByServiceError)) expect(problemCodes).toContain(code);
  });

  it('has a title in both languages for every code', () => {
    for (const code of problemCodes) {
      expect(problemMessages.ru[code].title, code).toMatch(/[А-Яа-яЁё]/u);
      expect(problemMessages.en[code].title, code).toMatch(/^[A-Z][A-Za-z -]+$/u);
    }
  });
});
