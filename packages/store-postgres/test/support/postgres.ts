import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The server the PostgreSQL tests use: DATABASE_URL when set, else the local server with trust auth.
 * Each test file creates its own database on it and drops it afterwards.
 */
export const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Tries one short connection to the test server; returns null on success, else the reason it failed. */
export async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1500 });
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

/** Explains which tests were skipped and how to run them. */
export function postgresSkipNotice(reason: string): string {
  return (
    `PostgreSQL at ${new URL(adminUrl).host} did not accept a connection (${reason}): the PostgreSQL store tests are skipped. ` +
    'To run them, start a server on 127.0.0.1:5432 that the user postgres can reach without a password, or set DATABASE_URL ' +
    'to a server where the user may create databases, then run `pnpm exec vitest run packages/store-postgres`.'
  );
}

/** A database created for one test file. */
export interface TemporaryDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `fioco_test_<random>` on the test server. */
export async function createTemporaryDatabase(): Promise<TemporaryDatabase> {
  const name = `fioco_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
