// CREATE INDEX without CONCURRENTLY blocks every write to the table while the index is
// built; so does ADD UNIQUE / PRIMARY KEY, which builds one under an ACCESS EXCLUSIVE lock.
import { tableLabel } from "../lint-statement.js";
import type { LintRule } from "../rule.js";

export const requireConcurrentIndex: LintRule = {
  id: "require-concurrent-index",
  severity: "error",
  title: "CREATE INDEX without CONCURRENTLY (or ADD UNIQUE/PRIMARY KEY building one) on an existing table",
  why: "the build holds a SHARE lock (ACCESS EXCLUSIVE for a constraint) for as long as it reads the whole table: every INSERT, UPDATE and DELETE waits",
  fix: "CREATE INDEX CONCURRENTLY in a revision with `transactional = false` (TS: `createIndex(…, { concurrently: true })`); for UNIQUE/PRIMARY KEY, build the unique index concurrently first, then `ADD CONSTRAINT … UNIQUE USING INDEX …`",
  equivalents: {
    squawk: "require-concurrent-index-creation, disallowed-unique-constraint",
    strongMigrations: "add_index, add_unique_constraint",
    atlas: "PG101, PG104, PG105",
  },
  statement(statement, scope) {
    if (statement.kind === "createIndex" && !statement.concurrently && scope.isExisting(statement.table)) {
      const name = statement.name === undefined ? "an index" : `index ${statement.name}`;
      return {
        line: statement.line,
        message: `creating ${name} on ${tableLabel(statement.table)} without CONCURRENTLY blocks writes to the table while it is built`,
      };
    }
    if (
      statement.kind === "addConstraint" &&
      (statement.constraint === "unique" || statement.constraint === "primaryKey") &&
      !statement.usingIndex &&
      scope.isExisting(statement.table)
    ) {
      const what = statement.constraint === "unique" ? "a UNIQUE constraint" : "a PRIMARY KEY";
      return {
        line: statement.line,
        message: `adding ${what} to ${tableLabel(statement.table)} builds its index under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
      };
    }
    return undefined;
  },
};
