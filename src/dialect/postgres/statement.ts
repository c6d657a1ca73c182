// One rendered SQL statement: the text (no trailing `;`, the offline printer adds it)
// and whether it may run inside a transaction block.

export interface Statement {
  readonly sql: string;
  /** false for statements PostgreSQL refuses inside a transaction (… CONCURRENTLY, VACUUM). */
  readonly transactional: boolean;
}

/** A statement that runs inside the revision's transaction, the usual case. */
export function inTransaction(sql: string): Statement {
  return { sql, transactional: true };
}
