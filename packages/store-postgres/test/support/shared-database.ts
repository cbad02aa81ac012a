import { createSqlApplicationStore, type PostgresApplicationStore } from '../../src/application-store.js';
import type { SqlClient } from '../../src/sql-client.js';

/**
 * Empties the tables of a database that a whole test file shares and returns a store over it. The
 * store's `close()` leaves the shared connection open, because opening PGlite or a PostgreSQL
 * database per test would cost about a second each.
 */
export async function emptyStoreOn(client: SqlClient): Promise<PostgresApplicationStore> {
  await client.query('TRUNCATE application_events, idempotency_records, applications RESTART IDENTITY');
  return createSqlApplicationStore({ ...client, close: async () => {} });
}
