// ADD FOREIGN KEY / CHECK checks every existing row while holding its lock. NOT VALID
// adds the constraint at once (new rows are checked); VALIDATE CONSTRAINT, run later in
// its own transaction, reads the table under a lock that lets writes go on.
import { tableLabel } from "../lint-statement.js";
import type { LintRule } from "../rule.js";

export const requireNotValidConstraint: LintRule = {
  id: "require-not-valid-constraint",
  severity: "error",
  title: "ADD FOREIGN KEY or CHECK on an existing table without NOT VALID, or validated in the same transaction",
  why: "adding the constraint scans the whole table under a lock that blocks writes (a foreign key also locks the referenced table); with VALIDATE in the same transaction the ADD's lock is still held while it scans",
  fix: "add it NOT VALID (TS: `notValid: true`), then VALIDATE CONSTRAINT in a later revision (TS: `validateConstraint`), which lets reads and writes go on",
  equivalents: {
    squawk: "adding-foreign-key-constraint, constraint-missing-not-valid",
    strongMigrations: "add_foreign_key, add_check_constraint, validate_foreign_key, validate_check_constraint",
    atlas: "PG305, PG306",
  },
  statement(statement, scope, revision) {
    if (statement.kind !== "addConstraint" || (statement.constraint !== "foreignKey" && statement.constraint !== "check")) return undefined;
    if (!scope.isExisting(statement.table)) return undefined;
    const what = statement.constraint === "foreignKey" ? "a FOREIGN KEY" : "a CHECK constraint";
    const table = tableLabel(statement.table);
    if (!statement.notValid) {
      return { line: statement.line, message: `adding ${what} to ${table} without NOT VALID checks every row while writes wait` };
    }
    // NOT VALID, then VALIDATE in the same transaction: the ADD's lock is still held.
    const name = statement.name;
    const validate =
      revision.transactional && name !== undefined
        ? revision.statements.find((s) => s.kind === "validateConstraint" && s.name === name && s.statement > statement.statement)
        : undefined;
    if (validate === undefined) return undefined;
    return {
      line: validate.line,
      message: `${name} is added NOT VALID and validated in the same transaction, so the ADD's lock on ${table} is held while VALIDATE scans it`,
    };
  },
};
