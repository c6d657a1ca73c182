// One target of a many-target run, on a session the pool lent: the session's search_path
// is set to the target's schema (then public), so unqualified names in revisions land
// there, and a Migrator with the target's version table (and its history table, beside
// it) runs the command under the target's own advisory lock, released when it is done.
import { quoteIdentifier } from "../../dialect/postgres/quote.js";
import type { RevisionMap } from "../../graph/revision-map.js";
import type { Connection } from "../connection.js";
import type { TransactionMode } from "../execute-plan.js";
import { Migrator } from "../migrator.js";
import type { MigratorConfig } from "../migrator-options.js";
import type { StepDone } from "../execute-plan.js";
import type { StepDependencies } from "../loaded-revision.js";
import { defaultStepDependencies } from "../step-dependencies.js";
import { VersionTable, type VersionTableSettings } from "../version-table.js";
import { DEFAULT_VERSION_TABLE } from "../../config/defaults.js";
import type { MigrationTarget } from "./resolve-targets.js";

export type TargetCommand = "upgrade" | "downgrade" | "current";

export interface TargetRunOptions {
  readonly config: MigratorConfig;
  /** The project's graph, built once and shared by every target's Migrator. */
  readonly revisions: RevisionMap;
  readonly command: TargetCommand;
  /** upgrade's target (default head), downgrade's (default -1). */
  readonly revision?: string | undefined;
  readonly transactionMode?: TransactionMode | undefined;
  readonly onStepDone?: ((event: StepDone) => void) | undefined;
  readonly onNotice?: ((line: string) => void) | undefined;
  readonly onWarning?: ((line: string) => void) | undefined;
  /** Shared by every target of a run (sharedLoader): each revision file is read and split once, not once per target. */
  readonly loadRevision?: StepDependencies["loadRevision"] | undefined;
  /** Upgrade, under the lock, once the plan is known: the rows the target starts from (a failure's report shows them). */
  readonly onStart?: ((current: readonly string[]) => void) | undefined;
}

/** Where a target was and is: its version table's rows before and after, and the revisions run. */
export interface TargetRun {
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly steps: number;
}

/**
 * The version table a target uses. A schema target's lives in its schema, so every
 * schema has its own (and its own lock key, which derives from the qualified name). The
 * configured table is kept as it is for a target without a schema, and for the schema
 * it already lives in: that run takes the lock key a run without --targets takes, so the
 * two still exclude each other.
 */
export function targetVersionTable(target: MigrationTarget, configured: VersionTableSettings): VersionTableSettings {
  if (target.schema === undefined || target.schema === (configured.schema ?? "public")) return configured;
  return { name: configured.name, schema: target.schema };
}

/** `SET search_path` for the target (its schema, then public); RESET for the database as configured. */
export function searchPathStatement(target: MigrationTarget): string {
  if (target.schema === undefined) return "RESET search_path";
  const path = target.schema === "public" ? "public" : `${quoteIdentifier(target.schema)}, public`;
  return `SET search_path TO ${path}`;
}

export async function runTarget(target: MigrationTarget, connection: Connection, options: TargetRunOptions): Promise<TargetRun> {
  const versionTable = targetVersionTable(target, options.config.versionTable ?? { name: DEFAULT_VERSION_TABLE });
  await connection.query(searchPathStatement(target));
  if (options.command === "current") {
    const rows = await new VersionTable(versionTable).read(connection);
    return { before: rows, after: rows, steps: 0 };
  }
  const migrator = new Migrator({
    config: { ...options.config, versionTable },
    connection,
    revisions: options.revisions,
    ...(options.onStepDone ? { onStepDone: options.onStepDone } : {}),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.loadRevision ? { dependencies: { loadRevision: options.loadRevision } } : {}),
  });
  const mode = options.transactionMode === undefined ? {} : { transactionMode: options.transactionMode };
  const onStart = options.onStart;
  const result =
    options.command === "upgrade"
      ? await migrator.upgrade(options.revision ?? "head", { ...mode, ...(onStart ? { beforeSteps: async ({ current }) => onStart(current) } : {}) })
      : await migrator.downgrade(options.revision ?? "-1", mode);
  return { before: result.before, after: result.after, steps: result.steps.length };
}

/**
 * One loader for every target of a run: a revision is loaded (a SQL file read and split, a
 * module imported) the first time a target runs it, and the same loaded revision serves
 * the other targets.
 */
export function sharedLoader(cwd: string): StepDependencies["loadRevision"] {
  const load = defaultStepDependencies(cwd).loadRevision;
  const loaded = new Map<string, ReturnType<typeof load>>();
  return (source) => {
    const key = `${source.revision}\u0000${source.path}`;
    let revision = loaded.get(key);
    if (revision === undefined) {
      revision = load(source);
      // A failed load is not kept: the next target tries again and reports its own error.
      revision.catch(() => loaded.delete(key));
      loaded.set(key, revision);
    }
    return revision;
  };
}
