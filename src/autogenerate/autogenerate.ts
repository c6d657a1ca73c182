// autogenerate(): introspect the live database, resolve the models, compare, and
// return the revision's operations both ways with their TypeScript source. The
// `generate` and `check` commands build on this; it writes no file.
import { introspect } from "../dialect/postgres/introspect.js";
import { readScope } from "../dialect/postgres/introspect-scope.js";
import type { QueryFunction, SchemaSnapshot } from "../dialect/postgres/introspect-types.js";
import type { Operation } from "../ops/operation.js";
import type { ModelSchema } from "../schema/model-schema.js";
import { judgeExpressions } from "./canonical-expressions.js";
import { type Step, flatSteps } from "./change.js";
import { previewSql } from "./preview-sql.js";
import { readCasts } from "../dialect/postgres/assignment-casts.js";
import { castLookup, typePairs } from "./compare-casts.js";
import { compareSchemas } from "./compare.js";
import { type UnmodelledObject, applyInclude } from "./include-filter.js";
import { type IncludeRules, comparedSchemas } from "./include-rules.js";
import { modelSnapshot } from "./model-snapshot.js";
import { renderBody } from "./render-source.js";
import { DEFAULT_HISTORY_TABLE, DEFAULT_VERSION_TABLE, startedMarkersTableOf } from "../config/defaults.js";

export interface AutogenerateOptions {
  /** Runs a query on the target database (pg or PGlite). */
  readonly query: QueryFunction;
  readonly models: ModelSchema;
  /** Schemas to compare; the first is the default schema models without one live in. Default `["public"]`. */
  readonly schemas?: readonly string[];
  /**
   * The version table, left out of the comparison in the schema that holds it: `name`
   * (in the session's current schema) or `schema.name`. Default `alembic_version`.
   */
  readonly versionTable?: string;
  /** Other tables athanor owns, left out in the version table's schema. Default `["athanor_history", "athanor_history_started"]`. */
  readonly ignoreTables?: readonly string[];
  /** Which objects are compared: `include` of athanor.config.ts. */
  readonly include?: IncludeRules;
  /** Also drop the tables, enums and sequences only the database has that no include rule covers. */
  readonly dropUnmodelled?: boolean;
}

/** What the comparison looked at, for the user to see that the models were found. */
export interface ComparedScope {
  readonly schemas: readonly string[];
  /** Those among `schemas` neither configured nor named by a model: looked at because include.schemas lets them in. */
  readonly otherSchemas: readonly string[];
  readonly modelTables: number;
  readonly databaseTables: number;
  /** Tables an include rule left out, as `schema.name`. */
  readonly leftOut: readonly string[];
}

export interface AutogenerateResult {
  readonly upgradeOps: Operation[];
  readonly downgradeOps: Operation[];
  /** upgrade()'s body, unindented (the revision template indents it), notes as comments. */
  readonly upgradeBody: string;
  readonly downgradeBody: string;
  /** upgrade()'s statements as `upgrade --sql` prints them, BEGIN to COMMIT (preview-sql.ts). */
  readonly upgradeSql: readonly string[];
  /** The notes of both directions: data loss, things Postgres cannot do in place. */
  readonly warnings: string[];
  /** True when the models and the database agree: no revision should be written. */
  readonly empty: boolean;
  /** Tables, enums and sequences only the database has, not dropped: no include rule covers them and dropUnmodelled is off. */
  readonly unmodelled: readonly UnmodelledObject[];
  readonly compared: ComparedScope;
  /** What was compared, for --json output and debugging. */
  readonly database: SchemaSnapshot;
  readonly model: SchemaSnapshot;
}

/** The version table and athanor's history as `schema.name`: hidden there, and only there. */
export function ownTables(options: Pick<AutogenerateOptions, "versionTable" | "ignoreTables">, currentSchema: string): string[] {
  const version = options.versionTable ?? DEFAULT_VERSION_TABLE;
  const dot = version.indexOf(".");
  const schema = dot === -1 ? currentSchema : version.slice(0, dot);
  const others = (options.ignoreTables ?? [DEFAULT_HISTORY_TABLE, startedMarkersTableOf(DEFAULT_HISTORY_TABLE)]).map((t) =>
    t.includes(".") ? t : `${schema}.${t}`,
  );
  return [dot === -1 ? `${schema}.${version}` : version, ...others];
}

const opsOf = (steps: readonly Step[]) => flatSteps(steps).flatMap((s) => ("op" in s ? [s.op] : []));
const notesOf = (steps: readonly Step[]) => flatSteps(steps).flatMap((s) => ("note" in s ? [s.note] : []));

/**
 * Compares the models with the database.
 *
 * ### Examples
 *     const result = await autogenerate({ query, models: await loadModels(["app/models"], cwd) });
 *     if (!result.empty) console.log(result.upgradeBody);
 */
export async function autogenerate(options: AutogenerateOptions): Promise<AutogenerateResult> {
  const configured = options.schemas && options.schemas.length > 0 ? options.schemas : ["public"];
  const defaultSchema = configured[0] ?? "public";
  const fullModel = modelSnapshot(options.models, defaultSchema);
  const scope = await readScope(options.query);
  const schemas = comparedSchemas(configured, fullModel.schemas, scope.schemas, options.include?.schemas);
  const fullDatabase = await introspect(options.query, { schemas, excludeTables: ownTables(options, scope.currentSchema) });
  const { model, database, unmodelled, leftOut } = applyInclude(fullModel, fullDatabase, options.include, options.dropUnmodelled);
  const verdicts = await judgeExpressions(options.query, model, database);
  // pg_cast is asked only when a column changes type, so an unchanged schema costs no query.
  const casts = castLookup(await readCasts(options.query, typePairs(model, database, defaultSchema)));
  const { upgrade, downgrade } = compareSchemas(model, database, defaultSchema, { verdicts, casts });
  const otherSchemas = schemas.filter((s) => !configured.includes(s) && !fullModel.schemas.includes(s));
  const upgradeOps = opsOf(upgrade);
  const downgradeOps = opsOf(downgrade);
  return {
    upgradeOps,
    downgradeOps,
    upgradeBody: renderBody(upgrade, ""),
    downgradeBody: renderBody(downgrade, ""),
    upgradeSql: previewSql(upgrade),
    warnings: [...notesOf(upgrade), ...notesOf(downgrade)],
    empty: upgradeOps.length === 0 && notesOf(upgrade).length === 0,
    unmodelled,
    compared: { schemas, otherSchemas, modelTables: model.tables.length, databaseTables: database.tables.length, leftOut },
    database,
    model,
  };
}
