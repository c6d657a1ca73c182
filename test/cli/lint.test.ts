// `athanor lint` as a user runs it: findings as `file:line  rule  message` with the fix
// under each, exit 1 with findings and 0 without, --json in the published shape, the
// default (heads), a range and one revision, the config's lint.disable, no database
// opened; and `check --lint` failing on the pending revisions of a real database.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { runInProcess } from "../helpers/in-process-cli.js";
import { validate } from "../helpers/json-schema-subset.js";
import { createProject, engines, repoRoot, shown, type TempProject } from "./run-cli.js";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "cli-output.schema.json"), "utf8")) as Record<string, unknown>;
const conforms = (def: string, value: unknown) => assert.deepEqual(validate(schema, { $ref: `#/$defs/${def}` }, value), [], JSON.stringify(value, null, 2));

function sqlRevision(id: string, down: string | null, statements: string[], header: string[] = []): string {
  return [
    `-- revision: ${id}`,
    `-- down_revision: ${down ?? "none"}`,
    `-- message: r${id}`,
    "-- lock_timeout: 2s",
    ...header,
    "-- +upgrade",
    ...statements.map((s) => `${s};`),
    "-- +downgrade",
    "",
  ].join("\n");
}

// 0001 creates users; 0002 indexes it without CONCURRENTLY (line 6); 0003 is safe.
function project(): TempProject {
  const p = createProject();
  p.write("versions/0001_users.sql", sqlRevision("0001", null, ["CREATE TABLE users (id bigint PRIMARY KEY, email text)"]));
  p.write("versions/0002_index.sql", sqlRevision("0002", "0001", ["CREATE INDEX ix_users_email ON users (email)"]));
  p.write(
    "versions/0003_note.ts",
    `import type { Operations } from "athanor";

export const revision = "0003";
export const downRevision = "0002";
export const message = "note";
export const lockTimeout = "2s";

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn("users", { name: "note", type: "text" });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropColumn("users", "note");
}
`,
  );
  return p;
}

const projects: TempProject[] = [];
after(() => {
  for (const p of projects) p.remove();
});
function fresh(): TempProject {
  const p = project();
  projects.push(p);
  return p;
}
const lint = (p: TempProject, args: string[], env: Record<string, string | undefined> = {}) => runInProcess(["lint", ...args], { cwd: p.dir, env });

test("findings print as file:line  rule  message with the fix under each, and exit 1", async () => {
  const p = fresh();
  const result = await lint(p, ["0002"]);
  assert.equal(result.code, 1, shown(result));
  assert.deepEqual(result.stdout.split("\n"), [
    "versions/0002_index.sql:6  require-concurrent-index  creating index ix_users_email on users without CONCURRENTLY blocks writes to the table while it is built",
    result.stdout.split("\n")[1],
    "1 finding (1 error, 0 warnings) in 1 revision",
    "",
  ]);
  assert.match(result.stdout.split("\n")[1]!, /^ {2}fix: CREATE INDEX CONCURRENTLY /);
  assert.doesNotMatch(result.stdout, /\u001b\[/, "no colour off a terminal");
});

test("colour only where asked for: the rule id is painted with FORCE_COLOR, never with NO_COLOR", async () => {
  const p = fresh();
  const painted = await lint(p, ["0002"], { NO_COLOR: undefined, FORCE_COLOR: "1" });
  assert.equal(painted.code, 1, shown(painted));
  assert.match(painted.stdout, /\u001b\[31mrequire-concurrent-index\u001b\[39m/);
  const plain = await lint(p, ["0002"], { FORCE_COLOR: "1", NO_COLOR: "1" });
  assert.doesNotMatch(plain.stdout, /\u001b\[/);
});

test("no argument lints the head only; base:head the range, where 0001 created the table", async () => {
  const p = fresh();
  const head = await lint(p, []);
  assert.equal(head.code, 0, shown(head));
  assert.equal(head.stdout, "No findings in 1 revision.\n");
  const all = await lint(p, ["base:head"]);
  assert.equal(all.code, 0, shown(all));
  assert.equal(all.stdout, "No findings in 3 revisions.\n");
  const after1 = await lint(p, ["0001:head", "--json"]);
  assert.equal(after1.code, 1, shown(after1));
  const parsed = JSON.parse(after1.stdout) as { ok: boolean; revisions: { revision: string }[]; findings: { rule: string; line: number }[] };
  conforms("lint", parsed);
  assert.equal(parsed.ok, false);
  assert.deepEqual(
    parsed.revisions.map((r) => r.revision),
    ["0002", "0003"],
  );
  assert.deepEqual(
    parsed.findings.map((f) => [f.rule, f.line]),
    [["require-concurrent-index", 6]],
  );
});

test("--json on a clean revision is ok: true with exit 0; an unknown revision is a JSON error with exit 2", async () => {
  const p = fresh();
  const clean = await lint(p, ["0003", "--json"]);
  assert.equal(clean.code, 0, shown(clean));
  const parsed = JSON.parse(clean.stdout) as unknown;
  conforms("lint", parsed);
  assert.deepEqual(parsed, { ok: true, revisions: [{ revision: "0003", path: "versions/0003_note.ts" }], findings: [] });
  const unknown = await lint(p, ["nosuch", "--json"]);
  assert.equal(unknown.code, 2, shown(unknown));
  conforms("error", JSON.parse(unknown.stdout));
});

test("lint.disable in athanor.config.ts turns a rule off; an unknown id there is a config error (exit 4)", async () => {
  const p = fresh();
  p.write("athanor.config.ts", 'export default { lint: { disable: ["require-concurrent-index"] } };\n');
  const off = await lint(p, ["0002"]);
  assert.equal(off.code, 0, shown(off));
  // Another project: this process has loaded the first config module already.
  const other = fresh();
  other.write("athanor.config.ts", 'export default { lint: { disable: ["require-concurrent-indexes"] } };\n');
  const bad = await lint(other, ["0002"]);
  assert.equal(bad.code, 4, shown(bad));
  assert.match(bad.stderr, /athanor\.config\.ts: lint\.disable names no lint rule: require-concurrent-indexes/);
});

test("lint opens no database: an unreachable DATABASE_URL is never dialled, and no embedded one is created", async () => {
  const p = fresh();
  const result = await lint(p, ["base:head"], { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/none" });
  assert.equal(result.code, 0, shown(result));
  assert.equal(p.exists(".athanor"), false);
  assert.doesNotMatch(result.stderr, /Database:|embedded/);
});

for (const engine of engines)
  test(`check --lint on ${engine.name} fails with the pending revisions' findings, and passes once they are applied`, async () => {
    const p = fresh();
    const db = await engine.open(p);
    const url = ["--url", db.url];
    try {
      assert.equal((await p.run(["upgrade", "0001", ...url])).code, 0);
      // The text and the plain check once, on PostgreSQL: each spawn opens PGlite anew (seconds).
      const full = engine === engines[0];
      if (full) {
        const text = await p.run(["check", "--lint", ...url]);
        assert.equal(text.code, 1, shown(text));
        assert.match(
          text.stdout,
          /- versions\/0002_index\.sql:6 {2}require-concurrent-index {2}creating index ix_users_email on users without CONCURRENTLY[^\n]*; fix: CREATE INDEX CONCURRENTLY/,
        );
      }
      const json = await p.run(["check", "--lint", "--json", ...url]);
      assert.equal(json.code, 1, shown(json));
      const parsed = JSON.parse(json.stdout) as { problems: { kind: string }[]; lint: { rule: string; revision: string }[] };
      conforms("check", parsed);
      assert.deepEqual(
        parsed.lint.map((f) => [f.revision, f.rule]),
        [["0002", "require-concurrent-index"]],
      );
      assert.deepEqual(
        parsed.problems.map((problem) => problem.kind),
        ["not-at-head", "lint"],
      );
      if (full) {
        // Without --lint the same database fails only for being behind.
        const plain = JSON.parse((await p.run(["check", "--json", ...url])).stdout) as { problems: { kind: string }[]; lint?: unknown };
        assert.deepEqual(
          plain.problems.map((problem) => problem.kind),
          ["not-at-head"],
        );
        assert.equal(plain.lint, undefined);
      }
      assert.equal((await p.run(["upgrade", ...url])).code, 0);
      const done = await p.run(["check", "--lint", ...url]);
      assert.equal(done.code, 0, shown(done));
    } finally {
      await db.drop();
    }
  });

test("with two heads no argument lints both; `head` is refused as ambiguous, naming the merge", async () => {
  const p = createProject();
  projects.push(p);
  p.write("versions/0001_users.sql", sqlRevision("0001", null, ["CREATE TABLE users (id bigint, email text, name text)"]));
  p.write("versions/0002_drop.sql", sqlRevision("0002", "0001", ["ALTER TABLE users DROP COLUMN name"]));
  p.write("versions/0003_index.sql", sqlRevision("0003", "0001", ["CREATE INDEX ix_users_email ON users (email)"]));
  const both = await lint(p, ["--json"]);
  assert.equal(both.code, 1, shown(both));
  const parsed = JSON.parse(both.stdout) as { revisions: { revision: string }[]; findings: { revision: string; rule: string }[] };
  assert.deepEqual(parsed.revisions.map((r) => r.revision).sort(), ["0002", "0003"]);
  assert.deepEqual(parsed.findings.map((f) => [f.revision, f.rule]).sort(), [
    ["0002", "no-drop-column"],
    ["0003", "require-concurrent-index"],
  ]);
  const head = await lint(p, ["head"]);
  assert.equal(head.code, 2, shown(head));
  assert.match(head.stderr, /merge/);
});
