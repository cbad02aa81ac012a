import type { Migration } from './migration.js';

/**
 * Applications with their current snapshot, their event log (which doubles as the outbox) and the
 * idempotency records of commands.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  statements: [
    // Ids compare byte by byte (COLLATE "C"), so that listing order does not depend on the server's locale.
    `CREATE TABLE applications (
      id text COLLATE "C" PRIMARY KEY,
      organization_id text NOT NULL,
      program_id text NOT NULL,
      state text NOT NULL,
      is_final boolean NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      code_word text,
      next_deadline_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      snapshot jsonb NOT NULL
    )`,

    // An organization has at most one application per program that has not reached a final state.
    `CREATE UNIQUE INDEX applications_one_active_per_program
      ON applications (organization_id, program_id) WHERE NOT is_final`,

    // A code word is the course portal's enrolment key, so two applications never share one.
    `CREATE UNIQUE INDEX applications_code_word_key ON applications (code_word)`,

    // The clock's tick reads only the non-final applications whose next deadline has passed.
    `CREATE INDEX applications_due
      ON applications (next_deadline_at, id) WHERE NOT is_final AND next_deadline_at IS NOT NULL`,

    `CREATE INDEX applications_by_creation ON applications (created_at, id)`,
    `CREATE INDEX applications_by_organization ON applications (organization_id, created_at, id)`,
    `CREATE INDEX applications_by_state ON applications (state, created_at, id)`,

    // The event log: one row per accepted command, numbered 1, 2, 3, … per application; the primary key
    // forbids a duplicate number. The whole record is kept in `event`; the other columns index it.
    //
    // The table doubles as an outbox for notifying host systems: a row whose published_at is null has
    // not been delivered yet. A publisher selects such rows in `position` order and sets published_at
    // once they are delivered. Within one application positions follow versions; across applications
    // they are taken at insert time and may commit out of order, so a publisher selects by
    // published_at IS NULL, never by "position greater than the last one seen".
    `CREATE TABLE application_events (
      application_id text COLLATE "C" NOT NULL REFERENCES applications (id),
      version integer NOT NULL CHECK (version >= 1),
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      event jsonb NOT NULL,
      position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      published_at timestamptz,
      PRIMARY KEY (application_id, version)
    )`,

    `CREATE INDEX application_events_unpublished ON application_events (position) WHERE published_at IS NULL`,

    // One record per actor and key: a retried command gets the first response back instead of running
    // twice. A record may name an application that does not exist yet (a create in progress), so
    // application_id has no foreign key.
    `CREATE TABLE idempotency_records (
      actor_id text NOT NULL,
      key text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'completed')),
      application_id text,
      expires_at timestamptz NOT NULL,
      record jsonb NOT NULL,
      PRIMARY KEY (actor_id, key)
    )`,

    `CREATE INDEX idempotency_records_expiry ON idempotency_records (expires_at)`,
  ],
};
