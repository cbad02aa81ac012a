import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate } from '../../src/migrate.js';
import { openPgliteDatabase, openPostgresDatabase } from '../../src/open-database.js';
import type { SqlClient } from '../../src/sql-client.js';
import { createTemporaryDatabase, probePostgres, postgresSkipNotice, type TemporaryDatabase } from './postgres.js';

// Starting PGlite takes one to a few seconds, more while other test files run in parallel.
export const hookTimeoutMs = 60_000;

/** True when the PostgreSQL server of the tests accepted a connection. Checked once per test file. */
const postgresFailure = await probePostgres();
export const postgresReachable = postgresFailure === null;
if (postgresFailure !== null) console.warn(postgresSkipNotice(postgresFailure));

/**
 * Declares the same tests on PGlite (in a temporary data directory) and on a temporary PostgreSQL
 * database. The PostgreSQL block is skipped when the server is not reachable. `database()` returns
 * the migrated database of the running block.
 */
export function describeOnEachDatabase(title: string, body: (database: () => SqlClient) => void): void {
  describe(`${title} (PGlite)`, () => {
    let directory: string;
    let client: SqlClient | undefined;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'fioco-store-'));
      client = await openPgliteDatabase({ dataDir: join(directory, 'data') });
      await migrate(client);
    }, hookTimeoutMs);
    afterAll(async () => {
      await client?.close();
      await rm(directory, { recursive: true, force: true });
    }, hookTimeoutMs);

    body(() => client!);
  });

  describe.skipIf(!postgresReachable)(`${title} (PostgreSQL)`, () => {
    let database: TemporaryDatabase | undefined;
    let client: SqlClient | undefined;

    beforeAll(async () => {
      database = await createTemporaryDatabase();
      client = openPostgresDatabase({ connectionString: database.url });
      await migrate(client);
    }, hookTimeoutMs);
    afterAll(async () => {
      await client?.close();
      await database?.drop();
    }, hookTimeoutMs);

    body(() => client!);
  });
}
