// Renders enum operations: CREATE TYPE … AS ENUM, DROP TYPE, ALTER TYPE … ADD VALUE /
// RENAME VALUE. Since PostgreSQL 12 ADD VALUE runs inside a transaction, though the new
// value cannot be used until that transaction commits.
import type { AddEnumValueOperation, CreateEnumOperation, DropEnumOperation, RenameEnumValueOperation } from "../../ops/operation.js";
import { words } from "./clauses.js";
import { quoteString } from "./literal.js";
import { qualifiedName } from "./quote.js";
import { inTransaction, type Statement } from "./statement.js";

export function renderCreateEnum(op: CreateEnumOperation): Statement[] {
  return [inTransaction(`CREATE TYPE ${qualifiedName(op.name, op.schema)} AS ENUM (${op.values.map(quoteString).join(", ")})`)];
}

export function renderDropEnum(op: DropEnumOperation): Statement[] {
  return [inTransaction(words("DROP TYPE", op.ifExists === true && "IF EXISTS", qualifiedName(op.name, op.schema), op.cascade === true && "CASCADE"))];
}

export function renderAddEnumValue(op: AddEnumValueOperation): Statement[] {
  const sql = words(
    `ALTER TYPE ${qualifiedName(op.name, op.schema)} ADD VALUE`,
    op.ifNotExists === true && "IF NOT EXISTS",
    quoteString(op.value),
    op.before !== undefined && `BEFORE ${quoteString(op.before)}`,
    op.after !== undefined && `AFTER ${quoteString(op.after)}`,
  );
  return [inTransaction(sql)];
}

export function renderRenameEnumValue(op: RenameEnumValueOperation): Statement[] {
  return [inTransaction(`ALTER TYPE ${qualifiedName(op.name, op.schema)} RENAME VALUE ${quoteString(op.from)} TO ${quoteString(op.to)}`)];
}
