// CREATE INDEX CONCURRENTLY (and VACUUM, REINDEX … CONCURRENTLY, …) cannot run inside a
// transaction block: in a transactional revision the upgrade fails when it reaches it.
import type { LintRule } from "../rule.js";

export const noConcurrentlyInTransaction: LintRule = {
  id: "no-concurrently-in-transaction",
  severity: "error",
  title: "a statement PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM, …) in a transactional revision",
  why: 'PostgreSQL refuses it ("cannot run inside a transaction block"): the upgrade fails when it reaches the statement, after the ones before it were sent',
  fix: "mark the revision non-transactional (`export const transactional = false`, SQL header `-- transactional: false`) and keep it to that one statement, or in TS wrap it in `await op.autocommitBlock(async () => { … })`",
  equivalents: { squawk: "ban-concurrent-index-creation-in-transaction", strongMigrations: "(disable_ddl_transaction!, not a check)", atlas: "PG103" },
  statement(statement, _scope, revision) {
    if (!revision.transactional || statement.refusesTransaction !== true || statement.autocommit === true) return undefined;
    return {
      line: statement.line,
      message: `this statement cannot run inside a transaction block, and revision ${revision.revision} runs in one: the upgrade fails when it gets here`,
    };
  },
};
