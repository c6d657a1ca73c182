// Which schemas a database has, for autogenerate to choose the ones it compares, and
// the session's current schema, where an unqualified version table lives. One query.
// PostgreSQL's own schemas (pg_*, information_schema) and those an extension created
// are never the application's.
import type { QueryFunction } from "./introspect-types.js";

export interface DatabaseScope {
  /** current_schema(): where unqualified names are created; "public" when search_path names none that exists. */
  readonly currentSchema: string;
  /** The application's schemas, sorted. */
  readonly schemas: readonly string[];
}

const scopeQuery = `
select current_schema()::text as current_schema,
       array(select n.nspname::text
             from pg_catalog.pg_namespace n
             where n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
               and not exists (select 1 from pg_catalog.pg_depend dep
                               where dep.classid = 'pg_catalog.pg_namespace'::regclass
                                 and dep.objid = n.oid and dep.deptype = 'e')
             order by 1) as schemas`;

export async function readScope(query: QueryFunction): Promise<DatabaseScope> {
  const [row] = await query(scopeQuery);
  const schemas = Array.isArray(row?.schemas) ? row.schemas.map(String) : [];
  const current = row?.current_schema;
  return { currentSchema: typeof current === "string" && current !== "" ? current : "public", schemas };
}
