import pg from 'pg';

/** Connection of the tests that create and drop their own databases: DATABASE_URL, or the local server as postgres. */
export const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Tries a short connection to {@link adminUrl}; returns `null` when it works, else why it failed. */
export async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs one administrative statement, such as CREATE DATABASE, on its own connection. */
export async function runAdminStatement(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
