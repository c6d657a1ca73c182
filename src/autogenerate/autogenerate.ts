// autogenerate(): introspect the live database, resolve the models, compare, and
// return the revision's operations both ways with their TypeScript source. The
// `generate` and `check` commands build on this; it writes no file.
import { introspect } from "../dialect/postgres/introspect.js";
import type { QueryFunction, SchemaSnapshot } from "../dialect/postgres/introspect-types.js";
import type { Operation } from "../ops/operation.js";
import type { ModelSchema } from "../schema/model-schema.js";
import type { Step } from "./change.js";
import { compareSchemas } from "./compare.js";
import { modelSnapshot } from "./model-snapshot.js";
import { renderBody } from "./render-source.js";

export interface AutogenerateOptions {
  /** Runs a query on the target database (pg or PGlite). */
  readonly query: QueryFunction;
  readonly models: ModelSchema;
  /** Schemas to compare; the first is the default schema models without one live in. Default `["public"]`. */
  readonly schemas?: readonly string[];
  /** The version table's name (`alembic_version`), left out of the comparison; `schema.name` accepted. */
  readonly versionTable?: string;
  /** Other tables athanor owns (the applied-history table), also left out. */
  readonly ignoreTables?: readonly string[];
}

export interface AutogenerateResult {
  readonly upgradeOps: Operation[];
  readonly downgradeOps: Operation[];
  /** upgrade()'s body, unindented (the revision template indents it), notes as comments. */
  readonly upgradeBody: string;
  readonly downgradeBody: string;
  /** The notes of both directions: data loss, things Postgres cannot do in place. */
  readonly warnings: string[];
  /** True when the models and the database agree: no revision should be written. */
  readonly empty: boolean;
  /** What was compared, for --json output and debugging. */
  readonly database: SchemaSnapshot;
  readonly model: SchemaSnapshot;
}

const opsOf = (steps: readonly Step[]) => steps.flatMap((s) => ("op" in s ? [s.op] : []));
const notesOf = (steps: readonly Step[]) => steps.flatMap((s) => ("note" in s ? [s.note] : []));

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
  const model = modelSnapshot(options.models, defaultSchema);
  const schemas = [...new Set([...configured, ...model.schemas])];
  const database = await introspect(options.query, {
    schemas,
    excludeTables: [...(options.versionTable ? [options.versionTable] : []), ...(options.ignoreTables ?? [])],
  });
  const { upgrade, downgrade } = compareSchemas(model, database, defaultSchema);
  const upgradeOps = opsOf(upgrade);
  const downgradeOps = opsOf(downgrade);
  return {
    upgradeOps,
    downgradeOps,
    upgradeBody: renderBody(upgrade, ""),
    downgradeBody: renderBody(downgrade, ""),
    warnings: [...notesOf(upgrade), ...notesOf(downgrade)],
    empty: upgradeOps.length === 0 && notesOf(upgrade).length === 0,
    database,
    model,
  };
}
