// A project of ten SQL revisions for the --targets tests, and a database holding many
// tenant schemas. Every revision creates a table and inserts its id into the tenant's
// side_effects table in the same transaction as its version row, so counting those rows
// says how often each revision ran.
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { createProject, type TempProject } from "./run-cli.js";

export const revisionIds = Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(4, "0"));

export function sqlRevision(id: string, down: string | null, extra = ""): string {
  return [
    `-- revision: ${id}`,
    `-- down_revision: ${down ?? "none"}`,
    `-- message: r${id}`,
    "-- +upgrade",
    ...(down === null ? ["CREATE TABLE side_effects (revision text NOT NULL);"] : []),
    `CREATE TABLE t${id} (id int PRIMARY KEY);`,
    `INSERT INTO side_effects VALUES ('${id}');`,
    extra,
    "-- +downgrade",
    `DROP TABLE t${id};`,
    `DELETE FROM side_effects WHERE revision = '${id}';`,
    ...(down === null ? ["DROP TABLE side_effects;"] : []),
    "",
  ].join("\n");
}

/** 0001 … 0010 in a line; `extra` is added to every upgrade (a pg_sleep to slow a run down). */
export function tenProject(extra = ""): TempProject {
  const project = createProject();
  for (const [i, id] of revisionIds.entries()) project.write(`versions/${id}_r${id}.sql`, sqlRevision(id, i === 0 ? null : revisionIds[i - 1]!, extra));
  return project;
}

export function tenantName(i: number): string {
  return `tenant_${String(i).padStart(4, "0")}`;
}

export interface TenantDatabase extends TestDatabase {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Each tenant's version rows, by schema ([] where it has no version table). */
  versions(count: number): Promise<Map<string, string[]>>;
  /** Each tenant's side_effects rows as `revision×count`, by schema. */
  sideEffects(count: number): Promise<Map<string, string[]>>;
}

export async function tenantDatabase(count: number): Promise<TenantDatabase> {
  const database = await createTestDatabase("targets");
  const query = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  await query(`DO $$ BEGIN FOR i IN 1..${count} LOOP EXECUTE format('CREATE SCHEMA tenant_%s', lpad(i::text, 4, '0')); END LOOP; END $$`);
  // One query over every tenant: (schema, value) rows built with dynamic SQL, in public.
  await query(`CREATE FUNCTION public.per_tenant(n int, tbl text, sel text) RETURNS TABLE(schema text, value text) LANGUAGE plpgsql AS $$
    BEGIN
      FOR i IN 1..n LOOP
        schema := format('tenant_%s', lpad(i::text, 4, '0'));
        value := NULL;
        IF to_regclass(schema || '.' || tbl) IS NULL THEN RETURN NEXT; CONTINUE; END IF;
        FOR value IN EXECUTE format(sel, schema) LOOP RETURN NEXT; END LOOP;
      END LOOP;
    END $$`);
  const perTenant = async (n: number, table: string, select: string) => {
    const rows = (await query("SELECT * FROM public.per_tenant($1, $2, $3)", [n, table, select])) as { schema: string; value: string | null }[];
    const byTenant = new Map<string, string[]>();
    for (const row of rows) {
      const list = byTenant.get(row.schema) ?? [];
      if (row.value !== null) list.push(row.value);
      byTenant.set(row.schema, list);
    }
    return byTenant;
  };
  return {
    ...database,
    query,
    versions: (n) => perTenant(n, "alembic_version", "SELECT version_num FROM %I.alembic_version ORDER BY 1"),
    sideEffects: (n) => perTenant(n, "side_effects", "SELECT revision || 'x' || count(*) FROM %I.side_effects GROUP BY revision ORDER BY revision"),
  };
}
