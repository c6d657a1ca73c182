// What a lint rule is: data (id, severity, the why and the safe recipe, the matching
// rule of squawk, strong_migrations and Atlas) plus a check over the neutral statements.
// The runner (lint.ts) walks the statements in order and asks each rule about each one
// with the scope as it stands before it, then once more at the end of each revision.
import type { LintStatement } from "./lint-statement.js";
import type { Scope } from "./scope.js";

export type Severity = "error" | "warning";

/** One revision as the rules see it. */
export interface RevisionUnderLint {
  readonly revision: string;
  /** The file, as shown to users. */
  readonly path: string;
  readonly format: "ts" | "sql";
  /** false: the revision runs outside a transaction (autocommit). */
  readonly transactional: boolean;
  /** lock_timeout is set for it by its metadata or by the configuration. */
  readonly lockTimeout: boolean;
  readonly statements: readonly LintStatement[];
}

export interface RuleHit {
  readonly line: number;
  readonly message: string;
}

export interface LintRule {
  /** kebab-case, what a disable comment names. */
  readonly id: string;
  readonly severity: Severity;
  /** What it flags, in a few words (README's table). */
  readonly title: string;
  /** Why it hurts a running application. */
  readonly why: string;
  /** The safe way to get the same change. */
  readonly fix: string;
  /** The nearest rule of the tools this lint follows; null: they have none. */
  readonly equivalents: { readonly squawk: string | null; readonly strongMigrations: string | null; readonly atlas: string | null };
  /** Called for each statement, in order, with the scope before it. */
  statement?(statement: LintStatement, scope: Scope, revision: RevisionUnderLint): RuleHit | undefined;
  /** Called once per revision, after its statements. */
  revision?(revision: RevisionUnderLint, scope: Scope): RuleHit | undefined;
}

/** The README section each rule's docs link points at. */
export function docsLink(id: string): string {
  return `README.md#lint-${id}`;
}
