// Raw SQL inside models: server defaults, check constraints, index expressions and
// predicates. A `sql` fragment remembers the columns interpolated into it, so a check's
// default name can follow Postgres's own rule (`<table>_<column>_check`).

import { quoteIdentifier } from "../dialect/postgres/quote.js";

const brand: unique symbol = Symbol.for("athanor.sql");

/** A reference to a column of a model table, as interpolated into `sql` and used in indexes. */
export interface ColumnName {
  /** The column's name in the database. */
  readonly name: string;
}

/** A fragment of SQL text, taken as written. */
export interface SqlExpression {
  readonly [brand]: true;
  readonly text: string;
  /** Names of the columns interpolated into the fragment, in order of appearance. */
  readonly columns: readonly string[];
}

export function isSqlExpression(value: unknown): value is SqlExpression {
  return typeof value === "object" && value !== null && brand in value;
}

function isColumnName(value: unknown): value is ColumnName {
  return typeof value === "object" && value !== null && "name" in value && typeof (value as ColumnName).name === "string" && "columnOf" in value;
}

/**
 * SQL text for a default, check or index expression. Interpolated columns become
 * their (quoted when needed) names, other `sql` fragments are inlined, and plain
 * values become SQL literals.
 *
 * ### Examples
 *     default(sql`now()`)
 *     check("ck_price_positive", sql`${t.price} > 0`)
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlExpression {
  let text = strings[0] ?? "";
  const columns: string[] = [];
  values.forEach((value, i) => {
    if (isColumnName(value)) {
      text += quoteIdentifier(value.name);
      columns.push(value.name);
    } else if (isSqlExpression(value)) {
      text += value.text;
      columns.push(...value.columns);
    } else {
      text += sqlLiteral(value);
    }
    text += strings[i + 1] ?? "";
  });
  return { [brand]: true, text, columns };
}

/** SQL text taken verbatim, for fragments built at run time. */
sql.raw = (text: string): SqlExpression => ({ [brand]: true, text, columns: [] });

/** A JavaScript value as a SQL literal: strings quoted, numbers and booleans as written. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === "object") return `'${JSON.stringify(value).replaceAll("'", "''")}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}
