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
export { readPullScope } from "./autogenerate/pull-scope.js";
export type { PullScopeOptions, PulledDatabase } from "./autogenerate/pull-scope.js";
export { pullModels } from "./autogenerate/pull-models.js";
export type { PulledFile, PulledModels } from "./autogenerate/pull-models.js";
export { pullProject, type PullOptions, type PullResult, type PulledModelFile } from "./commands/pull.js";

// Running migrations from code (e.g. before an app starts, or in tests).
export { Migrator } from "./runtime/migrator.js";
export type { BeforeSteps, MigratorConfig, MigratorOptions, RunOptions, RunResult, StepDone } from "./runtime/migrator.js";
export { fromPgPool, fromPgClient, fromPGlite } from "./runtime/connection-source.js";
export { revisionFiles, type RevisionProvider, type RevisionFilesSettings } from "./runtime/revision-provider.js";
export type { LoadedRevision } from "./runtime/loaded-revision.js";
export type { ConnectionSource, MigratorConnection, PgPoolLike, PGliteLike } from "./runtime/connection-source.js";
export type { PgClientLike } from "./runtime/pg-connection.js";

// The commands the CLI runs, as calls with typed results (revision, merge, generate, check, init, runTargets).
export {
  checkProject,
  lintProject,
  createRevision,
  generateRevision,
  initProject,
  mergeRevisions,
  openProject,
  rebaseRevisions,
  runTargets,
  silentReporter,
  targetScripts,
  squashRevisions,
  testRevisions,
  type CheckOptions,
  type CheckProblem,
  type CheckProblemKind,
  type CheckResult,
  type CreateRevisionOptions,
  type GenerateOptions,
  type GenerateResult,
  type InitProjectOptions,
  type InitProjectResult,
  type LintProjectOptions,
  type LintResult,
  type MergeOptions,
  type Project,
  type ProjectOptions,
  type Reporter,
  type RebaseOptions,
  type RebaseResult,
  type RunTargetsOptions,
  type RunTargetsResult,
  type TargetError,
  type TargetResult,
  type TargetScriptsOptions,
  type TargetStatus,
  type TargetsCommand,
  type TargetsProgress,
  type DriftStatus,
  type DataStep,
  type SquashOptions,
  type SquashResult,
  type TestRevisionsOptions,
  type TestRevisionsResult,
  type WrittenRevision,
} from "./commands/index.js";

// The revision graph.
export { RevisionMap } from "./graph/revision-map.js";
export { Revision } from "./graph/revision.js";
export type { RevisionSource } from "./graph/revision-source.js";
export type { Plan, Step, VersionChange } from "./graph/step.js";
export { planUpgrade, planDowngrade, planStamp } from "./graph/plan.js";
export { historyRevisions } from "./graph/history.js";
export { parseRevRange, parseRevSpec, type RevRange, type RevSpec, type RunRange } from "./graph/rev-spec.js";
export { scanRevisionFiles } from "./scripts/scan-version-locations.js";

export { AthanorError, ExitCode } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export type { ErrorDetails } from "./error-factories.js";

// Lint: the rules as data, and the offline run over revision files (README, Linting revisions).
export { lintRules } from "./lint/rules/index.js";
export type { LintFinding } from "./lint/lint.js";
export type { LintRule, Severity } from "./lint/rule.js";
export { lintSources } from "./runtime/lint-revisions.js";
export type { LintSettings } from "./runtime/lint-revisions.js";
