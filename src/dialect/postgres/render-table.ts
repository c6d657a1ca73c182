// Renders the table operations: CREATE TABLE (with its columns, table constraints and
// comments), DROP TABLE, ALTER TABLE … RENAME TO, and COMMENT ON TABLE.
import type {
  CreateTableCommentOperation,
  CreateTableOperation,
  DropTableCommentOperation,
  DropTableOperation,
  RenameTableOperation,
} from "../../ops/operation.js";
import { commentValue, constraintName, deferrability, foreignKeyClause, words } from "./clauses.js";
import { columnDefinition } from "./column-definition.js";
import { qualifiedName, quoteIdentifier, quoteIdentifierList } from "./quote.js";
import { inTransaction, type Statement } from "./statement.js";

function tableConstraints(op: CreateTableOperation): string[] {
  const lines: string[] = [];
  if (op.primaryKey) {
    lines.push(words(constraintName(op.primaryKey.name), `PRIMARY KEY (${quoteIdentifierList(op.primaryKey.columns)})`));
  }
  for (const u of op.uniques ?? []) {
    lines.push(
      words(constraintName(u.name), "UNIQUE", u.nullsNotDistinct === true && "NULLS NOT DISTINCT", `(${quoteIdentifierList(u.columns)})`, deferrability(u)),
    );
  }
  for (const fk of op.foreignKeys ?? []) lines.push(foreignKeyClause(fk));
  for (const c of op.checks ?? []) {
    lines.push(words(constraintName(c.name), `CHECK (${c.expression})`, c.noInherit === true && "NO INHERIT"));
  }
  return lines;
}

/** Column comments need the table's name, so they are separate statements. */
export function columnCommentStatement(table: string, schema: string | undefined, column: string, comment: string | null): Statement {
  return inTransaction(`COMMENT ON COLUMN ${qualifiedName(table, schema)}.${quoteIdentifier(column)} IS ${commentValue(comment)}`);
}

export function renderCreateTable(op: CreateTableOperation): Statement[] {
  const name = qualifiedName(op.table, op.schema);
  const body = [...op.columns.map(columnDefinition), ...tableConstraints(op)];
  const head = words("CREATE TABLE", op.ifNotExists === true && "IF NOT EXISTS", name);
  const statements = [inTransaction(`${head} (\n${body.map((line) => `  ${line}`).join(",\n")}\n)`)];
  if (op.comment !== undefined) statements.push(inTransaction(`COMMENT ON TABLE ${name} IS ${commentValue(op.comment)}`));
  for (const column of op.columns) {
    if (column.comment !== undefined) statements.push(columnCommentStatement(op.table, op.schema, column.name, column.comment));
  }
  return statements;
}

export function renderDropTable(op: DropTableOperation): Statement[] {
  return [inTransaction(words("DROP TABLE", op.ifExists === true && "IF EXISTS", qualifiedName(op.table, op.schema), op.cascade === true && "CASCADE"))];
}

export function renderRenameTable(op: RenameTableOperation): Statement[] {
  return [inTransaction(`ALTER TABLE ${qualifiedName(op.table, op.schema)} RENAME TO ${quoteIdentifier(op.newName)}`)];
}

export function renderCreateTableComment(op: CreateTableCommentOperation): Statement[] {
  return [inTransaction(`COMMENT ON TABLE ${qualifiedName(op.table, op.schema)} IS ${commentValue(op.comment)}`)];
}

export function renderDropTableComment(op: DropTableCommentOperation): Statement[] {
  return [inTransaction(`COMMENT ON TABLE ${qualifiedName(op.table, op.schema)} IS NULL`)];
}
