import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runApplicationStoreContract } from '@fioco-flow/core/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate } from '../src/migrate.js';
import { openPgliteDatabase, openPostgresDatabase } from '../src/open-database.js';
import type { SqlClient } from '../src/sql-client.js';
import { createTemporaryDatabase, isPostgresReachable, postgresSkipNotice, type TemporaryDatabase } from './support/postgres.js';
import { emptyStoreOn } from './support/shared-database.js';

const postgresReachable = await isPostgresReachable();
if (!postgresReachable) console.warn(postgresSkipNotice);

describe('PGlite in a data directory', () => {
  let directory: string;
  let client: SqlClient;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fioco-store-contract-'));
    client = await openPgliteDatabase({ dataDir: join(directory, 'data') });
    await migrate(client);
  });
  afterAll(async () => {
    await client?.close();
    await rm(directory, { recursive: true, force: true });
  });

  runApplicationStoreContract('PGlite store', () => emptyStoreOn(client));
});

describe.skipIf(!postgresReachable)('PostgreSQL server', () => {
  let database: TemporaryDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    database = await createTemporaryDatabase();
    client = openPostgresDatabase({ connectionString: database.url });
    await migrate(client);
  });
  afterAll(async () => {
    await client?.close();
    await database?.drop();
  });

  runApplicationStoreContract('PostgreSQL store', () => emptyStoreOn(client));
});
