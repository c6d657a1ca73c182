// A revision marked non-transactional runs each statement in autocommit; so does a TS
// revision's op.autocommitBlock, after committing what came before it. When a later
// statement fails, the earlier ones stay applied and the revision is not recorded:
// running it again fails on what is already there.
import type { LintRule } from "../rule.js";

export const nonTransactionalSingleStatement: LintRule = {
  id: "non-transactional-single-statement",
  severity: "warning",
  title: "a revision with several statements that runs outside a transaction (non-transactional, or with an autocommit block)",
  why: "statements run one by one in autocommit: a failure half-way leaves the first ones applied and the revision unrecorded, so neither running it again nor downgrading works without fixing the database by hand",
  fix: "give each non-transactional statement (CREATE INDEX CONCURRENTLY, …) a revision of its own, or make every statement safe to run again (IF NOT EXISTS)",
  equivalents: { squawk: null, strongMigrations: null, atlas: null },
  revision(revision) {
    const autocommitBlock = revision.statements.some((s) => s.autocommit === true);
    if (revision.transactional && !autocommitBlock) return undefined;
    // SET … only changes the session: running it twice is harmless.
    const counted = revision.statements.filter((s) => s.kind !== "setLockTimeout" && !(s.kind === "other" && s.session === true));
    const first = counted[0];
    const second = counted.find((s) => s.statement !== first?.statement);
    if (second === undefined) return undefined;
    const count = new Set(counted.map((s) => s.statement)).size;
    const how = revision.transactional ? "commits part of its work in an autocommit block" : "runs outside a transaction";
    return { line: second.line, message: `revision ${revision.revision} ${how} and has ${count} statements: a failure after the first leaves it half-applied` };
  },
};
