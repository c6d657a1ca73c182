// athanor's programmatic API: what revision files, model modules, config files and
// applications import from "athanor". The CLI is a thin layer over the same functions.

// Revision files: `import type { Operations } from "athanor"`.
export { Operations } from "./ops/operations.js";
export type { Operation } from "./ops/operation.js";
export type { OperationSink } from "./ops/operation-sink.js";

// Config files: `export default defineConfig({ ... })`.
export { defineConfig, loadConfig } from "./config/index.js";
export type { AthanorConfig, AthanorConfigInput, LoadConfigOptions } from "./config/index.js";

// Models for autogenerate.
export * from "./schema/index.js";
export { autogenerate } from "./autogenerate/autogenerate.js";
export type { AutogenerateOptions, AutogenerateResult, ComparedScope } from "./autogenerate/autogenerate.js";
export type { IncludeFunction, IncludeKind, IncludeObject, IncludeRules } from "./autogenerate/include-rules.js";
export type { UnmodelledObject } from "./autogenerate/include-filter.js";

// Running migrations from code (e.g. before an app starts, or in tests).
export { Migrator } from "./runtime/migrator.js";
export type { BeforeSteps, MigratorConfig, MigratorOptions, RunOptions, RunResult, StepDone } from "./runtime/migrator.js";
export { fromPgPool, fromPgClient, fromPGlite } from "./runtime/connection-source.js";
export type { ConnectionSource, MigratorConnection, PgPoolLike, PGliteLike } from "./runtime/connection-source.js";
export type { PgClientLike } from "./runtime/pg-connection.js";

// The revision graph.
export { RevisionMap } from "./graph/revision-map.js";
export { Revision } from "./graph/revision.js";
export type { RevisionSource } from "./graph/revision-source.js";
export type { Plan, Step, VersionChange } from "./graph/step.js";
export { planUpgrade, planDowngrade, planStamp } from "./graph/plan.js";
export { historyRevisions } from "./graph/history.js";
export { scanRevisionFiles } from "./scripts/scan-version-locations.js";

export { AthanorError, ExitCode } from "./graph/errors.js";
export type { ErrorCode } from "./graph/errors.js";
