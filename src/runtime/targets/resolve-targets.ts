// Turns a SPEC's items into the targets of a run: one database (and, for schema
// targets, one schema in it) each. Globs and queries are resolved against pg_namespace
// when the run starts, in one look per database; a glob or query that finds nothing, or
// a named schema that does not exist, stops the run before anything runs on any target.
import { errors } from "../../error-factories.js";
import type { AthanorError } from "../../errors.js";
import type { Connection } from "../connection.js";
import { parseDatabaseUrl, type DatabaseTarget } from "../database-url.js";
import { databaseKey } from "./connection-pool.js";
import { globPattern, isGlob, type TargetItem } from "./target-spec.js";

/** One place a run migrates: a database, or one schema in it. */
export interface MigrationTarget {
  /** As output names it: `tenant_1` on the configured database, `host:port/db#schema` elsewhere; never a password. */
  readonly label: string;
  readonly database: DatabaseTarget;
  /** The schema holding the target's version table and first on its search_path; undefined: the database as configured. */
  readonly schema: string | undefined;
}

export interface ResolveOptions {
  /** The configured database (--url / DATABASE_URL), where schema names, globs and queries are looked up. */
  readonly configured: DatabaseTarget;
  readonly cwd: string;
  /** Runs `body` on a session to `database` (the run's pool). */
  readonly withConnection: <T>(database: DatabaseTarget, body: (connection: Connection) => Promise<T>) => Promise<T>;
  /** Offline (`sql`): plain names are taken as written; only globs and queries connect. */
  readonly offline?: boolean;
}

interface Located {
  readonly item: TargetItem;
  readonly database: DatabaseTarget;
  readonly onConfigured: boolean;
}

/** PostgreSQL's own schemas: a glob never picks them. */
const systemSchema = /^(pg_|information_schema$)/;

/**
 * ### Examples
 * ```ts
 * const targets = await resolveTargets(parseTargetSpec("tenant_*", cwd), { configured, cwd, withConnection });
 * targets.map((t) => t.label); // ["tenant_001", "tenant_002", …]
 * ```
 */
export async function resolveTargets(items: readonly TargetItem[], options: ResolveOptions): Promise<MigrationTarget[]> {
  const located = items.map((item): Located => {
    if (item.kind !== "url") return { item, database: options.configured, onConfigured: true };
    return { item, database: parseDatabaseUrl(item.url, options.cwd, { shown: "a --targets URL" }), onConfigured: false };
  });
  const looks = await lookUp(located, options);
  const targets: MigrationTarget[] = [];
  const seen = new Set<string>();
  const add = (database: DatabaseTarget, schema: string | undefined, onConfigured: boolean) => {
    const key = `${databaseKey(database)}\u0000${schema ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    const label = onConfigured && schema !== undefined ? schema : schema === undefined ? database.description : `${database.description}#${schema}`;
    targets.push({ label, database, schema });
  };
  for (const { item, database, onConfigured } of located) {
    const look = looks.get(databaseKey(database));
    for (const schema of schemasOf(item, database, look)) add(database, schema, onConfigured);
  }
  return targets;
}

/** What one database said: its schemas, and each query's answer. */
interface Look {
  readonly schemas: ReadonlySet<string>;
  readonly answers: ReadonlyMap<string, string[]>;
}

function needsLook(item: TargetItem, offline: boolean): boolean {
  if (item.kind === "query") return true;
  if (item.kind === "schema") return !offline || isGlob(item.pattern);
  return item.schema !== undefined && !offline;
}

async function lookUp(located: readonly Located[], options: ResolveOptions): Promise<Map<string, Look>> {
  const byDatabase = new Map<string, { database: DatabaseTarget; queries: string[] }>();
  for (const { item, database } of located) {
    if (!needsLook(item, options.offline ?? false)) continue;
    const key = databaseKey(database);
    const entry = byDatabase.get(key) ?? { database, queries: [] };
    if (item.kind === "query") entry.queries.push(item.sql);
    byDatabase.set(key, entry);
  }
  const looks = new Map<string, Look>();
  for (const [key, { database, queries }] of byDatabase) {
    looks.set(
      key,
      await options.withConnection(database, async (connection) => {
        const { rows } = await connection.query("SELECT nspname FROM pg_catalog.pg_namespace ORDER BY nspname");
        const answers = new Map<string, string[]>();
        for (const sql of queries) answers.set(sql, await runQuery(connection, sql, database));
        return { schemas: new Set(rows.map((row) => String(row.nspname))), answers };
      }),
    );
  }
  return looks;
}

async function runQuery(connection: Connection, sql: string, database: DatabaseTarget): Promise<string[]> {
  try {
    const { rows } = await connection.query(sql);
    return rows
      .map((row) => Object.values(row)[0])
      .filter((value) => value !== null && value !== undefined)
      .map(String);
  } catch (error) {
    throw errors.usage(`the --targets query failed on ${database.description}: ${(error as Error).message}`, {
      hint: "the query must run on the configured database and return schema names in its first column",
      details: { query: sql },
    });
  }
}

function schemasOf(item: TargetItem, database: DatabaseTarget, look: Look | undefined): (string | undefined)[] {
  if (item.kind === "url" && item.schema === undefined) return [undefined];
  if (item.kind === "query") {
    const names = [...new Set(look!.answers.get(item.sql) ?? [])];
    if (names.length === 0) throw nothingFound("the --targets query", database, "check that it returns schema names in its first column");
    for (const name of names) requireSchema(name, database, look);
    return names;
  }
  const pattern = item.kind === "url" ? item.schema! : item.pattern;
  if (!isGlob(pattern)) {
    requireSchema(pattern, database, look);
    return [pattern];
  }
  const glob = globPattern(pattern);
  const names = [...look!.schemas].filter((name) => !systemSchema.test(name) && glob.test(name)).sort();
  if (names.length === 0)
    throw nothingFound(`--targets glob "${pattern}"`, database, "check the pattern (`*` any run, `?` one character); list the schemas with \\dn in psql");
  return names;
}

function requireSchema(name: string, database: DatabaseTarget, look: Look | undefined): void {
  if (look === undefined || look.schemas.has(name)) return;
  throw errors.targetNotFound(`schema "${name}" named by --targets does not exist in ${database.description}`, {
    hint: `create it first (CREATE SCHEMA ${name}) or fix --targets`,
    details: { schema: name, database: database.description },
  });
}

function nothingFound(what: string, database: DatabaseTarget, hint: string): AthanorError {
  return errors.targetNotFound(`${what} matches no schema in ${database.description}`, { hint, details: { database: database.description } });
}
