// Operations as the TypeScript a person would write in a revision's upgrade() or
// downgrade(): `await op.addColumn("users", { name: "x", type: "text" });`, with the
// Change notes as comments. Each kind maps to the Operations facade's call shape,
// Alembic's argument order: the object's name first, then the table, then details.
import type { Operation } from "../ops/operation.js";
import type { Step } from "./change.js";
import { formatValue } from "./format-value.js";

type Without<T, K extends keyof T> = Omit<T, K | "kind">;

function rest<T extends object, K extends keyof T>(o: T, ...keys: K[]): Without<T, K> | undefined {
  const copy: Record<string, unknown> = { ...(o as Record<string, unknown>) };
  delete copy.kind;
  for (const k of keys) delete copy[k as string];
  return Object.keys(copy).length > 0 ? (copy as Without<T, K>) : undefined;
}

/** The call's arguments, trailing `undefined` (no options) left out. */
function call(name: string, args: unknown[], indent: string): string {
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  // Long arguments break inside themselves (formatValue), never between arguments.
  return `await op.${name}(${args.map((a) => formatValue(a, indent)).join(", ")});`;
}

/** One operation as one statement of TypeScript (without leading indentation). */
export function renderOperationSource(op: Operation, indent = "  "): string {
  switch (op.kind) {
    case "createTable":
      return call("createTable", [op.table, rest(op, "table")], indent);
    case "dropTable":
      return call("dropTable", [op.table, rest(op, "table")], indent);
    case "renameTable":
      return call("renameTable", [op.table, op.newName, rest(op, "table", "newName")], indent);
    case "createTableComment":
      return call("createTableComment", [op.table, op.comment, rest(op, "table", "comment")], indent);
    case "dropTableComment":
      return call("dropTableComment", [op.table, rest(op, "table")], indent);
    case "addColumn":
      return call("addColumn", [op.table, op.column, rest(op, "table", "column")], indent);
    case "dropColumn":
      return call("dropColumn", [op.table, op.column, rest(op, "table", "column")], indent);
    case "alterColumn":
      return call("alterColumn", [op.table, op.column, rest(op, "table", "column")], indent);
    case "setColumnComment":
      return call("setColumnComment", [op.table, op.column, op.comment, rest(op, "table", "column", "comment")], indent);
    case "createIndex":
      return call(
        "createIndex",
        [
          op.name,
          op.table,
          op.columns.map((c) => (c.column !== undefined && Object.keys(c).length === 1 ? c.column : c)),
          rest(op, "name", "table", "columns"),
        ],
        indent,
      );
    case "dropIndex":
      return call("dropIndex", [op.name, rest(op, "name")], indent);
    case "createPrimaryKey":
      return call("createPrimaryKey", [op.name ?? null, op.table, op.columns, rest(op, "name", "table", "columns")], indent);
    case "createUniqueConstraint":
      return call("createUniqueConstraint", [op.name ?? null, op.table, op.columns, rest(op, "name", "table", "columns")], indent);
    case "createForeignKey":
      return call(
        "createForeignKey",
        [
          op.name ?? null,
          op.table,
          op.referencedTable,
          op.columns,
          op.referencedColumns ?? null,
          rest(op, "name", "table", "referencedTable", "columns", "referencedColumns"),
        ],
        indent,
      );
    case "createCheckConstraint":
      return call("createCheckConstraint", [op.name ?? null, op.table, op.expression, rest(op, "name", "table", "expression")], indent);
    case "validateConstraint":
      return call("validateConstraint", [op.name, op.table, rest(op, "name", "table")], indent);
    case "dropConstraint":
      return call("dropConstraint", [op.name, op.table, rest(op, "name", "table")], indent);
    case "createEnum":
      return call("createEnum", [op.name, op.values, rest(op, "name", "values")], indent);
    case "dropEnum":
      return call("dropEnum", [op.name, rest(op, "name")], indent);
    case "addEnumValue":
      return call("addEnumValue", [op.name, op.value, rest(op, "name", "value")], indent);
    case "renameEnumValue":
      return call("renameEnumValue", [op.name, op.from, op.to, rest(op, "name", "from", "to")], indent);
    case "createSchema":
      return call("createSchema", [op.schema, rest(op, "schema")], indent);
    case "dropSchema":
      return call("dropSchema", [op.schema, rest(op, "schema")], indent);
    case "createSequence":
      return call("createSequence", [op.name, rest(op, "name")], indent);
    case "alterSequence":
      return call("alterSequence", [op.name, rest(op, "name")], indent);
    case "dropSequence":
      return call("dropSequence", [op.name, rest(op, "name")], indent);
    case "execute":
      return call("execute", [op.sql, op.params], indent);
    case "bulkInsert":
      return call("bulkInsert", [op.table, op.rows, rest(op, "table", "rows")], indent);
  }
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
