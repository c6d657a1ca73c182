// Renders the column operations: ADD COLUMN, DROP COLUMN, ALTER COLUMN (type, nullable,
// default, identity in one ALTER TABLE; then the comment; then the rename) and comments.
import type { AddColumnOperation, AlterColumnOperation, DropColumnOperation, SetColumnCommentOperation } from "../../ops/operation.js";
import { identityClause, words } from "./clauses.js";
import { columnDefinition } from "./column-definition.js";
import { qualifiedName, quoteIdentifier } from "./quote.js";
import { inTransaction, type Statement } from "./statement.js";
import { columnCommentStatement } from "./render-table.js";

export function renderAddColumn(op: AddColumnOperation): Statement[] {
  const add = words("ADD COLUMN", op.ifNotExists === true && "IF NOT EXISTS", columnDefinition(op.column));
  const statements = [inTransaction(`ALTER TABLE ${qualifiedName(op.table, op.schema)} ${add}`)];
  if (op.column.comment !== undefined) statements.push(columnCommentStatement(op.table, op.schema, op.column.name, op.column.comment));
  return statements;
}

export function renderDropColumn(op: DropColumnOperation): Statement[] {
  const drop = words("DROP COLUMN", op.ifExists === true && "IF EXISTS", quoteIdentifier(op.column), op.cascade === true && "CASCADE");
  return [inTransaction(`ALTER TABLE ${qualifiedName(op.table, op.schema)} ${drop}`)];
}

function alterActions(op: AlterColumnOperation): string[] {
  const column = `ALTER COLUMN ${quoteIdentifier(op.column)}`;
  const actions: string[] = [];
  if (op.type !== undefined) {
    actions.push(
      words(column, `TYPE ${op.type}`, op.collation !== undefined && `COLLATE ${quoteIdentifier(op.collation)}`, op.using !== undefined && `USING ${op.using}`),
    );
  }
  if (op.nullable !== undefined) actions.push(`${column} ${op.nullable ? "DROP NOT NULL" : "SET NOT NULL"}`);
  if (op.default !== undefined) actions.push(op.default === null ? `${column} DROP DEFAULT` : `${column} SET DEFAULT ${op.default}`);
  if (op.identity !== undefined) actions.push(op.identity === null ? `${column} DROP IDENTITY` : `${column} ADD ${identityClause(op.identity)}`);
  if (op.setGenerated !== undefined) actions.push(`${column} SET GENERATED ${op.setGenerated === "always" ? "ALWAYS" : "BY DEFAULT"}`);
  return actions;
}

export function renderAlterColumn(op: AlterColumnOperation): Statement[] {
  const table = qualifiedName(op.table, op.schema);
  const statements: Statement[] = [];
  const actions = alterActions(op);
  if (actions.length > 0) statements.push(inTransaction(`ALTER TABLE ${table} ${actions.join(", ")}`));
  if (op.comment !== undefined) statements.push(columnCommentStatement(op.table, op.schema, op.column, op.comment));
  if (op.newName !== undefined) {
    statements.push(inTransaction(`ALTER TABLE ${table} RENAME COLUMN ${quoteIdentifier(op.column)} TO ${quoteIdentifier(op.newName)}`));
  }
  return statements;
}

export function renderSetColumnComment(op: SetColumnCommentOperation): Statement[] {
  return [columnCommentStatement(op.table, op.schema, op.column, op.comment)];
}
