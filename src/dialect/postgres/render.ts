// The PostgreSQL renderer: one operation in, the statements that perform it out. Online
// and offline runs both use it, so what a DBA reviews is exactly what would run.
import type { Operation, OperationKind, OperationOf } from "../../ops/operation.js";
import { renderAddColumn, renderAlterColumn, renderDropColumn, renderSetColumnComment } from "./render-column.js";
import {
  renderCreateCheckConstraint,
  renderCreateForeignKey,
  renderCreatePrimaryKey,
  renderCreateUniqueConstraint,
  renderDropConstraint,
  renderValidateConstraint,
} from "./render-constraint.js";
import { renderBulkInsert, renderExecute } from "./render-data.js";
import { renderAddEnumValue, renderCreateEnum, renderDropEnum, renderRenameEnumValue } from "./render-enum.js";
import { renderCreateIndex, renderDropIndex } from "./render-index.js";
import { renderAlterSequence, renderCreateSchema, renderCreateSequence, renderDropSchema, renderDropSequence } from "./render-schema.js";
import { renderCreateTable, renderCreateTableComment, renderDropTable, renderDropTableComment, renderRenameTable } from "./render-table.js";
import type { Statement } from "./statement.js";

export type { Statement } from "./statement.js";

/**
 * Render one operation as PostgreSQL statements, in the order they must run. Each has
 * no trailing `;`; `transactional: false` marks statements PostgreSQL refuses inside a
 * transaction block (CREATE/DROP INDEX CONCURRENTLY and the like).
 *
 * ### Examples
 * ```ts
 * renderOperation({ kind: "dropTable", table: "users", ifExists: true })
 * // [{ sql: "DROP TABLE IF EXISTS users", transactional: true }]
 * ```
 */
export function renderOperation(op: Operation): Statement[] {
  const render = Object.hasOwn(renderers, op.kind) ? (renderers[op.kind] as (op: Operation) => Statement[]) : undefined;
  if (render === undefined) throw new TypeError(`no PostgreSQL rendering for operation kind ${JSON.stringify((op as { kind?: unknown }).kind)}`);
  return render(op);
}

/** A renderer for every operation kind: a kind without one (or one for no kind) fails to compile. */
export type OperationRenderers = { readonly [K in OperationKind]: (op: OperationOf<K>) => Statement[] };

const renderers: OperationRenderers = {
  createTable: renderCreateTable,
  dropTable: renderDropTable,
  renameTable: renderRenameTable,
  createTableComment: renderCreateTableComment,
  dropTableComment: renderDropTableComment,
  addColumn: renderAddColumn,
  dropColumn: renderDropColumn,
  alterColumn: renderAlterColumn,
  setColumnComment: renderSetColumnComment,
  createIndex: renderCreateIndex,
  dropIndex: renderDropIndex,
  createPrimaryKey: renderCreatePrimaryKey,
  createUniqueConstraint: renderCreateUniqueConstraint,
  createForeignKey: renderCreateForeignKey,
  createCheckConstraint: renderCreateCheckConstraint,
  validateConstraint: renderValidateConstraint,
  dropConstraint: renderDropConstraint,
  createEnum: renderCreateEnum,
  dropEnum: renderDropEnum,
  addEnumValue: renderAddEnumValue,
  renameEnumValue: renderRenameEnumValue,
  createSchema: renderCreateSchema,
  dropSchema: renderDropSchema,
  createSequence: renderCreateSequence,
  alterSequence: renderAlterSequence,
  dropSequence: renderDropSequence,
  execute: renderExecute,
  bulkInsert: renderBulkInsert,
};

/**
 * Whether every statement of `op` may run inside a transaction block; pass it to
 * `new Operations(sink, { transactional, isTransactional: isTransactionalOperation })`
 * so raw SQL in execute() (`CREATE INDEX CONCURRENTLY …`) is refused in a transaction too.
 */
export function isTransactionalOperation(op: Operation): boolean {
  return renderOperation(op).every((statement) => statement.transactional);
}
