// DDL waits for its lock behind any long transaction, and while it waits every query
// on the table queues behind it: a one-millisecond ALTER can stop the application for
// minutes. lock_timeout makes it give up (and the revision fail) instead.
import type { LintStatement } from "../lint-statement.js";
import type { LintRule } from "../rule.js";
import type { Scope } from "../scope.js";

/** A statement that takes a lock the application's queries would queue behind. */
function locksExisting(statement: LintStatement, scope: Scope): boolean {
  switch (statement.kind) {
    case "createTable":
    case "setLockTimeout":
      return false;
    case "other":
      return statement.locks && scope.isExisting(statement.table);
    case "createIndex":
      return !statement.concurrently && scope.isExisting(statement.table);
    case "dropIndex":
      return !statement.concurrently && scope.isExistingIndex(statement.name);
    default:
      return scope.isExisting(statement.table);
  }
}

export const requireLockTimeout: LintRule = {
  id: "require-lock-timeout",
  severity: "warning",
  title: "DDL on an existing table in a revision without lock_timeout",
  why: "the statement waits for its lock behind any long-running transaction, and every query on the table queues behind it meanwhile: the application stalls until the lock is granted",
  fix: "set a lock timeout: `export const lockTimeout = \"2s\"` (SQL header `-- lock_timeout: 2s`), `lockTimeout` in athanor.config.ts, or `SET lock_timeout = '2s'` before the DDL; retry the deploy when it times out",
  equivalents: { squawk: "require-timeout-settings", strongMigrations: "(lock_timeout setting, not a check)", atlas: null },
  revision(revision, scope) {
    if (revision.lockTimeout) return undefined;
    // The scope is the one after the revision: tables it created itself are new by then.
    for (const statement of revision.statements) {
      if (statement.kind === "setLockTimeout") return undefined;
      if (locksExisting(statement, scope)) {
        return {
          line: statement.line,
          message: `revision ${revision.revision} changes an existing table without lock_timeout: waiting for the lock, it blocks every query on the table`,
        };
      }
    }
    return undefined;
  },
};
