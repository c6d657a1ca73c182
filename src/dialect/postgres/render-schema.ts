// Renders schema and sequence operations: CREATE/DROP SCHEMA, CREATE/ALTER/DROP SEQUENCE.
import type {
  AlterSequenceOperation,
  CreateSchemaOperation,
  CreateSequenceOperation,
  DropSchemaOperation,
  DropSequenceOperation,
  SequenceOwner,
} from "../../ops/operation.js";
import { sequenceOptions, words } from "./clauses.js";
import { qualifiedName, quoteIdentifier } from "./quote.js";
import { inTransaction, type Statement } from "./statement.js";

export function renderCreateSchema(op: CreateSchemaOperation): Statement[] {
  return [inTransaction(words("CREATE SCHEMA", op.ifNotExists === true && "IF NOT EXISTS", quoteIdentifier(op.schema)))];
}

export function renderDropSchema(op: DropSchemaOperation): Statement[] {
  return [inTransaction(words("DROP SCHEMA", op.ifExists === true && "IF EXISTS", quoteIdentifier(op.schema), op.cascade === true && "CASCADE"))];
}

/** OWNED BY table.column; the table must be in the sequence's schema (PostgreSQL's rule). */
function ownedBy(owner: SequenceOwner | null | undefined, schema: string | undefined): string | undefined {
  if (owner === undefined) return undefined;
  if (owner === null) return "OWNED BY NONE";
  return `OWNED BY ${qualifiedName(owner.table, schema)}.${quoteIdentifier(owner.column)}`;
}

export function renderCreateSequence(op: CreateSequenceOperation): Statement[] {
  const sql = words(
    "CREATE SEQUENCE",
    op.ifNotExists === true && "IF NOT EXISTS",
    qualifiedName(op.name, op.schema),
    op.as !== undefined && `AS ${op.as}`,
    sequenceOptions(op),
    ownedBy(op.ownedBy, op.schema),
  );
  return [inTransaction(sql)];
}

export function renderAlterSequence(op: AlterSequenceOperation): Statement[] {
  const restart = op.restart === undefined || op.restart === false ? undefined : op.restart === true ? "RESTART" : `RESTART WITH ${String(op.restart)}`;
  const sql = words(
    "ALTER SEQUENCE",
    qualifiedName(op.name, op.schema),
    op.as !== undefined && `AS ${op.as}`,
    sequenceOptions(op),
    restart,
    ownedBy(op.ownedBy, op.schema),
  );
  return [inTransaction(sql)];
}

export function renderDropSequence(op: DropSequenceOperation): Statement[] {
  return [inTransaction(words("DROP SEQUENCE", op.ifExists === true && "IF EXISTS", qualifiedName(op.name, op.schema), op.cascade === true && "CASCADE"))];
}
