// SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a valid
// CHECK (col IS NOT NULL) already proves it (PostgreSQL 12+), which can be validated
// beforehand without blocking writes.
import { tableLabel } from "../lint-statement.js";
import type { LintRule } from "../rule.js";

export const requireCheckBeforeNotNull: LintRule = {
  id: "require-check-before-not-null",
  severity: "error",
  title: "SET NOT NULL on an existing table without a validated CHECK (col IS NOT NULL) first",
  why: "SET NOT NULL reads every row to prove it under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole scan",
  fix: "add `CHECK (col IS NOT NULL) NOT VALID`, VALIDATE CONSTRAINT it in a later revision, then SET NOT NULL (PostgreSQL 12+ uses the check and skips the scan) and drop the check",
  equivalents: { squawk: "adding-not-nullable-field", strongMigrations: "change_column_null", atlas: "PG303" },
  statement(statement, scope) {
    if (statement.kind !== "setNotNull" || !scope.isExisting(statement.table)) return undefined;
    if (scope.provesNotNull(statement.table, statement.column)) return undefined;
    return {
      line: statement.line,
      message: `SET NOT NULL on ${tableLabel(statement.table)}.${statement.column} scans the table under an ACCESS EXCLUSIVE lock`,
    };
  },
};
