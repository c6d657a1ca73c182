// Dropping or renaming a column or table the previous revision's code may still use:
// during a deploy the old code keeps running against the new schema, and its queries
// fail. Flagged on every existing table; one created in the linted range is fair game.
import { tableLabel, type LintStatement } from "../lint-statement.js";
import type { LintRule } from "../rule.js";

const deployFirst = "deploy code that no longer uses it first, then";

export const noDropColumn: LintRule = {
  id: "no-drop-column",
  severity: "error",
  title: "dropping a column of an existing table",
  why: "the code still running during the deploy (the previous revision's) may select or insert the column, and fails once it is gone",
  fix: `${deployFirst} drop it in a later revision (disable the rule there with a comment naming it)`,
  equivalents: { squawk: "ban-drop-column", strongMigrations: "remove_column", atlas: "DS103" },
  statement: (s, scope) =>
    s.kind === "dropColumn" && scope.isExisting(s.table) ? hit(s, `dropping ${tableLabel(s.table)}.${s.column} breaks code that still uses it`) : undefined,
};

export const noDropTable: LintRule = {
  id: "no-drop-table",
  severity: "error",
  title: "dropping an existing table",
  why: "the code still running during the deploy may read or write the table, and its data is gone for good",
  fix: `${deployFirst} drop the table in a later revision (disable the rule there with a comment naming it)`,
  equivalents: { squawk: "ban-drop-table", strongMigrations: null, atlas: "DS102" },
  statement: (s, scope) =>
    s.kind === "dropTable" && scope.isExisting(s.table) ? hit(s, `dropping ${tableLabel(s.table)} breaks code that still uses it`) : undefined,
};

export const noRenameColumn: LintRule = {
  id: "no-rename-column",
  severity: "error",
  title: "renaming a column of an existing table",
  why: "the code still running during the deploy uses the old name, and fails from the moment the rename commits",
  fix: "add the new column, write to both from the code, backfill, switch reads to the new one, then drop the old column in a later revision",
  equivalents: { squawk: "renaming-column", strongMigrations: "rename_column", atlas: "BC102" },
  statement: (s, scope) =>
    s.kind === "renameColumn" && scope.isExisting(s.table)
      ? hit(s, `renaming ${tableLabel(s.table)}.${s.column} to ${s.newName} breaks code that uses the old name`)
      : undefined,
};

export const noRenameTable: LintRule = {
  id: "no-rename-table",
  severity: "error",
  title: "renaming an existing table",
  why: "the code still running during the deploy uses the old name, and fails from the moment the rename commits",
  fix: "create the new table, write to both from the code, backfill, switch reads, then drop the old one in a later revision (or rename and leave a view with the old name until the code is deployed)",
  equivalents: { squawk: "renaming-table", strongMigrations: "rename_table", atlas: "BC101" },
  statement: (s, scope) =>
    s.kind === "renameTable" && scope.isExisting(s.table)
      ? hit(s, `renaming ${tableLabel(s.table)} to ${s.newName} breaks code that uses the old name`)
      : undefined,
};

function hit(statement: LintStatement, message: string) {
  return { line: statement.line, message };
}
