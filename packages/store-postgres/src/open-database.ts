import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { acquireDataDirectoryLock, type LockTakeover } from './data-directory-lock.js';
import { createPgClient } from './pg-client.js';
import { createPgliteClient } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';

/** Options of {@link openPgliteDatabase}: the data directory and the takeover callback. */
export interface PgliteDatabaseOptions {
  /**
   * The data directory, created when missing. Omitted: an in-memory database that is gone on `close()`
   * (tests, demos).
   */
  readonly dataDir?: string;
  /** Called when the lock left by a process that is no longer running is taken over. */
  readonly onLockTakeover?: (takeover: LockTakeover) => void;
}

/**
 * Opens PGlite on a data directory under the directory's lock file. The returned client's `close()`
 * closes the database and then releases the lock.
 *
 * @throws {StoreError} `STORE_LOCKED` when a running process uses the directory.
 */
export async function openPgliteDatabase(options: PgliteDatabaseOptions = {}): Promise<SqlClient> {
  const { dataDir } = options;
  if (dataDir === undefined || dataDir.startsWith('memory://')) {
    return createPgliteClient(await PGlite.create(dataDir));
  }

  const lock = await acquireDataDirectoryLock(dataDir, options);
  let database: PGlite;
  try {
    database = await PGlite.create(lock.dataDir);
  } catch (error) {
    await lock.release();
    throw error;
  }

  const client = createPgliteClient(database);
  return {
    ...client,
    async close() {
      try {
        await client.close();
      } finally {
        await lock.release();
      }
    },
  };
}

/** How to reach a PostgreSQL server: a connection string, or a pool the host configured and ends itself. */
export type PostgresDatabaseOptions =
  | {
      readonly connectionString: string;
      /** Maximum number of connections the store opens; `pg`'s default is 10. */
      readonly maxConnections?: number;
      /**
       * Called when an idle connection fails (the server restarted, the network dropped). The pool
       * drops that connection and opens a new one when needed; without this listener the error is
       * ignored rather than crashing the process.
       */
      readonly onConnectionError?: (error: Error) => void;
    }
  | { readonly pool: pg.Pool };

/** Opens a `pg` pool for the store, or wraps the host's pool. */
export function openPostgresDatabase(options: PostgresDatabaseOptions): SqlClient {
  if ('pool' in options) return createPgClient(options.pool, { ownsPool: false });

  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections });
  const onConnectionError = options.onConnectionError ?? (() => {});
  pool.on('error', (error) => onConnectionError(error));
  return createPgClient(pool, { ownsPool: true });
}
