// The lint run: every rule over the revisions of a range, in plan order, with one scope
// for the whole range (a table created by an earlier revision of the range is new), the
// rules a revision's comments or the configuration turn off left out, and unknown rule
// ids in a comment reported. Pure: the caller reads the files and collects operations.
import { errors } from "../error-factories.js";
import type { DisableDirective } from "./disable-comments.js";
import { docsLink, type LintRule, type RevisionUnderLint, type RuleHit, type Severity } from "./rule.js";
import { lintRules } from "./rules/index.js";
import { Scope } from "./scope.js";

export interface LintInput extends RevisionUnderLint {
  readonly disableComments: readonly DisableDirective[];
}

export interface LintFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly revision: string;
  readonly path: string;
  readonly line: number;
  readonly message: string;
  readonly fix: string;
  readonly docs: string;
}

export interface LintOptions {
  /** Rule ids turned off for every revision (athanor.config.ts `lint.disable`). */
  readonly disable?: readonly string[];
  /** The file `disable` comes from, named when an id in it is unknown. */
  readonly configFile?: string;
}

/** The id a disable comment naming no known rule is reported under. */
export const UNKNOWN_RULE = "unknown-lint-rule";

const ruleIds = (): string[] => lintRules.map((rule) => rule.id);

/**
 * Lints revisions given in the order they would run.
 *
 * ### Examples
 * ```ts
 * const findings = lintRevisions([{ revision: "0002", path: "versions/0002.sql", format: "sql", transactional: true,
 *   lockTimeout: true, statements: classifySql("CREATE INDEX ix ON users (email)", { line: 5, statement: 0 }), disableComments: [] }]);
 * findings[0]?.rule; // "require-concurrent-index"
 * ```
 */
export function lintRevisions(revisions: readonly LintInput[], options: LintOptions = {}): LintFinding[] {
  const known = new Set(ruleIds());
  const configured = options.disable ?? [];
  const unknownConfigured = configured.filter((id) => !known.has(id));
  if (unknownConfigured.length > 0) {
    const where = options.configFile === undefined ? "" : `${options.configFile}: `;
    throw errors.configInvalid(`${where}lint.disable names no lint rule: ${unknownConfigured.join(", ")}`, {
      hint: `the rules are ${ruleIds().join(", ")}`,
      details: { unknown: unknownConfigured, ...(options.configFile === undefined ? {} : { file: options.configFile }) },
    });
  }
  const scope = new Scope();
  const findings: LintFinding[] = [];
  for (const revision of revisions) {
    const own: LintFinding[] = [];
    const disabled = new Set(configured);
    for (const directive of revision.disableComments) {
      for (const id of directive.ids) if (known.has(id)) disabled.add(id);
      own.push(...unknownIds(directive, revision));
    }
    const active = lintRules.filter((rule) => !disabled.has(rule.id));
    const report = (rule: LintRule, hit: RuleHit | undefined) => {
      if (hit !== undefined) own.push(finding(rule, revision, hit));
    };
    for (const statement of revision.statements) {
      for (const rule of active) report(rule, rule.statement?.(statement, scope, revision));
      scope.record(statement);
    }
    for (const rule of active) report(rule, rule.revision?.(revision, scope));
    // In file order: the revision-wide rules are asked last but point at a statement.
    findings.push(...own.sort((a, b) => a.line - b.line));
  }
  return findings;
}

function finding(rule: LintRule, revision: RevisionUnderLint, hit: RuleHit): LintFinding {
  return {
    rule: rule.id,
    severity: rule.severity,
    revision: revision.revision,
    path: revision.path,
    line: hit.line,
    message: hit.message,
    fix: rule.fix,
    docs: docsLink(rule.id),
  };
}

function unknownIds(directive: DisableDirective, revision: RevisionUnderLint): LintFinding[] {
  const known = ruleIds();
  const base = {
    rule: UNKNOWN_RULE,
    severity: "error" as const,
    revision: revision.revision,
    path: revision.path,
    line: directive.line,
    fix: `name one of: ${known.join(", ")}`,
    docs: docsLink(UNKNOWN_RULE),
  };
  if (directive.ids.length === 0) return [{ ...base, message: "athanor-lint-disable names no rule" }];
  return directive.ids.filter((id) => !known.includes(id)).map((id) => ({ ...base, message: `athanor-lint-disable names an unknown rule '${id}'` }));
}
