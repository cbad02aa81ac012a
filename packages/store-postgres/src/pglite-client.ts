import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './sql-client.js';

function queryableOf(connection: PGlite | Transaction): SqlQueryable {
  return {
    async query<TRow>(text: string, params: readonly unknown[] = []) {
      const result = await connection.query<TRow>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
    },
  };
}

/**
 * Wraps a PGlite instance in the store's {@link SqlClient}. PGlite has a single connection and runs
 * one transaction at a time; its `transaction` queues the others.
 */
export function createPgliteClient(database: PGlite): SqlClient {
  const databaseQueryable = queryableOf(database);

  return {
    driver: 'pglite',
    query: databaseQueryable.query,
    transaction: (work) => database.transaction((transaction) => work(queryableOf(transaction))),
    close: () => database.close(),
  };
}
