// DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table; CONCURRENTLY waits for
// the queries using the index instead of blocking the table.
import type { LintRule } from "../rule.js";

export const requireConcurrentIndexDrop: LintRule = {
  id: "require-concurrent-index-drop",
  severity: "error",
  title: "DROP INDEX without CONCURRENTLY on an index the linted range did not create",
  why: "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: while it waits for running queries, every new read and write of the table queues behind it",
  fix: "DROP INDEX CONCURRENTLY in a revision with `transactional = false` (TS: `dropIndex(name, { concurrently: true })`)",
  equivalents: { squawk: "require-concurrent-index-deletion", strongMigrations: null, atlas: "PG102" },
  statement(statement, scope) {
    if (statement.kind !== "dropIndex" || statement.concurrently || !scope.isExistingIndex(statement.name)) return undefined;
    return { line: statement.line, message: `dropping index ${statement.name} without CONCURRENTLY locks its table against reads and writes` };
  },
};
