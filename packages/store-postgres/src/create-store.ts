import { createSqlApplicationStore, type PostgresApplicationStore } from './application-store.js';
import { migrate } from './migrate.js';
import {
  openPgliteDatabase,
  openPostgresDatabase,
  type PgliteDatabaseOptions,
  type PostgresDatabaseOptions,
} from './open-database.js';
import type { SqlClient } from './sql-client.js';

async function migratedStore(client: SqlClient): Promise<PostgresApplicationStore> {
  try {
    await migrate(client);
  } catch (error) {
    await client.close();
    throw error;
  }
  return createSqlApplicationStore(client);
}

/**
 * Opens the application store on a PostgreSQL server and brings its schema to the newest version.
 * Any number of stateless app instances may share one database: writes use optimistic concurrency
 * and migrations wait for each other under an advisory lock.
 *
 * @throws {StoreError} `SCHEMA_NEWER_THAN_STORE` or `MIGRATION_CHANGED` when the schema cannot be migrated.
 *
 * @example
 * import { createPostgresStore } from '@fioco-flow/store-postgres';
 *
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL! });
 * const service = createApplicationService({ store, clock, calendar, programs });
 * // … on shutdown:
 * await store.close();
 */
export async function createPostgresStore(options: PostgresDatabaseOptions): Promise<PostgresApplicationStore> {
  return migratedStore(openPostgresDatabase(options));
}

/**
 * Opens the application store on PGlite, PostgreSQL compiled to WebAssembly, with its data in a
 * directory: the zero-setup default for one process. A lock file naming this process locks the
 * directory until `close()`. A second live process gets `STORE_LOCKED`. A lock left by a process
 * that died is taken over and reported through `onLockTakeover`.
 *
 * @throws {StoreError} `STORE_LOCKED` when a running process uses the directory.
 * @throws {StoreError} `SCHEMA_NEWER_THAN_STORE` or `MIGRATION_CHANGED` when the schema cannot be migrated.
 *
 * @example
 * import { createPgliteStore } from '@fioco-flow/store-postgres';
 *
 * const store = await createPgliteStore({
 *   dataDir: './.data/fioco-flow',
 *   onLockTakeover: ({ previousOwner }) => logger.warn({ pid: previousOwner.pid }, 'took over the data directory of a stopped process'),
 * });
 */
export async function createPgliteStore(options: PgliteDatabaseOptions = {}): Promise<PostgresApplicationStore> {
  return migratedStore(await openPgliteDatabase(options));
}
