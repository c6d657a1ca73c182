// The real implementations behind StepDependencies: src/scripts loads the revision,
// src/ops builds the Operations facade, src/dialect renders and splits SQL.
import { isTransactionalOperation, renderOperation } from "../dialect/postgres/render.js";
import { locateStatements } from "../dialect/postgres/split-statements.js";
import { Operations } from "../ops/operations.js";
import { loadRevision } from "../scripts/load-revision.js";
import type { StepDependencies } from "./loaded-revision.js";

export function defaultStepDependencies(cwd: string): StepDependencies {
  return {
    loadRevision: (source) => loadRevision(source, cwd),
    // The dialect knows which statements refuse a transaction (CONCURRENTLY, also in
    // raw execute() SQL); the facade uses that to refuse them with the fix.
    createOperations: (sink, options) => new Operations(sink, { ...options, isTransactional: isTransactionalOperation }),
    renderOperation,
    splitStatements: locateStatements,
  };
}
