// The text of one column in CREATE TABLE or ADD COLUMN: name, type and the column
// constraints, in a fixed order so goldens are stable.
import type { ColumnSpec } from "../../ops/column.js";
import { constraintName, identityClause, referenceTail, words } from "./clauses.js";
import { qualifiedName, quoteIdentifier } from "./quote.js";

/**
 * `name type [COLLATE c] [DEFAULT e] [GENERATED …] [NOT NULL] [CHECK (…)] [UNIQUE]
 * [PRIMARY KEY] [REFERENCES …]`. The type is written as given: it is SQL the author
 * chose (`varchar(100)`, an enum's qualified name), not an identifier to quote.
 */
export function columnDefinition(column: ColumnSpec): string {
  const ref = column.references;
  return words(
    quoteIdentifier(column.name),
    column.type,
    column.collation !== undefined && `COLLATE ${quoteIdentifier(column.collation)}`,
    column.default !== undefined && `DEFAULT ${column.default}`,
    column.identity && identityClause(column.identity),
    column.generated !== undefined && `GENERATED ALWAYS AS (${column.generated}) STORED`,
    column.nullable === false && "NOT NULL",
    column.check !== undefined && `CHECK (${column.check})`,
    column.unique === true && "UNIQUE",
    column.primaryKey === true && "PRIMARY KEY",
    ref &&
      words(
        constraintName(ref.name),
        `REFERENCES ${qualifiedName(ref.table, ref.schema)}`,
        ref.column !== undefined && `(${quoteIdentifier(ref.column)})`,
        referenceTail(ref),
      ),
  );
}
