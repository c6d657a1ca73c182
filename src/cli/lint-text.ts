// How lint findings read, for `lint` and `check --lint`: `file:line  rule-id  message`
// and the safe recipe under it.
import type { LintFinding } from "../lint/lint.js";
import { paint } from "./terminal.js";

export function findingLines(finding: LintFinding, colour: boolean): string[] {
  const rule = paint(colour, finding.severity === "error" ? "red" : "yellow", finding.rule);
  return [`${finding.path}:${finding.line}  ${rule}  ${finding.message}`, `  ${paint(colour, "cyan", "fix:")} ${finding.fix}`];
}

/** `2 findings (1 error, 1 warning) in 3 revisions`. */
export function findingsSummary(findings: readonly LintFinding[], revisions: number): string {
  const of = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const where = of(revisions, "revision");
  if (findings.length === 0) return `No findings in ${where}.`;
  const errors = findings.filter((f) => f.severity === "error").length;
  return `${of(findings.length, "finding")} (${of(errors, "error")}, ${of(findings.length - errors, "warning")}) in ${where}`;
}
