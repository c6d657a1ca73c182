// The lint's public face: rules as data, the neutral statements, and the run.
export { classifySql } from "./classify-sql.js";
export { disableDirectives, type DisableDirective } from "./disable-comments.js";
export { fromOperations, type LocatedOperation } from "./from-operations.js";
export { lintRevisions, UNKNOWN_RULE, type LintFinding, type LintInput, type LintOptions } from "./lint.js";
export type { LintStatement, TableName } from "./lint-statement.js";
export { docsLink, type LintRule, type RevisionUnderLint, type Severity } from "./rule.js";
export { lintRules } from "./rules/index.js";
