// Renders CREATE INDEX and DROP INDEX. CONCURRENTLY makes the statement
// non-transactional: PostgreSQL refuses it inside a transaction block.
import type { IndexElement } from "../../ops/constraint.js";
import type { CreateIndexOperation, DropIndexOperation } from "../../ops/operation.js";
import { words } from "./clauses.js";
import { qualifiedName, quoteIdentifier, quoteIdentifierList } from "./quote.js";
import type { Statement } from "./statement.js";

/** A collation's name; one already quoted part by part (`"s"."c"`, as introspection gives a qualified one) as it is. */
function collationName(name: string): string {
  return /^"(?:[^"]|"")*"(?:\."(?:[^"]|"")*")*$/.test(name) ? name : quoteIdentifier(name);
}

/** A column by name, or an expression in parentheses (always valid, even for f(x)). */
function indexElement(element: IndexElement): string {
  return words(
    element.column !== undefined ? quoteIdentifier(element.column) : `(${element.expression})`,
    element.collation !== undefined && `COLLATE ${collationName(element.collation)}`,
    element.opclass,
    element.order,
    element.nulls && `NULLS ${element.nulls}`,
  );
}

export function renderCreateIndex(op: CreateIndexOperation): Statement[] {
  const sql = words(
    op.unique === true ? "CREATE UNIQUE INDEX" : "CREATE INDEX",
    op.concurrently === true && "CONCURRENTLY",
    op.ifNotExists === true && "IF NOT EXISTS",
    quoteIdentifier(op.name),
    `ON ${qualifiedName(op.table, op.schema)}`,
    op.method !== undefined && `USING ${op.method}`,
    `(${op.columns.map(indexElement).join(", ")})`,
    op.include !== undefined && op.include.length > 0 && `INCLUDE (${quoteIdentifierList(op.include)})`,
    op.nullsNotDistinct === true && "NULLS NOT DISTINCT",
    op.where !== undefined && `WHERE ${op.where}`,
  );
  return [{ sql, transactional: op.concurrently !== true }];
}

export function renderDropIndex(op: DropIndexOperation): Statement[] {
  const sql = words(
    "DROP INDEX",
    op.concurrently === true && "CONCURRENTLY",
    op.ifExists === true && "IF EXISTS",
    qualifiedName(op.name, op.schema),
    op.cascade === true && "CASCADE",
  );
  return [{ sql, transactional: op.concurrently !== true }];
}
