// ALTER COLUMN TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock,
// unless the change only relaxes a limit. Offline the old type is known only when the
// linted range added the column; otherwise the change is flagged as one that may rewrite.
import { tableLabel } from "../lint-statement.js";
import type { LintRule } from "../rule.js";
import { keepsTable } from "./type-change.js";

export const noRewritingTypeChange: LintRule = {
  id: "no-rewriting-type-change",
  severity: "error",
  title: "a column type change on an existing table that rewrites it",
  why: "the table and all its indexes are rewritten under an ACCESS EXCLUSIVE lock: nothing reads or writes the table until it is done, and the new types can break the running code",
  fix: "add a column of the new type, write to both from the code, backfill in batches, switch reads, then drop the old column in a later revision; widening varchar(n), varchar → text or numeric precision does not rewrite (disable the rule for that revision)",
  equivalents: { squawk: "changing-column-type", strongMigrations: "change_column", atlas: "PG301" },
  statement(statement, scope) {
    if (statement.kind !== "alterColumnType" || !scope.isExisting(statement.table)) return undefined;
    const column = `${tableLabel(statement.table)}.${statement.column}`;
    const before = scope.columnType(statement.table, statement.column);
    if (statement.using)
      return { line: statement.line, message: `changing ${column} to ${statement.type} with USING rewrites the table under an ACCESS EXCLUSIVE lock` };
    if (before === undefined) {
      return {
        line: statement.line,
        message: `changing ${column} to ${statement.type} rewrites the table under an ACCESS EXCLUSIVE lock unless the old type only widens to it (offline the old type is not known)`,
      };
    }
    if (keepsTable(before, statement.type)) return undefined;
    return { line: statement.line, message: `changing ${column} from ${before} to ${statement.type} rewrites the table under an ACCESS EXCLUSIVE lock` };
  },
};
