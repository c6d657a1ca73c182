// ADD COLUMN rewrites the table when each row needs its own value: a volatile default,
// a serial or identity column, a stored generated column.
import { tableLabel } from "../lint-statement.js";
import type { LintRule } from "../rule.js";
import { defaultVolatility, isSerialType } from "./default-volatility.js";

export const noVolatileDefault: LintRule = {
  id: "no-volatile-default",
  severity: "error",
  title: "ADD COLUMN on an existing table with a volatile default (or serial, identity, stored generated)",
  why: "a volatile default (gen_random_uuid(), clock_timestamp(), nextval()) is computed for every row, so the table is rewritten under an ACCESS EXCLUSIVE lock; a constant or now() is stored once and costs nothing (PostgreSQL 11+)",
  fix: "add the column without the default (or with a constant one), then SET DEFAULT for new rows, and backfill existing rows in batches from a later revision or a job",
  equivalents: {
    squawk: "adding-field-with-default, adding-serial-primary-key-field",
    strongMigrations: "add_column_default_callable, add_column_auto_incrementing, add_column_generated_stored",
    atlas: "PG302, PG309, PG310",
  },
  statement(statement, scope) {
    if (statement.kind !== "addColumn" || !scope.isExisting(statement.table)) return undefined;
    const column = `${tableLabel(statement.table)}.${statement.column}`;
    const rewrites = (what: string) => ({ line: statement.line, message: `adding ${column} ${what} rewrites the table under an ACCESS EXCLUSIVE lock` });
    if (isSerialType(statement.type)) return rewrites(`as ${statement.type} (a nextval() default)`);
    if (statement.identity) return rewrites("as an identity column");
    if (statement.stored) return rewrites("as a stored generated column");
    if (statement.default === undefined) return undefined;
    const volatility = defaultVolatility(statement.default);
    if (volatility.kind === "volatile") return rewrites(`with the volatile default ${statement.default}`);
    if (volatility.kind === "unknown") {
      return {
        line: statement.line,
        message: `adding ${column} with the default ${statement.default} rewrites the table if ${volatility.call}() is VOLATILE (the default for a function; offline athanor cannot tell)`,
      };
    }
    return undefined;
  },
};
