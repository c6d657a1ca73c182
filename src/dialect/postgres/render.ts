// The PostgreSQL renderer: one operation in, the statements that perform it out. Online
// and offline runs both use it, so what a DBA reviews is exactly what would run.
import type { Operation } from "../../ops/operation.js";
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
  switch (op.kind) {
    case "createTable":
      return renderCreateTable(op);
    case "dropTable":
      return renderDropTable(op);
    case "renameTable":
      return renderRenameTable(op);
    case "createTableComment":
      return renderCreateTableComment(op);
    case "dropTableComment":
      return renderDropTableComment(op);
    case "addColumn":
      return renderAddColumn(op);
    case "dropColumn":
      return renderDropColumn(op);
    case "alterColumn":
      return renderAlterColumn(op);
    case "setColumnComment":
      return renderSetColumnComment(op);
    case "createIndex":
      return renderCreateIndex(op);
    case "dropIndex":
      return renderDropIndex(op);
    case "createPrimaryKey":
      return renderCreatePrimaryKey(op);
    case "createUniqueConstraint":
      return renderCreateUniqueConstraint(op);
    case "createForeignKey":
      return renderCreateForeignKey(op);
    case "createCheckConstraint":
      return renderCreateCheckConstraint(op);
    case "validateConstraint":
      return renderValidateConstraint(op);
    case "dropConstraint":
      return renderDropConstraint(op);
    case "createEnum":
      return renderCreateEnum(op);
    case "dropEnum":
      return renderDropEnum(op);
    case "addEnumValue":
      return renderAddEnumValue(op);
    case "renameEnumValue":
      return renderRenameEnumValue(op);
    case "createSchema":
      return renderCreateSchema(op);
    case "dropSchema":
      return renderDropSchema(op);
    case "createSequence":
      return renderCreateSequence(op);
    case "alterSequence":
      return renderAlterSequence(op);
    case "dropSequence":
      return renderDropSequence(op);
    case "execute":
      return renderExecute(op);
    case "bulkInsert":
      return renderBulkInsert(op);
    default:
      return unknownOperation(op);
  }
}

function unknownOperation(op: never): never {
  throw new TypeError(`no PostgreSQL rendering for operation kind ${JSON.stringify((op as { kind?: unknown }).kind)}`);
}

/**
 * Whether every statement of `op` may run inside a transaction block; pass it to
 * `new Operations(sink, { transactional, isTransactional: isTransactionalOperation })`
 * so raw SQL in execute() (`CREATE INDEX CONCURRENTLY …`) is refused in a transaction too.
 */
export function isTransactionalOperation(op: Operation): boolean {
  return renderOperation(op).every((statement) => statement.transactional);
}
