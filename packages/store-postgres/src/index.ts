// Store factories and the store.
export { createPgliteStore, createPostgresStore } from './create-store.js';
export { createSqlApplicationStore } from './application-store.js';
export type { PostgresApplicationStore } from './application-store.js';
export type { Outbox, OutboxEntry, PublishOptions } from './outbox.js';

// Databases, the query interface both drivers satisfy, and migrations.
export { openPgliteDatabase, openPostgresDatabase } from './open-database.js';
export type { PgliteDatabaseOptions, PostgresDatabaseOptions } from './open-database.js';
export { createPgClient } from './pg-client.js';
export type { PgClientOptions } from './pg-client.js';
export { createPgliteClient } from './pglite-client.js';
export type { SqlClient, SqlQueryable, SqlResult } from './sql-client.js';
export { migrate } from './migrate.js';
export type { MigrationResult } from './migrate.js';
export { migrations } from './migrations/index.js';
export type { Migration } from './migrations/index.js';

// The PGlite data directory lock and the store's own errors.
export { acquireDataDirectoryLock, lockFileName } from './data-directory-lock.js';
export type { DataDirectoryLock, LockOptions, LockOwner, LockTakeover } from './data-directory-lock.js';
export { StoreError, formatStoreError } from './errors.js';
export type { StoreErrorCode, StoreErrorParams } from './errors.js';
