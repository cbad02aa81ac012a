import pg from 'pg';
import type { SqlClient, SqlQueryable, SqlResult } from './sql-client.js';

/** Options of {@link createPgClient}. */
export interface PgClientOptions {
  /**
   * Whether `close()` ends the pool. True when the store created the pool from a connection string,
   * false when the host passed its own pool and ends it itself.
   */
  readonly ownsPool: boolean;
}

function toResult<TRow>(result: pg.QueryResult): SqlResult<TRow> {
  return { rows: result.rows as TRow[], rowCount: result.rowCount ?? 0 };
}

function queryableOf(connection: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<TRow>(text: string, params: readonly unknown[] = []) {
      return toResult<TRow>(await connection.query(text, params as unknown[]));
    },
  };
}

/**
 * Wraps a `pg` pool in the store's {@link SqlClient}. Each transaction checks out one connection, so
 * many store instances, in one process or in many, can share one PostgreSQL database.
 */
export function createPgClient(pool: pg.Pool, options: PgClientOptions): SqlClient {
  const poolQueryable = queryableOf(pool);

  return {
    driver: 'pg',
    query: poolQueryable.query,

    async transaction<T>(work: (transaction: SqlQueryable) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(queryableOf(connection));
        await connection.query('COMMIT');
        connection.release();
        return result;
      } catch (error) {
        try {
          await connection.query('ROLLBACK');
          connection.release();
        } catch (rollbackError) {
          // A connection that cannot roll back is broken: destroy it instead of returning it to the pool.
          connection.release(rollbackError instanceof Error ? rollbackError : true);
        }
        throw error;
      }
    },

    async close() {
      if (options.ownsPool) await pool.end();
    },
  };
}
