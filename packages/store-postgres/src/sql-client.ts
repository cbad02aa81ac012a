/** The rows of one statement and how many rows it returned or changed. */
export interface SqlResult<TRow> {
  readonly rows: TRow[];
  readonly rowCount: number;
}

/** Anything that runs one parameterized statement: a pool, a connection inside a transaction. */
export interface SqlQueryable {
  query<TRow = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<TRow>>;
}

/**
 * The small database interface the store is written against. `pg` and PGlite both satisfy it
 * (see `createPgClient` and `createPgliteClient`), so the store has one implementation and one schema.
 *
 * Statements take `$1`-style parameters. A `jsonb` value is passed as a JSON string and cast with
 * `$n::jsonb` in the statement, because `pg` would turn a JavaScript array into a PostgreSQL array.
 */
export interface SqlClient extends SqlQueryable {
  /** Which driver runs the statements. */
  readonly driver: 'pg' | 'pglite';
  /**
   * Runs `work` inside one transaction on one connection. Commits when `work` resolves and rolls back
   * when it throws, then rethrows the error.
   */
  transaction<T>(work: (transaction: SqlQueryable) => Promise<T>): Promise<T>;
  /** Closes the connections the client owns. */
  close(): Promise<void>;
}
