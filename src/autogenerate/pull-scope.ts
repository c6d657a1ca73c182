// What `pull` reads: the database as `check` would compare it (the same schemas, the
// same include rules, athanor's own tables hidden where they live), plus the objects
// the models cannot express, so the written models and a later `check` see one scope.
import { introspect } from "../dialect/postgres/introspect.js";
import { readScope } from "../dialect/postgres/introspect-scope.js";
import type { QueryFunction, SchemaSnapshot } from "../dialect/postgres/introspect-types.js";
import { type UnsupportedObject, introspectUnsupported } from "../dialect/postgres/introspect-unsupported.js";
import { errors } from "../error-factories.js";
import { ownTables } from "./autogenerate.js";
import { applyInclude } from "./include-filter.js";
import { type IncludeRules, comparedSchemas } from "./include-rules.js";

export interface PullScopeOptions {
  readonly query: QueryFunction;
  /** The configured schemas; the first is where models without a schema live. */
  readonly schemas: readonly string[];
  /** Only these schemas (`--schema`); default: every schema `check` compares. */
  readonly only?: readonly string[];
  readonly include?: IncludeRules;
  /** As autogenerate takes them: `name` or `schema.name`. */
  readonly versionTable?: string;
  readonly ignoreTables?: readonly string[];
}

export interface PulledDatabase {
  readonly snapshot: SchemaSnapshot;
  /** Where models without a schema live: `table()` rather than `schema("…").table()`. */
  readonly defaultSchema: string;
  readonly unsupported: readonly UnsupportedObject[];
}

/**
 * Reads the database for `pull`.
 *
 * ### Examples
 *     const { snapshot } = await readPullScope({ query, schemas: ["public"] });
 */
export async function readPullScope(options: PullScopeOptions): Promise<PulledDatabase> {
  const configured = options.schemas.length > 0 ? options.schemas : ["public"];
  const defaultSchema = configured[0] ?? "public";
  const scope = await readScope(options.query);
  let schemas = comparedSchemas(configured, [], scope.schemas, options.include?.schemas).filter((s) => scope.schemas.includes(s));
  if (options.only && options.only.length > 0) {
    const missing = options.only.filter((s) => !scope.schemas.includes(s));
    if (missing.length > 0) {
      throw errors.usage(`--schema ${missing.join(", ")}: the database has no such schema`, {
        hint: `The database's schemas: ${scope.schemas.join(", ") || "none"}.`,
        details: { schemas: missing },
      });
    }
    schemas = [...options.only];
  }
  const full = await introspect(options.query, { schemas, excludeTables: ownTables(options, scope.currentSchema) });
  // Both sides the database: what a rule leaves out is left out of the models too, and
  // every object is asked about as one the models will declare (inModels true).
  const { database } = applyInclude(full, full, options.include, false);
  const tables = new Set(database.tables.map((t) => `${t.schema}.${t.name}`));
  const unsupported = (await introspectUnsupported(options.query, schemas)).filter((u) => u.table === null || tables.has(`${u.schema}.${u.table}`));
  return { snapshot: database, defaultSchema, unsupported };
}
