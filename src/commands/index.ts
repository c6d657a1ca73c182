// The commands layer: every CLI verb that is more than a graph query is one call here,
// returning typed results (Alembic's command.py). The CLI only parses arguments, calls
// one of these and formats what comes back; a library caller gets the same behaviour.
export { openProject, migratorFor, type Project, type ProjectOptions } from "./project.js";
export { silentReporter, type Reporter } from "./reporter.js";
export { createRevision, mergeRevisions, type CreateRevisionOptions, type MergeOptions, type WrittenRevision } from "./new-revision.js";
export { generateRevision, type GenerateOptions, type GenerateResult } from "./generate.js";
export { checkProject, type CheckOptions, type CheckProblem, type CheckProblemKind, type CheckResult } from "./check.js";
export { lintProject, type LintProjectOptions, type LintResult } from "./lint.js";
export { initProject, type InitProjectOptions, type InitProjectResult } from "../scripts/init-project.js";
export { pullProject, type PullOptions, type PullResult, type PulledModelFile } from "./pull.js";
export { rebaseRevisions, type RebaseOptions, type RebaseResult } from "./rebase.js";
export { testRevisions, type TestModels, type TestProblem, type TestRevisionsOptions, type TestRevisionsResult } from "./test-revisions.js";
export {
  runTargets,
  type RunTargetsOptions,
  type RunTargetsResult,
  type TargetError,
  type TargetResult,
  type TargetStatus,
  type TargetsCommand,
  type TargetsProgress,
} from "./run-targets.js";
export { targetScripts, type TargetScriptsOptions } from "./target-scripts.js";
export type { DriftStatus } from "./target-drift.js";
export { squashRevisions, type SquashOptions, type SquashResult } from "./squash.js";
export type { DataStep } from "../runtime/squash-data-steps.js";
