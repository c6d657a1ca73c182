// Renders the data operations: execute (raw SQL, params inlined as literals) and
// bulkInsert (multi-row INSERT … VALUES with literals, in batches).
import type { BulkInsertOperation, ExecuteOperation } from "../../ops/operation.js";
import { inlineParams } from "./inline-params.js";
import { renderLiteral } from "./literal.js";
import { qualifiedName, quoteIdentifierList } from "./quote.js";
import { scanSql } from "./sql-lexer.js";
import { splitStatements } from "./split-statements.js";
import type { Statement } from "./statement.js";
import { isTransactionalStatement } from "./transactional.js";

/** Rows per INSERT: keeps each statement a size a server and a reviewer handle well. */
export const BULK_INSERT_BATCH = 500;

function transactionalSql(sql: string): boolean {
  try {
    return splitStatements(sql).every(isTransactionalStatement);
  } catch {
    return true; // unterminated text: PostgreSQL will report it when it runs
  }
}

/**
 * The SQL as written (trailing `;` and whitespace removed, since the printer adds one),
 * params inlined. Several statements in one execute stay one text, as the author wrote them.
 */
export function renderExecute(op: ExecuteOperation): Statement[] {
  const tokens = scanSql(op.params === undefined ? op.sql : inlineParams(op.sql, op.params));
  // Trailing `;` and whitespace go (the printer adds one); a `;` inside a comment stays.
  while (tokens.length > 0 && (tokens.at(-1)?.kind === "space" || tokens.at(-1)?.kind === "semicolon")) tokens.pop();
  if (tokens.every((t) => t.kind === "space" || t.kind === "semicolon" || t.kind === "lineComment" || t.kind === "blockComment")) return [];
  // After a trailing -- comment the appended `;` must start a new line to be code.
  const sql = tokens.map((t) => t.text).join("") + (tokens.at(-1)?.kind === "lineComment" ? "\n" : "");
  return [{ sql, transactional: transactionalSql(sql) }];
}

function columnsOf(op: BulkInsertOperation): readonly string[] {
  if (op.columns !== undefined) return op.columns;
  const seen = new Set<string>();
  for (const row of op.rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** A missing key (or undefined) is DEFAULT, so serial/identity/defaulted columns fill in. */
function valueOf(row: Readonly<Record<string, unknown>>, column: string): string {
  const value = Object.hasOwn(row, column) ? row[column] : undefined;
  return value === undefined ? "DEFAULT" : renderLiteral(value);
}

export function renderBulkInsert(op: BulkInsertOperation): Statement[] {
  const columns = columnsOf(op);
  if (columns.length === 0) {
    // Rows with no keys: every column takes its default; VALUES () is not SQL.
    return op.rows.map(() => ({ sql: `INSERT INTO ${qualifiedName(op.table, op.schema)} DEFAULT VALUES`, transactional: true }));
  }
  const head = `INSERT INTO ${qualifiedName(op.table, op.schema)} (${quoteIdentifierList(columns)}) VALUES`;
  const statements: Statement[] = [];
  for (let i = 0; i < op.rows.length; i += BULK_INSERT_BATCH) {
    const rows = op.rows.slice(i, i + BULK_INSERT_BATCH).map((row) => `  (${columns.map((c) => valueOf(row, c)).join(", ")})`);
    statements.push({ sql: `${head}\n${rows.join(",\n")}`, transactional: true });
  }
  return statements;
}
