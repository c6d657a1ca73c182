// What "nothing changed" means for a refused command: the project's files byte for
// byte (names, modes, contents), and the database's schema and version rows. Taken
// before and after the command and compared whole.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** One line per file and directory under `dir` (skipping node_modules and .athanor): path, mode, sha256. */
export function treeSnapshot(dir: string): string {
  const lines: string[] = [];
  const walk = (relative: string) => {
    const full = path.join(dir, relative);
    for (const name of readdirSync(full).sort()) {
      if (relative === "" && (name === "node_modules" || name === ".athanor")) continue;
      const child = path.join(relative, name);
      const stat = lstatSync(path.join(dir, child));
      const mode = (stat.mode & 0o7777).toString(8);
      if (stat.isDirectory()) {
        lines.push(`${child}/ ${mode}`);
        walk(child);
      } else if (stat.isFile()) {
        lines.push(`${child} ${mode} ${tryHash(path.join(dir, child))}`);
      } else {
        lines.push(`${child} ${mode} (not a file)`);
      }
    }
  };
  walk("");
  return lines.join("\n");
}

function tryHash(file: string): string {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return `unreadable:${lstatSync(file).size}`;
  }
}

/** Every user relation with its columns and types, and the version table's rows. */
const catalogQuery = `
  SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || coalesce((
           SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN '!' ELSE '' END, ',' ORDER BY a.attnum)
           FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '') AS line
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
  ORDER BY 1`;

async function catalogLines(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>): Promise<string> {
  const relations = (await query(catalogQuery)).rows.map((r) => String(r.line));
  const exists = (await query("SELECT to_regclass('public.alembic_version') IS NOT NULL AS present")).rows[0]?.present;
  const versions = exists
    ? (await query("SELECT version_num FROM alembic_version ORDER BY 1")).rows.map((r) => `version ${String(r.version_num)}`)
    : ["no version table"];
  const ranExists = (await query("SELECT to_regclass('public.ran') IS NOT NULL AS present")).rows[0]?.present;
  const ran = ranExists ? (await query("SELECT revision FROM ran ORDER BY 1")).rows.map((r) => `ran ${String(r.revision)}`) : [];
  return [...relations, ...versions, ...ran].join("\n");
}

/** The state of a PostgreSQL database: pg_dump --schema-only, the catalog lines and the version rows. */
export async function postgresSnapshot(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let catalog: string;
  try {
    catalog = await catalogLines((sql) => client.query(sql));
  } finally {
    await client.end();
  }
  const dump = spawnSync("pg_dump", ["--schema-only", "--no-owner", "--dbname", url], { encoding: "utf8" });
  // pg_dump is a second opinion; the catalog lines alone already cover tables and versions.
  const schema = dump.status === 0 ? dump.stdout.replace(/^(-- Dumped (from|by) |\\(un)?restrict ).*$/gm, "") : "(pg_dump unavailable)";
  return `${catalog}\n---\n${schema}`;
}

/** The state of a PGlite data directory (opened after the CLI has exited). */
export async function pgliteSnapshot(dataDir: string): Promise<string> {
  const db = new PGlite(dataDir);
  try {
    return await catalogLines((sql) => db.query<Record<string, unknown>>(sql));
  } finally {
    await db.close();
  }
}
