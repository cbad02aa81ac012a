import type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationStore,
  ClaimResult,
  IdempotencyRecord,
  InsertResult,
  StoredApplication,
  UpdateResult,
} from '@fioco-flow/core';
import { StoreError } from './errors.js';
import { createOutbox, type Outbox } from './outbox.js';
import {
  applicationColumns,
  applicationFromRow,
  applicationParams,
  eventParams,
  idempotencyParams,
  instantParam,
  type ApplicationRow,
} from './rows.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';

/**
 * The application store on PostgreSQL or PGlite: the `ApplicationStore` port of `@fioco-flow/core`
 * plus the outbox of the event log, the clean-up of expired idempotency records and `close()`.
 */
export interface PostgresApplicationStore extends ApplicationStore {
  /** The driver the store runs on. */
  readonly driver: SqlClient['driver'];
  /** The event log read as an outbox: events not yet delivered to the host's subscribers. */
  readonly outbox: Outbox;
  /** Deletes the idempotency records that expired at `now`; returns how many were deleted. */
  deleteExpiredIdempotency(now: string): Promise<number>;
  /** Closes the connections (and, for PGlite, releases the data directory). Later calls throw `STORE_CLOSED`. */
  close(): Promise<void>;
}

// SQLSTATE of a unique constraint violation.
const uniqueViolation = '23505';

// An insert rejected for an active application that became final before it could be named is tried again.
const maxInsertAttempts = 3;

function violatedConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === uniqueViolation && typeof constraint === 'string' ? constraint : undefined;
}

/**
 * Checks that the events of one write continue the log without a gap: when there are any, they are
 * numbered `fromVersion + 1` up to the application's new version, and belong to the application.
 */
function assertEventsFollow(application: StoredApplication, fromVersion: number, events: readonly ApplicationEventRecord[]): void {
  if (events.length === 0) return;

  const expected: number[] = [];
  for (let version = fromVersion + 1; version <= application.version; version += 1) expected.push(version);
  const actual = events.map((event) => event.version);
  if (actual.join() !== expected.join()) {
    throw new RangeError(
      `Events of application ${application.id} have versions [${actual.join(', ')}], but a write from version ` +
        `${fromVersion} to ${application.version} needs events [${expected.join(', ')}]: one event per version, without gaps.`,
    );
  }
  const stranger = events.find((event) => event.applicationId !== application.id);
  if (stranger !== undefined) {
    throw new RangeError(`Event ${stranger.version} belongs to application ${stranger.applicationId}, not to ${application.id}.`);
  }
}

function assertPageBound(value: number | undefined, name: 'limit' | 'offset'): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Invalid ${name} ${value}: give a whole number of applications, 0 or more.`);
  }
}

async function appendEvents(transaction: SqlQueryable, events: readonly ApplicationEventRecord[]): Promise<void> {
  for (const event of events) {
    await transaction.query(
      'INSERT INTO application_events (application_id, version, type, occurred_at, event) VALUES ($1, $2, $3, $4, $5::jsonb)',
      eventParams(event),
    );
  }
}

async function writeIdempotency(connection: SqlQueryable, record: IdempotencyRecord): Promise<void> {
  await connection.query(
    `INSERT INTO idempotency_records (actor_id, key, status, application_id, expires_at, record)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (actor_id, key) DO UPDATE SET
       status = EXCLUDED.status, application_id = EXCLUDED.application_id,
       expires_at = EXCLUDED.expires_at, record = EXCLUDED.record`,
    idempotencyParams(record),
  );
}

/** Builds the SELECT of `list` with numbered parameters. Exported for the query plan tests. */
export function listQuery(filter: ApplicationFilter): { text: string; params: unknown[] } {
  assertPageBound(filter.limit, 'limit');
  assertPageBound(filter.offset, 'offset');

  const params: unknown[] = [];
  const conditions: string[] = [];
  const parameter = (value: unknown) => `$${params.push(value)}`;

  if (filter.organizationId !== undefined) conditions.push(`organization_id = ${parameter(filter.organizationId)}`);
  if (filter.programId !== undefined) conditions.push(`program_id = ${parameter(filter.programId)}`);
  if (filter.states !== undefined) conditions.push(`state = ANY(${parameter([...filter.states])}::text[])`);
  if (filter.final !== undefined) conditions.push(`is_final = ${parameter(filter.final)}`);
  if (filter.dueBefore !== undefined) {
    // Together with `final: false`, which the clock's tick sends, this matches the partial index applications_due.
    conditions.push(`next_deadline_at <= ${parameter(instantParam(filter.dueBefore, 'dueBefore'))}::timestamptz`);
  }

  const order = filter.orderBy === 'nextDeadlineAt' ? 'next_deadline_at NULLS LAST, id' : 'created_at, id';
  const where = conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
  const limit = filter.limit === undefined ? '' : ` LIMIT ${parameter(filter.limit)}`;
  const offset = filter.offset === undefined ? '' : ` OFFSET ${parameter(filter.offset)}`;
  return { text: `SELECT ${applicationColumns} FROM applications${where} ORDER BY ${order}${limit}${offset}`, params };
}

/**
 * Creates the application store over a migrated database. Most hosts call `createPostgresStore` or
 * `createPgliteStore`, which open the database and apply the migrations first.
 *
 * Each `insert` and `update` is one transaction: the application row, its events and the idempotency
 * record land together or not at all. `update` changes the row only where its version still equals
 * `expectedVersion`, so of two writers that read the same version one succeeds and the other gets
 * `version_conflict`. Unique indexes keep one non-final application per organization and program
 * and every code word unique; their violations come back as the port's conflicts.
 */
export function createSqlApplicationStore(client: SqlClient): PostgresApplicationStore {
  let closed = false;
  const open = (): SqlClient => {
    if (closed) throw new StoreError('STORE_CLOSED', {});
    return client;
  };

  async function get(id: string): Promise<StoredApplication | undefined> {
    const { rows } = await open().query<ApplicationRow>(`SELECT ${applicationColumns} FROM applications WHERE id = $1`, [id]);
    return rows[0] === undefined ? undefined : applicationFromRow(rows[0]);
  }

  async function findActive(organizationId: string, programId: string): Promise<StoredApplication | undefined> {
    const { rows } = await open().query<ApplicationRow>(
      `SELECT ${applicationColumns} FROM applications WHERE organization_id = $1 AND program_id = $2 AND NOT is_final`,
      [organizationId, programId],
    );
    return rows[0] === undefined ? undefined : applicationFromRow(rows[0]);
  }

  async function tryInsert(
    application: StoredApplication,
    events: readonly ApplicationEventRecord[],
    idempotency: IdempotencyRecord | undefined,
  ): Promise<InsertResult | 'retry'> {
    try {
      await open().transaction(async (transaction) => {
        await transaction.query(
          `INSERT INTO applications (${applicationColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
          applicationParams(application),
        );
        await appendEvents(transaction, events);
        if (idempotency !== undefined) await writeIdempotency(transaction, idempotency);
      });
      return { ok: true };
    } catch (error) {
      switch (violatedConstraint(error)) {
        case 'applications_pkey':
          return { ok: false, conflict: 'duplicate_id' };
        case 'applications_code_word_key':
          return { ok: false, conflict: 'code_word_taken' };
        case 'applications_one_active_per_program': {
          const active = await findActive(application.organizationId, application.programId);
          return active === undefined ? 'retry' : { ok: false, conflict: 'active_application_exists', existingId: active.id };
        }
        default:
          throw error;
      }
    }
  }

  async function tryUpdate(
    application: StoredApplication,
    expectedVersion: number,
    events: readonly ApplicationEventRecord[],
    idempotency: IdempotencyRecord | undefined,
  ): Promise<UpdateResult> {
    try {
      return await open().transaction(async (transaction): Promise<UpdateResult> => {
        // This UPDATE locks the row, so a concurrent writer of the same version waits. Once this transaction
        // commits, the other writer finds the new version and changes nothing.
        const updated = await transaction.query(
          `UPDATE applications SET
             organization_id = $2, program_id = $3, state = $4, is_final = $5, version = $6, code_word = $7,
             next_deadline_at = $8, created_at = $9, updated_at = $10, snapshot = $11::jsonb
           WHERE id = $1 AND version = $12`,
          [...applicationParams(application), expectedVersion],
        );
        if (updated.rowCount === 0) {
          const { rows } = await transaction.query<{ version: number }>('SELECT version FROM applications WHERE id = $1', [application.id]);
          const current = rows[0];
          return current === undefined
            ? { ok: false, conflict: 'not_found' }
            : { ok: false, conflict: 'version_conflict', currentVersion: current.version };
        }

        await appendEvents(transaction, events);
        if (idempotency !== undefined) await writeIdempotency(transaction, idempotency);
        return { ok: true };
      });
    } catch (error) {
      if (violatedConstraint(error) === 'applications_code_word_key') return { ok: false, conflict: 'code_word_taken' };
      throw error;
    }
  }

  return {
    driver: client.driver,
    outbox: createOutbox(() => open()),

    get,
    findActive,

    async list(filter = {}) {
      const { text, params } = listQuery(filter);
      const { rows } = await open().query<ApplicationRow>(text, params);
      return rows.map(applicationFromRow);
    },

    async insert(application, events, options = {}) {
      assertEventsFollow(application, 0, events);
      for (let attempt = 1; ; attempt += 1) {
        const result = await tryInsert(application, events, options.idempotency);
        if (result !== 'retry') return result;
        if (attempt === maxInsertAttempts) {
          throw new Error(
            `Inserting application ${application.id} kept conflicting with an active application of organization ` +
              `${application.organizationId} for program ${application.programId} that was gone when looked up.`,
          );
        }
      }
    },

    async update(application, expectedVersion, events, options = {}) {
      assertEventsFollow(application, expectedVersion, events);
      return tryUpdate(application, expectedVersion, events, options.idempotency);
    },

    async events(applicationId) {
      const { rows } = await open().query<{ event: ApplicationEventRecord }>(
        'SELECT event FROM application_events WHERE application_id = $1 ORDER BY version',
        [applicationId],
      );
      return rows.map((row) => row.event);
    },

    async isCodeWordTaken(codeWord) {
      const { rows } = await open().query('SELECT 1 FROM applications WHERE code_word = $1', [codeWord]);
      return rows.length > 0;
    },

    async getIdempotency(actorId, key, now) {
      const { rows } = await open().query<{ record: IdempotencyRecord }>(
        'SELECT record FROM idempotency_records WHERE actor_id = $1 AND key = $2 AND expires_at > $3::timestamptz',
        [actorId, key, instantParam(now, 'now')],
      );
      return rows[0]?.record;
    },

    async claimIdempotency(record, now): Promise<ClaimResult> {
      return open().transaction(async (transaction): Promise<ClaimResult> => {
        // A live record keeps its row: the WHERE leaves it unchanged but locked until this transaction
        // ends, so the record read next is the one that blocked the claim.
        const claimed = await transaction.query(
          `INSERT INTO idempotency_records (actor_id, key, status, application_id, expires_at, record)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb)
           ON CONFLICT (actor_id, key) DO UPDATE SET
             status = EXCLUDED.status, application_id = EXCLUDED.application_id,
             expires_at = EXCLUDED.expires_at, record = EXCLUDED.record
           WHERE idempotency_records.expires_at <= $7::timestamptz
           RETURNING actor_id`,
          [...idempotencyParams(record), instantParam(now, 'now')],
        );
        if (claimed.rowCount > 0) return { claimed: true };

        const { rows } = await transaction.query<{ record: IdempotencyRecord }>(
          'SELECT record FROM idempotency_records WHERE actor_id = $1 AND key = $2',
          [record.actorId, record.key],
        );
        const existing = rows[0];
        if (existing === undefined) throw new Error(`The idempotency record of key ${record.key} vanished while it was locked.`);
        return { claimed: false, existing: existing.record };
      });
    },

    async saveIdempotency(record) {
      await writeIdempotency(open(), record);
    },

    async releaseIdempotency(actorId, key) {
      await open().query(`DELETE FROM idempotency_records WHERE actor_id = $1 AND key = $2 AND status = 'pending'`, [actorId, key]);
    },

    async deleteExpiredIdempotency(now) {
      const deleted = await open().query('DELETE FROM idempotency_records WHERE expires_at <= $1::timestamptz', [
        instantParam(now, 'now'),
      ]);
      return deleted.rowCount;
    },

    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}
