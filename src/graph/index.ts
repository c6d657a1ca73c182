// The revision graph's public surface, for the runtime, the CLI and src/index.ts: build a
// RevisionMap from revision sources, resolve rev specs, plan upgrade/downgrade/stamp,
// list and format history. Everything here is pure and synchronous.

export { AthanorError, ExitCode, isAthanorError, type ErrorCode, type AthanorErrorOptions } from "./errors.js";
export type { RevisionSource } from "./revision-source.js";
export type { Direction, Plan, Step, VersionChange } from "./step.js";
export { Revision } from "./revision.js";
export { RevisionMap } from "./revision-map.js";
export {
  currentHead,
  filterForLineage,
  parseRange,
  parseRevSpec,
  resolveRevision,
  resolveRevisions,
  type RevSpec,
} from "./rev-spec.js";
export { resolve, resolveDowngradeTarget, resolveUpgradeTarget, walk } from "./relative-walk.js";
export { planDowngrade, planOfflineStamp, planStamp, planStampSteps, planUpgrade, type OfflineStampPlan, type StampStep } from "./plan.js";
export { historyRevisions, type HistoryOptions } from "./history.js";
export { graphStatus, type GraphStatus, type HeadStatus } from "./status.js";
export { formatBranches, formatHeadLine, formatHistory, formatRevisionBlock, formatRevisionLine } from "./history-format.js";
