// Service dispatch on the PostgreSQL store (a server at 127.0.0.1:5432) and on the PGlite store (a temporary data
// directory), with 16 clients, each on its own application. The floor sends the same SQL statements through the bare
// driver with the same concurrency. Run through `pnpm bench`, which builds the packages first, because this file
// imports the built packages. Writes bench/results/store-postgres.json at the repository root and prints the ratios.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPgliteClient, createPgliteStore, createPostgresStore, migrate } from '@fioco-flow/store-postgres';
import {
  benchInstant,
  benchRows,
  createBenchService,
  createFilledDraft,
  draftUpdate,
  measureAlternating,
  printComparison,
  writeResults,
} from '../../core/bench/support.mjs';

const CLIENTS = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 1000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 300);
const TARGET = 0.5;
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// --- the statements the store sends for one dispatch, copied from src/application-store.ts ------------------------

const applicationColumns =
  'id, organization_id, program_id, state, is_final, version, code_word, next_deadline_at, created_at, updated_at, snapshot';
const statements = {
  selectApplication: `SELECT ${applicationColumns} FROM applications WHERE id = $1`,
  insertApplication: `INSERT INTO applications (${applicationColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
  updateApplication: `UPDATE applications SET
             organization_id = $2, program_id = $3, state = $4, is_final = $5, version = $6, code_word = $7,
             next_deadline_at = $8, created_at = $9, updated_at = $10, snapshot = $11::jsonb
           WHERE id = $1 AND version = $12`,
  insertEvent: 'INSERT INTO application_events (application_id, version, type, occurred_at, event) VALUES ($1, $2, $3, $4, $5::jsonb)',
  selectIdempotency: 'SELECT record FROM idempotency_records WHERE actor_id = $1 AND key = $2 AND expires_at > $3::timestamptz',
  claimIdempotency: `INSERT INTO idempotency_records (actor_id, key, status, application_id, expires_at, record)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb)
           ON CONFLICT (actor_id, key) DO UPDATE SET
             status = EXCLUDED.status, application_id = EXCLUDED.application_id,
             expires_at = EXCLUDED.expires_at, record = EXCLUDED.record
           WHERE idempotency_records.expires_at <= $7::timestamptz
           RETURNING actor_id`,
  saveIdempotency: `INSERT INTO idempotency_records (actor_id, key, status, application_id, expires_at, record)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (actor_id, key) DO UPDATE SET
       status = EXCLUDED.status, application_id = EXCLUDED.application_id,
       expires_at = EXCLUDED.expires_at, record = EXCLUDED.record`,
};

// --- the two drivers behind one small interface ------------------------------------------------------------------

function pgDriver(pool) {
  return {
    query: (text, params) => pool.query(text, params),
    async transaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(connection);
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}

function pgliteDriver(database) {
  return {
    query: (text, params) => database.query(text, params),
    transaction: (work) => database.transaction(work),
  };
}

// --- setup: applications for the service and rows of the same size for the floor --------------------------------

let keySequence = 0;
const nextKey = () => `bench-${(keySequence += 1)}`;

/**
 * Creates a filled draft for each client through the service, and takes from the first one the texts the floor
 * writes: the snapshot, a draft.update event and the idempotency records of a keyed dispatch.
 */
async function prepareService(store) {
  const service = createBenchService(store);
  const applications = await Promise.all(Array.from({ length: CLIENTS }, (_, client) => createFilledDraft(service, client)));

  const sample = applications[0];
  const key = nextKey();
  const result = await service.dispatch(sample.id, sample.actor, draftUpdate(0), { idempotencyKey: key });
  if (!result.ok) throw new Error(`The sample dispatch failed: ${result.error.code} (${result.error.message})`);
  const completed = await store.getIdempotency(sample.actor.id, key, benchInstant);
  if (completed === undefined) throw new Error('The sample dispatch left no idempotency record.');
  const stored = await store.get(sample.id);

  const texts = {
    application: stored,
    snapshot: JSON.stringify(stored.snapshot),
    event: JSON.stringify(result.event),
    pending: { ...completed, status: 'pending', response: null },
    completed,
  };
  return { service, applications, texts };
}

/** Inserts one application row per client for the floor, with the sample's snapshot, and returns each row's ids. */
async function prepareFloor(driver, texts, prefix) {
  const rows = [];
  const { application } = texts;
  for (let client = 0; client < CLIENTS; client += 1) {
    const id = `${prefix}-${client}`;
    const organizationId = `${prefix}-org-${client}`;
    await driver.query(statements.insertApplication, [
      id,
      organizationId,
      application.programId,
      application.state,
      application.final,
      1,
      null,
      application.nextDeadlineAt,
      application.createdAt,
      application.updatedAt,
      texts.snapshot,
    ]);
    rows.push({ id, organizationId, actorId: `${prefix}-rep-${client}` });
  }
  return rows;
}

/**
 * Sends one dispatch as bare statements, in the order the service sends them. It reads the application. With a key
 * it reads the key's record and claims it in a transaction. Then one transaction updates the row where the version
 * still matches, appends the event and, with a key, completes the record.
 */
async function floorDispatch(driver, row, texts, withKey) {
  const { application } = texts;
  const read = await driver.query(statements.selectApplication, [row.id]);
  const version = read.rows[0].version;

  const key = withKey ? nextKey() : undefined;
  const recordParams = (record) => [row.actorId, key, record.status, row.id, record.expiresAt, JSON.stringify({ ...record, actorId: row.actorId, key })];
  if (withKey) {
    await driver.query(statements.selectIdempotency, [row.actorId, key, benchInstant]);
    await driver.transaction((transaction) => transaction.query(statements.claimIdempotency, [...recordParams(texts.pending), benchInstant]));
  }

  await driver.transaction(async (transaction) => {
    const updated = await transaction.query(statements.updateApplication, [
      row.id,
      row.organizationId,
      application.programId,
      application.state,
      application.final,
      version + 1,
      null,
      application.nextDeadlineAt,
      application.createdAt,
      application.updatedAt,
      texts.snapshot,
      version,
    ]);
    if ((updated.rowCount ?? updated.affectedRows) !== 1) throw new Error(`The floor lost the version of ${row.id}.`);
    await transaction.query(statements.insertEvent, [row.id, version + 1, 'draft.update', benchInstant, texts.event]);
    if (withKey) await transaction.query(statements.saveIdempotency, recordParams(texts.completed));
  });
}

/** Measures dispatch without and with an Idempotency-Key, each against its floor. */
async function measureDriver({ service, applications, texts }, driver, floorRows) {
  const ours = (withKey) => async (client, sequence) => {
    const { id, actor } = applications[client];
    const result = await service.dispatch(id, actor, draftUpdate(sequence), withKey ? { idempotencyKey: nextKey() } : {});
    if (!result.ok) throw new Error(`draft.update failed: ${result.error.code} (${result.error.message})`);
  };
  const floor = (withKey) => (client) => floorDispatch(driver, floorRows[client], texts, withKey);
  const options = { clients: CLIENTS, rounds: ROUNDS, durationMs: DURATION_MS, warmupMs: WARMUP_MS };
  return {
    dispatch: await measureAlternating({ ...options, floor: floor(false), ours: ours(false) }),
    dispatchWithIdempotencyKey: await measureAlternating({ ...options, floor: floor(true), ours: ours(true) }),
  };
}

// --- PostgreSQL ---------------------------------------------------------------------------------------------------

async function probeServer() {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function withAdminClient(work) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function benchPostgres() {
  const unreachable = await probeServer();
  if (unreachable !== null) {
    console.log(`PostgreSQL at ${new URL(serverUrl).host} did not accept a connection (${unreachable}): the PostgreSQL benchmark is skipped.`);
    return { skipped: unreachable };
  }

  const name = `fioco_bench_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let store;
  const pool = new pg.Pool({ connectionString: url.toString(), max: CLIENTS });
  // A connection still closing when DROP DATABASE … WITH (FORCE) runs gets a termination notice, which is expected.
  pool.on('error', () => {});
  try {
    store = await createPostgresStore({ connectionString: url.toString(), maxConnections: CLIENTS });
    const prepared = await prepareService(store);
    const driver = pgDriver(pool);
    const floorRows = await prepareFloor(driver, prepared.texts, 'floor');
    return { database: name, poolSize: CLIENTS, ...(await measureDriver(prepared, driver, floorRows)) };
  } finally {
    await store?.close();
    await pool.end();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

// --- PGlite -------------------------------------------------------------------------------------------------------

async function benchPglite() {
  const directory = await mkdtemp(join(tmpdir(), 'fioco-bench-pglite-'));
  let store;
  let floorDatabase;
  try {
    // The floor gets its own data directory: one directory must never be opened by two PGlite instances.
    [store, floorDatabase] = await Promise.all([createPgliteStore({ dataDir: join(directory, 'store') }), PGlite.create(join(directory, 'floor'))]);
    await migrate(createPgliteClient(floorDatabase));
    const prepared = await prepareService(store);
    const driver = pgliteDriver(floorDatabase);
    const floorRows = await prepareFloor(driver, prepared.texts, 'floor');
    return { dataDirectory: 'a temporary directory, removed afterwards', ...(await measureDriver(prepared, driver, floorRows)) };
  } finally {
    await store?.close();
    await floorDatabase?.close();
    await rm(directory, { recursive: true, force: true });
  }
}

// --- run, record, print -------------------------------------------------------------------------------------------

const postgres = await benchPostgres();
const pglite = await benchPglite();

const targets = [];
for (const [driver, measured] of [
  ['PostgreSQL', postgres],
  ['PGlite', pglite],
]) {
  if (measured.skipped !== undefined) continue;
  for (const [variant, measurement] of [
    ['dispatch', measured.dispatch],
    ['dispatch with Idempotency-Key', measured.dispatchWithIdempotencyKey],
  ]) {
    targets.push({ case: `${variant}, ${driver}`, ratio: 'ours / floor', minimum: TARGET, value: measurement.ratio, met: measurement.ratio >= TARGET });
  }
}

const file = writeResults('store-postgres', {
  benchmark: 'packages/store-postgres/bench/dispatch.bench.mjs',
  unit: 'operations per second, all clients together',
  command: 'draft.update (comment) by each client on its own application, in a closed loop',
  clients: CLIENTS,
  application: { state: 'draft', rows: benchRows, documents: benchRows * 2 },
  floor:
    'the statements the store sends for one dispatch, through the bare driver with parameters prepared beforehand: ' +
    'SELECT the application; with a key, SELECT the key record and claim it (INSERT … ON CONFLICT … WHERE … RETURNING) in a transaction; ' +
    'then BEGIN, UPDATE … WHERE id AND version, INSERT the event, with a key INSERT … ON CONFLICT the completed record, COMMIT',
  ours: 'service.dispatch on createPostgresStore / createPgliteStore',
  rounds: ROUNDS,
  durationPerRoundMs: DURATION_MS,
  postgres,
  pglite,
  targets,
});

console.log(`@fioco-flow/store-postgres dispatch benchmark (${process.version}), ${CLIENTS} clients, application with ${benchRows} rows`);
for (const [driver, measured] of [
  ['PostgreSQL', postgres],
  ['PGlite', pglite],
]) {
  if (measured.skipped !== undefined) {
    console.log(`${driver}: skipped (${measured.skipped})`);
    continue;
  }
  printComparison(`${driver} dispatch`, measured.dispatch, TARGET);
  printComparison(`${driver} dispatch with Idempotency-Key`, measured.dispatchWithIdempotencyKey, TARGET);
}
console.log(`results: ${file}`);
