// Tables a database holds outside athanor's own bookkeeping: with an empty version table
// they mean the database was built before migrations, and `stamp` (not `upgrade`) is
// the next step.
import type { Connection } from "./connection.js";

export interface UntrackedTablesQuery {
  /** The schemas the project's models live in (config `schemas`). */
  readonly schemas: readonly string[];
  /** The version and history tables, `schema.name` or `name`, left out. */
  readonly ownTables: readonly { name: string; schema?: string | undefined }[];
}

/** Up to `limit` tables (`name`, or `schema.name` outside the first schema), in name order. */
export async function untrackedTables(connection: Connection, query: UntrackedTablesQuery, limit = 5): Promise<string[]> {
  const [first = "public"] = query.schemas;
  const own = query.ownTables.map((table) => `${table.schema ?? first}.${table.name}`);
  const { rows } = await connection.query(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY($1::text[])
        AND NOT (n.nspname || '.' || c.relname = ANY($2::text[]))
      ORDER BY n.nspname <> $3, n.nspname, c.relname
      LIMIT $4`,
    [query.schemas, own, first, limit + 1],
  );
  return rows.map((row) => (row.schema === first ? String(row.name) : `${String(row.schema)}.${String(row.name)}`));
}
