import type { ApplicationEventRecord, IdempotencyRecord, StoredApplication } from '@fioco-flow/core';

/** A row of `applications` as both drivers return it: `timestamptz` as Date, `jsonb` parsed. */
export interface ApplicationRow {
  id: string;
  organization_id: string;
  program_id: string;
  state: StoredApplication['state'];
  is_final: boolean;
  version: number;
  code_word: string | null;
  next_deadline_at: Date | null;
  created_at: Date;
  updated_at: Date;
  snapshot: StoredApplication['snapshot'];
}

/** The columns of `applications` in the order {@link applicationParams} fills them. */
export const applicationColumns =
  'id, organization_id, program_id, state, is_final, version, code_word, next_deadline_at, created_at, updated_at, snapshot';

/** Parses an ISO 8601 instant, naming the field when it is not one. */
export function instantParam(value: string | null, field: string): string | null {
  if (value === null) return null;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new TypeError(`Invalid ${field} ${JSON.stringify(value)}: give an ISO 8601 instant such as '2026-03-04T21:00:00.000Z'.`);
  }
  return new Date(time).toISOString();
}

/** Returns the parameters $1…$11 of an application row, in {@link applicationColumns} order. */
export function applicationParams(application: StoredApplication): unknown[] {
  return [
    application.id,
    application.organizationId,
    application.programId,
    application.state,
    application.final,
    application.version,
    application.codeWord,
    instantParam(application.nextDeadlineAt, 'nextDeadlineAt'),
    instantParam(application.createdAt, 'createdAt'),
    instantParam(application.updatedAt, 'updatedAt'),
    JSON.stringify(application.snapshot),
  ];
}

/**
 * Turns a row back into a stored application. Instants come back as `Date#toISOString()` strings
 * (UTC, milliseconds), the form the application service writes.
 */
export function applicationFromRow(row: ApplicationRow): StoredApplication {
  return {
    id: row.id,
    organizationId: row.organization_id,
    programId: row.program_id,
    state: row.state,
    final: row.is_final,
    version: row.version,
    codeWord: row.code_word,
    nextDeadlineAt: row.next_deadline_at === null ? null : row.next_deadline_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    snapshot: row.snapshot,
  };
}

/** Returns the parameters of one `application_events` row: application_id, version, type, occurred_at, event. */
export function eventParams(event: ApplicationEventRecord): unknown[] {
  return [event.applicationId, event.version, event.type, instantParam(event.at, 'event.at'), JSON.stringify(event)];
}

/** Returns the parameters of one `idempotency_records` row: actor_id, key, status, application_id, expires_at, record. */
export function idempotencyParams(record: IdempotencyRecord): unknown[] {
  return [
    record.actorId,
    record.key,
    record.status,
    record.applicationId,
    instantParam(record.expiresAt, 'expiresAt'),
    JSON.stringify(record),
  ];
}
