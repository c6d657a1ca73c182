// ADD COLUMN … NOT NULL without a default fails on a table with rows, and where it
// succeeds the previous revision's code, which does not know the column, can no longer
// insert rows.
import { tableLabel } from "../lint-statement.js";
import type { LintRule } from "../rule.js";
import { isSerialType } from "./default-volatility.js";

export const noRequiredColumn: LintRule = {
  id: "no-required-column",
  severity: "error",
  title: "ADD COLUMN NOT NULL without a default on an existing table",
  why: "on a table with rows the ALTER fails; on an empty one the code still running during the deploy inserts rows without the column, and those inserts fail",
  fix: "add the column with a constant default (stored once, PostgreSQL 11+), or nullable, backfill it, then set NOT NULL the safe way (see require-check-before-not-null)",
  equivalents: { squawk: "adding-required-field", strongMigrations: null, atlas: "MF103" },
  statement(statement, scope) {
    if (statement.kind !== "addColumn" || statement.notNull !== true || !scope.isExisting(statement.table)) return undefined;
    // Identity, serial and generated columns fill themselves (no-volatile-default speaks about their rewrite).
    if (statement.default !== undefined || statement.identity || statement.stored || isSerialType(statement.type)) return undefined;
    return {
      line: statement.line,
      message: `adding ${tableLabel(statement.table)}.${statement.column} NOT NULL without a default fails on a table with rows and breaks inserts from code that does not set it`,
    };
  },
};
