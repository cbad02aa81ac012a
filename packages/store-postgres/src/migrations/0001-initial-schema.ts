import type { Migration } from './migration.js';

/**
 * Applications with their current snapshot, their event log (which doubles as the outbox) and the
 * idempotency records of commands.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  statements: [
    `CREATE TABLE applications (
      id text PRIMARY KEY,
      organization_id text NOT NULL,
      program_id text NOT NULL,
      state text NOT NULL,
      is_final boolean NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      snapshot jsonb NOT NULL,
      code_word text,
      next_deadline_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,

    // An organization has at most one application per program that has not reached a final state.
    `CREATE UNIQUE INDEX applications_one_active_per_program
      ON applications (organization_id, program_id) WHERE NOT is_final`,

    // A code word is the course portal's enrolment key, so two applications never share one.
    `CREATE UNIQUE INDEX applications_code_word_key ON applications (code_word)`,

    // tick(now) reads only the applications whose next deadline has passed.
    `CREATE INDEX applications_due
      ON applications (next_deadline_at) WHERE NOT is_final AND next_deadline_at IS NOT NULL`,

    `CREATE INDEX applications_by_organization ON applications (organization_id, created_at, id)`,
    `CREATE INDEX applications_by_state ON applications (state, created_at, id)`,

    // The event log: one row per accepted command, numbered 1, 2, 3, … per application.
    // It doubles as an outbox: rows with published_at IS NULL have not yet been delivered to the host's
    // subscribers; a publisher reads them in position order and sets published_at once delivered.
    `CREATE TABLE application_events (
      application_id text NOT NULL REFERENCES applications (id),
      version integer NOT NULL CHECK (version >= 1),
      position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      event jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      published_at timestamptz,
      PRIMARY KEY (application_id, version)
    )`,

    `CREATE INDEX application_events_unpublished ON application_events (position) WHERE published_at IS NULL`,

    // The primary key forbids a duplicate version; this trigger forbids a gap, so the log of every
    // application is 1, 2, …, n whatever code writes to it.
    `CREATE FUNCTION application_events_without_gap() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.version > 1 AND NOT EXISTS (
          SELECT 1 FROM application_events WHERE application_id = NEW.application_id AND version = NEW.version - 1
        ) THEN
          RAISE EXCEPTION 'event % of application % follows no event %', NEW.version, NEW.application_id, NEW.version - 1
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END
    $$`,

    `CREATE TRIGGER application_events_without_gap BEFORE INSERT ON application_events
      FOR EACH ROW EXECUTE FUNCTION application_events_without_gap()`,

    // One record per (actor, key): a retried command gets the first outcome back instead of running twice.
    `CREATE TABLE idempotency_records (
      actor_id text NOT NULL,
      key text NOT NULL,
      application_id text REFERENCES applications (id),
      record jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (actor_id, key)
    )`,

    `CREATE INDEX idempotency_records_expiry ON idempotency_records (expires_at)`,
  ],
};
