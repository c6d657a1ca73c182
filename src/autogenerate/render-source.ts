// Operations as the TypeScript a person would write in a revision's upgrade() or
// downgrade(): `await op.addColumn("users", { name: "x", type: "text" });`, with the
// Change notes as comments. Each kind's call shape (Alembic's argument order: the
// object's name first, then the table, then details) is its definition's, the same the
// Operations facade reads (src/ops/operation-arguments.ts), so the two cannot disagree.
import type { Operation } from "../ops/operation.js";
import { argumentsOfOperation } from "../ops/operation-arguments.js";
import type { Step } from "./change.js";
import { formatValue } from "./format-value.js";

/** The call's arguments, trailing `undefined` (no options) left out. */
function call(name: string, args: unknown[], indent: string): string {
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  // Long arguments break inside themselves (formatValue), never between arguments.
  return `await op.${name}(${args.map((a) => formatValue(a, indent)).join(", ")});`;
}

/** One operation as one statement of TypeScript (without leading indentation). */
export function renderOperationSource(op: Operation, indent = "  "): string {
  return call(op.kind, argumentsOfOperation(op), indent);
}

function commentLines(text: string, indent: string): string[] {
  return text.split("\n").map((line) => `${indent}// ${line}`);
}

/**
 * The body of upgrade() or downgrade(): one statement per operation, notes as
 * comments, indented for a function body. An empty list gives a `// nothing to do` line.
 */
export function renderBody(steps: readonly Step[], indent = "  "): string {
  if (steps.length === 0) return `${indent}// Nothing to do.`;
  const lines: string[] = [];
  for (const step of steps) {
    if ("note" in step) lines.push(...commentLines(step.note, indent));
    else if ("autocommit" in step) lines.push(`${indent}await op.autocommitBlock(async () => {`, renderBody(step.autocommit, `${indent}  `), `${indent}});`);
    else lines.push(`${indent}${renderOperationSource(step.op, indent)}`);
  }
  return lines.join("\n");
}
