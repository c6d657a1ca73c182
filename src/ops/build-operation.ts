// What the Operations facade loads with the first operation a revision runs: the
// definitions, how arguments become data, and validation. Every config file and model
// module imports "athanor", and most commands run no revision, so none of this is
// loaded on import (zod, which validation needs, least of all).
import type { Operation, OperationKind } from "./operation.js";
import { operationFromArguments } from "./operation-arguments.js";
import { validateOperation } from "./validate-operation.js";

/** The operation `op.<kind>(...args)` describes, validated. */
export function buildOperation(kind: OperationKind, args: readonly unknown[]): Operation {
  return validateOperation(operationFromArguments(kind, args), `op.${kind}`);
}
