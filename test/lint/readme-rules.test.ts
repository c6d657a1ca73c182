// The README's rule table is the rules' own data: each rule has its anchor (the docs
// link of its findings), and its row says its why, fix and the matching rules of
// squawk, strong_migrations and Atlas as the rule declares them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { docsLink } from "../../src/lint/rule.js";
import { lintRules } from "../../src/lint/rules/index.js";
import { UNKNOWN_RULE } from "../../src/lint/lint.js";

const readme = readFileSync(path.join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const cell = (text: string | null) => (text === null ? "—" : text.replace(/\|/g, "\\|"));

for (const rule of lintRules) {
  test(`README documents ${rule.id} as the rule declares it`, () => {
    const anchor = `<a id="${docsLink(rule.id).split("#")[1]}"></a>`;
    const row = readme.split("\n").find((line) => line.includes(anchor));
    assert.ok(row, `no table row with ${anchor}`);
    for (const text of [rule.title, rule.why, rule.fix, rule.equivalents.squawk, rule.equivalents.strongMigrations, rule.equivalents.atlas]) {
      assert.ok(row.includes(` ${cell(text)} |`), `${rule.id}: the row lacks ${JSON.stringify(text)}`);
    }
  });
}

test("README has the anchor unknown-lint-rule findings link to", () => {
  assert.ok(readme.includes(`<a id="${docsLink(UNKNOWN_RULE).split("#")[1]}"></a>`));
});
