// Every lint rule, on a revision it must flag and on the safe recipe it recommends,
// written both as a TypeScript revision (operations) and as a SQL revision (statements).
// A flagged revision names the rule at the statement's line; a safe one has no finding
// at all. `users`, `orders` and `legacy` are existing tables: no revision creates them.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { lintRules } from "../../src/lint/rules/index.js";
import { LintProject } from "./lint-project.js";
import { cases, type Side } from "./rule-cases.js";

const projects: LintProject[] = [];
after(() => {
  for (const project of projects) project.remove();
});

async function lintSide(format: "ts" | "sql", side: Side) {
  const project = new LintProject();
  projects.push(project);
  for (const revision of side.before ?? []) project.add(format, revision);
  const written = project.add(format, side.revision);
  return { written, findings: await project.lint() };
}

test("every rule has a flagged and a safe case", () => {
  assert.deepEqual(cases.map((c) => c.rule).sort(), lintRules.map((r) => r.id).sort());
});

for (const ruleCase of cases) {
  describe(ruleCase.rule, () => {
    for (const format of ["ts", "sql"] as const) {
      test(`flags the ${format.toUpperCase()} revision at the statement's line, with the fix`, async () => {
        const side = ruleCase.flagged[format];
        const { written, findings } = await lintSide(format, side);
        const found = findings.filter((f) => f.rule === ruleCase.rule);
        assert.equal(found.length, 1, JSON.stringify(findings, null, 2));
        const finding = found[0]!;
        assert.equal(finding.path, written.path);
        assert.equal(finding.line, written.lines[side.at ?? 0]);
        assert.equal(finding.fix, lintRules.find((r) => r.id === ruleCase.rule)!.fix);
        assert.equal(finding.docs, `README.md#lint-${ruleCase.rule}`);
      });
      test(`passes the safe ${format.toUpperCase()} revision with no finding at all`, async () => {
        const { findings } = await lintSide(format, ruleCase.safe[format]);
        assert.deepEqual(findings, []);
      });
    }
  });
}
