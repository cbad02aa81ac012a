/**
 * One schema change. Migrations are numbered from 1 without gaps and applied in order, each once.
 * An applied migration never changes: a later change to the schema is a new migration.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Statements run one by one inside the migration transaction. */
  readonly statements: readonly string[];
}
