import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { openPgliteDatabase, openPostgresDatabase } from '../src/open-database.js';
import { StoreError } from '../src/errors.js';
import type { SqlClient } from '../src/sql-client.js';
import { createTemporaryDatabase, isPostgresReachable, postgresSkipNotice, type TemporaryDatabase } from './support/postgres.js';

const postgresReachable = await isPostgresReachable();
if (!postgresReachable) console.warn(postgresSkipNotice);

async function tableNames(client: SqlClient): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrate on PGlite', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fioco-store-migrate-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('creates the schema, then does nothing on the second run', async () => {
    const client = await openPgliteDatabase({ dataDir: join(directory, 'twice') });
    try {
      expect(await migrate(client)).toEqual({ applied: [1], version: migrations.length });
      expect(await migrate(client)).toEqual({ applied: [], version: migrations.length });
      expect(await tableNames(client)).toEqual(['application_events', 'applications', 'idempotency_records', 'schema_migrations']);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      expect(rows).toEqual([{ version: 1 }]);
    } finally {
      await client.close();
    }
  });

  it('keeps the schema across reopening the directory', async () => {
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
    const client = await openPgliteDatabase();
    try {
      await migrate(client);
      await client.query(`INSERT INTO schema_migrations (version, name, checksum) VALUES (99, 'future', 'x')`);
      const error = await migrate(client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'SCHEMA_NEWER_THAN_STORE', params: { databaseVersion: 99, storeVersion: migrations.length } });
    } finally {
      await client.close();
    }
  });

  it('rejects an applied migration whose text changed', async () => {
    const client = await openPgliteDatabase();
    try {
      await migrate(client);
      await client.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`);
      await expect(migrate(client)).rejects.toMatchObject({ code: 'MIGRATION_CHANGED', params: { version: 1 } });
    } finally {
      await client.close();
    }
  });

  it('rolls back a migration that fails halfway', async () => {
    const client = await openPgliteDatabase();
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', statements: ['CREATE TABLE half_done (id integer)', 'SELECT no_such_column FROM half_done'] },
    ];
    try {
      await expect(migrate(client, broken)).rejects.toThrow(/no_such_column/);
      expect(await tableNames(client)).toEqual([]);
      expect(await migrate(client)).toEqual({ applied: [1], version: migrations.length });
    } finally {
      await client.close();
    }
  });

  it('rejects migrations numbered with a gap', async () => {
    const client = await openPgliteDatabase();
    try {
      const gapped = [{ version: 2, name: 'second', statements: [] }];
      await expect(migrate(client, gapped)).rejects.toThrow(RangeError);
    } finally {
      await client.close();
    }
  });
});

describe.skipIf(!postgresReachable)('migrate on PostgreSQL', () => {
  let database: TemporaryDatabase;

  beforeAll(async () => {
    database = await createTemporaryDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

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
