// A revision turns rules off for itself with a comment naming them (TS `//`, SQL `--`);
// an unknown id in the comment is a finding of its own; the configuration turns rules
// off everywhere. A range is one scope: a table an earlier revision of it created is new.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { disableDirectives } from "../../src/lint/disable-comments.js";
import { LintProject } from "./lint-project.js";

const projects: LintProject[] = [];
const project = () => {
  const p = new LintProject();
  projects.push(p);
  return p;
};
after(() => {
  for (const p of projects) p.remove();
});

for (const format of ["ts", "sql"] as const) {
  const drop =
    format === "ts"
      ? ['await op.dropColumn("users", "legacy");', 'await op.renameTable("orders", "purchases");']
      : ["ALTER TABLE users DROP COLUMN legacy", "ALTER TABLE orders RENAME TO purchases"];

  test(`${format.toUpperCase()}: a disable comment turns the named rules off for its revision only`, async () => {
    const p = project();
    p.add(format, { body: drop, comments: ["athanor-lint-disable no-drop-column, no-rename-table -- the code stopped using them in 0041"] });
    const second = p.add(format, { body: drop });
    const findings = await p.lint();
    assert.deepEqual(
      findings.map((f) => [f.path, f.rule]),
      [
        [second.path, "no-drop-column"],
        [second.path, "no-rename-table"],
      ],
    );
  });

  test(`${format.toUpperCase()}: an unknown rule id in the comment is reported at the comment's line, the known ones still apply`, async () => {
    const p = project();
    const written = p.add(format, { body: drop, comments: ["athanor-lint-disable no-drop-column no-such-rule"] });
    const findings = await p.lint();
    assert.deepEqual(
      findings.map((f) => f.rule),
      ["unknown-lint-rule", "no-rename-table"],
    );
    const unknown = findings[0]!;
    // The comment sits above `-- +upgrade` (SQL), or above a blank line and `upgrade` (TS).
    assert.equal(unknown.line, written.lines[0]! - (format === "sql" ? 2 : 3));
    assert.match(unknown.message, /unknown rule 'no-such-rule'/);
    assert.match(unknown.fix, /require-concurrent-index/);
  });
}

test("a disable directive in a SQL string is no comment", () => {
  assert.deepEqual(disableDirectives("SELECT '-- athanor-lint-disable no-drop-table';\n-- athanor-lint-disable no-drop-column\n", "sql"), [
    { line: 2, ids: ["no-drop-column"] },
  ]);
  assert.deepEqual(disableDirectives("/* athanor-lint-disable no-drop-table */ SELECT 1;", "sql"), [{ line: 1, ids: ["no-drop-table"] }]);
});

test("lint.disable in the configuration turns a rule off for every revision; an unknown id there is a config error", async () => {
  const p = project();
  p.add("sql", { body: ["ALTER TABLE users DROP COLUMN legacy"] });
  assert.deepEqual(await p.lint("base:head", { disable: ["no-drop-column"] }), []);
  await assert.rejects(p.lint("base:head", { disable: ["no-drop-colum"] }), (error: Error & { code?: string }) => {
    assert.equal(error.code, "CONFIG_INVALID");
    assert.match(error.message, /lint\.disable names no lint rule: no-drop-colum/);
    return true;
  });
});

test("lockTimeout in the configuration satisfies require-lock-timeout", async () => {
  const p = project();
  p.add("sql", { lockTimeout: false, body: ["ALTER TABLE users ADD COLUMN bio text"] });
  assert.deepEqual(
    (await p.lint()).map((f) => f.rule),
    ["require-lock-timeout"],
  );
  assert.deepEqual(await p.lint("base:head", { lockTimeout: 2000 }), []);
});

test("a range is one scope: a table created by an earlier revision of it is new, linted alone it exists", async () => {
  const p = project();
  p.add("ts", { body: ['await op.createTable("accounts", { columns: [{ name: "id", type: "bigint" }, { name: "email", type: "text" }] });'] });
  p.add("sql", { body: ["CREATE INDEX ix_accounts_email ON accounts (email)"] });
  assert.deepEqual(await p.lint("base:head"), []);
  assert.deepEqual(
    (await p.lint("0001:head")).map((f) => f.rule),
    ["require-concurrent-index"],
  );
  assert.deepEqual(
    (await p.lint("0002")).map((f) => f.rule),
    ["require-concurrent-index"],
  );
});

test("a TS revision that queries the database is refused as `sql` refuses it, naming the file; one that checks op.offline lints", async () => {
  const p = project();
  const written = p.add("ts", { body: ['const rows = await op.query("SELECT 1");', 'await op.dropColumn("users", String(rows.length));'] });
  await assert.rejects(p.lint(), (error: Error & { code?: string; hint?: string }) => {
    assert.equal(error.code, "OFFLINE_UNSUPPORTED");
    assert.match(error.message, new RegExp(`revision 0001 \\(${written.path}\\): op.query\\(\\) cannot run in offline`));
    assert.match(error.hint ?? "", /op\.offline/);
    return true;
  });
  const guarded = project();
  guarded.add("ts", { body: ['if (!op.offline) await op.query("SELECT 1");', 'await op.dropColumn("users", "legacy");'] });
  assert.deepEqual(
    (await guarded.lint()).map((f) => f.rule),
    ["no-drop-column"],
  );
});

test("an autocommit block in a transactional TS revision with other statements is half-applied on failure too", async () => {
  const p = project();
  const written = p.add("ts", {
    body: [
      'await op.addColumn("users", { name: "bio", type: "text" });',
      "await op.autocommitBlock(async () => {",
      '  await op.createIndex("ix_users_bio", "users", ["bio"], { concurrently: true });',
      "});",
    ],
  });
  const findings = await p.lint();
  assert.deepEqual(
    findings.map((f) => [f.rule, f.line]),
    [["non-transactional-single-statement", written.lines[2]]],
  );
  assert.match(findings[0]!.message, /commits part of its work in an autocommit block and has 2 statements/);
});
