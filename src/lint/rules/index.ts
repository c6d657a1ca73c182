// Every lint rule, in the order the README lists them.
import type { LintRule } from "../rule.js";
import { noConcurrentlyInTransaction } from "./no-concurrently-in-transaction.js";
import { noRequiredColumn } from "./no-required-column.js";
import { requireConcurrentIndexDrop } from "./require-concurrent-index-drop.js";
import { nonTransactionalSingleStatement } from "./non-transactional-single-statement.js";
import { noDropColumn, noDropTable, noRenameColumn, noRenameTable } from "./no-drop-or-rename.js";
import { noRewritingTypeChange } from "./no-rewriting-type-change.js";
import { noVolatileDefault } from "./no-volatile-default.js";
import { requireCheckBeforeNotNull } from "./require-check-before-not-null.js";
import { requireConcurrentIndex } from "./require-concurrent-index.js";
import { requireLockTimeout } from "./require-lock-timeout.js";
import { requireNotValidConstraint } from "./require-not-valid-constraint.js";

export const lintRules: readonly LintRule[] = [
  requireConcurrentIndex,
  requireConcurrentIndexDrop,
  requireNotValidConstraint,
  requireCheckBeforeNotNull,
  noRewritingTypeChange,
  noVolatileDefault,
  noRequiredColumn,
  noDropColumn,
  noDropTable,
  noRenameColumn,
  noRenameTable,
  requireLockTimeout,
  nonTransactionalSingleStatement,
  noConcurrentlyInTransaction,
];
