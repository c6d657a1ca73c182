// Checks an Operation against its zod schema and turns the first problems into one
// AthanorError INVALID_OPERATION that names the operation and the option path
// (`createTable: columns[1].type …`). The runtime adds the revision and file.
import type { z } from "zod";
import { errors } from "../error-factories.js";
import type { Operation } from "./operation.js";
import { operationSchemas } from "./operation-schema.js";

/** `columns[1].type`; the operation's own fields are its options. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: is not an option of this operation`).join("; ");
  }
  const where = formatPath(issue.path);
  const missing = issue.code === "invalid_type" && issue.message.endsWith("received undefined");
  const message = missing ? `is required (${issue.expected})` : issue.message;
  return where === "" ? message : `${where}: ${message}`;
}

/**
 * Validate `operation`; return it unchanged when valid.
 * @throws AthanorError INVALID_OPERATION naming `method` (e.g. "op.createTable") and the option.
 */
export function validateOperation<T extends Operation>(operation: T, method: string = `op.${operation.kind}`): T {
  const schema = operationSchemas()[operation.kind];
  if (schema === undefined) {
    throw errors.invalidOperation(`${method}: unknown operation kind ${JSON.stringify(operation.kind)}`);
  }
  const result = schema.safeParse(operation);
  if (result.success) return operation;
  const problems = result.error.issues.slice(0, 5).map(describeIssue);
  const first = result.error.issues[0];
  throw errors.invalidOperation(`${method}: ${problems.join("; ")}`, {
    hint: "fix the argument named above; the Operations type in your editor lists every option",
    details: { operation: operation.kind, path: first === undefined ? "" : formatPath(first.path), issues: problems },
  });
}
