import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { openPgliteDatabase, openPostgresDatabase } from '../src/open-database.js';
import { StoreError } from '../src/errors.js';
import type { SqlClient } from '../src/sql-client.js';
import { hookTimeoutMs, postgresReachable } from './support/databases.js';
import { createTemporaryDatabase, type TemporaryDatabase } from './support/postgres.js';

async function tableNames(client: SqlClient): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrate on PGlite', () => {
  let directory: string;
  let client: SqlClient;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fioco-store-migrate-'));
    client = await openPgliteDatabase();
  }, hookTimeoutMs);
  beforeEach(async () => {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  });
  afterAll(async () => {
    await client?.close();
    await rm(directory, { recursive: true, force: true });
  }, hookTimeoutMs);

  it('creates the schema, then does nothing on the second run', async () => {
    expect(await migrate(client)).toEqual({ applied: [1], version: migrations.length });
    expect(await migrate(client)).toEqual({ applied: [], version: migrations.length });
    expect(await tableNames(client)).toEqual(['application_events', 'applications', 'idempotency_records', 'schema_migrations']);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('keeps the schema across reopening a data directory', async () => {
    const dataDir = join(directory, 'reopen');
    const first = await openPgliteDatabase({ dataDir });
    await migrate(first);
    await first.close();

    const second = await openPgliteDatabase({ dataDir });
    try {
      expect(await migrate(second)).toEqual({ applied: [], version: migrations.length });
    } finally {
      await second.close();
    }
  });

  it('rejects a database migrated by a newer release', async () => {
    await migrate(client);
    await client.query(`INSERT INTO schema_migrations (version, name, checksum) VALUES (99, 'future', 'x')`);

    const error = await migrate(client).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'SCHEMA_NEWER_THAN_STORE', params: { databaseVersion: 99, storeVersion: migrations.length } });
  });

  it('rejects an applied migration whose text changed', async () => {
    await migrate(client);
    await client.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`);

    await expect(migrate(client)).rejects.toMatchObject({ code: 'MIGRATION_CHANGED', params: { version: 1 } });
  });

  it('rejects a record with a missing earlier migration', async () => {
    const second = { version: 2, name: 'second', statements: ['CREATE TABLE second_table (id integer)'] };
    await migrate(client, [...migrations, second]);
    await client.query('DELETE FROM schema_migrations WHERE version = 1');

    await expect(migrate(client, [...migrations, second])).rejects.toMatchObject({
      code: 'MIGRATION_MISSING',
      params: { version: 1, newestApplied: 2 },
    });
  });

  it('rolls back a migration that fails halfway', async () => {
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', statements: ['CREATE TABLE half_done (id integer)', 'SELECT no_such_column FROM half_done'] },
    ];

    await expect(migrate(client, broken)).rejects.toThrow(/no_such_column/);
    expect(await tableNames(client)).toEqual([]);
    expect(await migrate(client)).toEqual({ applied: [1], version: migrations.length });
  });

  it('rejects migrations numbered with a gap', async () => {
    const gapped = [{ version: 2, name: 'second', statements: [] }];

    await expect(migrate(client, gapped)).rejects.toThrow('Migration "second" has version 2, expected 1');
  });
});

describe.skipIf(!postgresReachable)('migrate on PostgreSQL', () => {
  let database: TemporaryDatabase;

  beforeAll(async () => {
    database = await createTemporaryDatabase();
  }, hookTimeoutMs);
  afterAll(async () => {
    await database?.drop();
  }, hookTimeoutMs);

  it('applies once when eight instances start together', async () => {
    const clients = Array.from({ length: 8 }, () => openPostgresDatabase({ connectionString: database.url }));
    try {
      const results = await Promise.all(clients.map((client) => migrate(client)));
      const appliedBy = results.filter((result) => result.applied.length > 0);
      expect(appliedBy).toEqual([{ applied: [1], version: migrations.length }]);
      expect(results.every((result) => result.version === migrations.length)).toBe(true);
      expect(await tableNames(clients[0]!)).toEqual(['application_events', 'applications', 'idempotency_records', 'schema_migrations']);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });

  it('does nothing on a second run', async () => {
    const client = openPostgresDatabase({ connectionString: database.url });
    try {
      expect(await migrate(client)).toEqual({ applied: [], version: migrations.length });
    } finally {
      await client.close();
    }
  });
});
