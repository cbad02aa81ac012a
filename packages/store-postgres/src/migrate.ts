import { createHash } from 'node:crypto';
import { StoreError } from './errors.js';
import { migrations as shippedMigrations } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import type { SqlClient } from './sql-client.js';

// Key of the transaction-scoped advisory lock that serializes migrations across instances.
// Any fixed bigint works, as long as the host's own code does not use the same one.
const migrationLockKey = '7350438121466721121';

/** The outcome of {@link migrate}. */
export interface MigrationResult {
  /** Versions applied by this call, in order; empty when the schema was already current. */
  readonly applied: readonly number[];
  /** The schema version after the call. */
  readonly version: number;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.statements.join('\n;\n')).digest('hex');
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new RangeError(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}: number migrations from 1 without gaps.`,
      );
    }
  });
}

/**
 * Brings the schema to the newest version in one transaction. The transaction first takes an
 * advisory lock, so that instances starting together against one PostgreSQL database wait for each
 * other instead of racing to create the same tables. The later ones find nothing left to do.
 * Applying migrations to a current schema changes nothing.
 *
 * @throws {StoreError} `SCHEMA_NEWER_THAN_STORE` when the database was migrated by a newer release.
 * @throws {StoreError} `MIGRATION_CHANGED` when the text of an applied migration differs from the shipped one.
 * @throws {StoreError} `MIGRATION_MISSING` when a migration is not recorded but a later one is.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = shippedMigrations): Promise<MigrationResult> {
  assertOrdered(migrations);

  return client.transaction(async (transaction) => {
    await transaction.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLockKey]);
    await transaction.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);

    const { rows } = await transaction.query<AppliedRow>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const newestApplied = rows.at(-1)?.version ?? 0;
    if (newestApplied > migrations.length) {
      throw new StoreError('SCHEMA_NEWER_THAN_STORE', { databaseVersion: newestApplied, storeVersion: migrations.length });
    }
    for (const [index, migration] of migrations.slice(0, newestApplied).entries()) {
      const row = rows[index];
      if (row?.version !== migration.version) {
        throw new StoreError('MIGRATION_MISSING', { version: migration.version, name: migration.name, newestApplied });
      }
      if (row.checksum !== checksumOf(migration)) {
        throw new StoreError('MIGRATION_CHANGED', { version: row.version, name: row.name });
      }
    }

    const applied: number[] = [];
    for (const migration of migrations.slice(newestApplied)) {
      for (const statement of migration.statements) await transaction.query(statement);
      await transaction.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        checksumOf(migration),
      ]);
      applied.push(migration.version);
    }
    return { applied, version: migrations.length };
  });
}
