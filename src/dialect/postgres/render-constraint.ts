// Renders the constraint operations, all as ALTER TABLE: ADD PRIMARY KEY / UNIQUE /
// FOREIGN KEY / CHECK (optionally NOT VALID), VALIDATE CONSTRAINT and DROP CONSTRAINT.
import type {
  CreateCheckConstraintOperation,
  CreateForeignKeyOperation,
  CreatePrimaryKeyOperation,
  CreateUniqueConstraintOperation,
  DropConstraintOperation,
  ValidateConstraintOperation,
} from "../../ops/operation.js";
import { constraintName, deferrability, foreignKeyClause, words } from "./clauses.js";
import { qualifiedName, quoteIdentifier, quoteIdentifierList } from "./quote.js";
import { inTransaction, type Statement } from "./statement.js";

function alterTable(table: string, schema: string | undefined, action: string): Statement[] {
  return [inTransaction(`ALTER TABLE ${qualifiedName(table, schema)} ${action}`)];
}

export function renderCreatePrimaryKey(op: CreatePrimaryKeyOperation): Statement[] {
  return alterTable(op.table, op.schema, words("ADD", constraintName(op.name), `PRIMARY KEY (${quoteIdentifierList(op.columns)})`));
}

export function renderCreateUniqueConstraint(op: CreateUniqueConstraintOperation): Statement[] {
  const action = words(
    "ADD",
    constraintName(op.name),
    "UNIQUE",
    op.nullsNotDistinct === true && "NULLS NOT DISTINCT",
    `(${quoteIdentifierList(op.columns)})`,
    deferrability(op),
  );
  return alterTable(op.table, op.schema, action);
}

export function renderCreateForeignKey(op: CreateForeignKeyOperation): Statement[] {
  return alterTable(op.table, op.schema, words("ADD", foreignKeyClause(op), op.notValid === true && "NOT VALID"));
}

export function renderCreateCheckConstraint(op: CreateCheckConstraintOperation): Statement[] {
  const action = words("ADD", constraintName(op.name), `CHECK (${op.expression})`, op.noInherit === true && "NO INHERIT", op.notValid === true && "NOT VALID");
  return alterTable(op.table, op.schema, action);
}

export function renderValidateConstraint(op: ValidateConstraintOperation): Statement[] {
  return alterTable(op.table, op.schema, `VALIDATE CONSTRAINT ${quoteIdentifier(op.name)}`);
}

export function renderDropConstraint(op: DropConstraintOperation): Statement[] {
  const action = words("DROP CONSTRAINT", op.ifExists === true && "IF EXISTS", quoteIdentifier(op.name), op.cascade === true && "CASCADE");
  return alterTable(op.table, op.schema, action);
}
