// Every --json output conforms to the published schema (schemas/cli-output.schema.json),
// on both engines: the run commands, the read-only ones, and errors, which are JSON on
// stdout too when --json was asked for.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { validate } from "../helpers/json-schema-subset.js";
import { addRevision, createProject, engines, repoRoot, shown, type TempProject } from "./run-cli.js";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "cli-output.schema.json"), "utf8")) as Record<string, unknown>;

function conforms(def: string, output: string): Record<string, unknown> {
  const value = JSON.parse(output) as Record<string, unknown>;
  const problems = validate(schema, { $ref: `#/$defs/${def}` }, value);
  assert.deepEqual(problems, [], `${def}:\n${output}`);
  return value;
}

// 0001 ← 0002 ← 0003 and 0001 ← a101: a branch point for `branches`.
function branched(): TempProject {
  const p = createProject();
  addRevision(p, { id: "0001", down: null, message: "initial", up: ["CREATE TABLE users (id int PRIMARY KEY)"], downSql: ["DROP TABLE users"] });
  addRevision(p, {
    id: "0002",
    down: "0001",
    message: "add_email",
    up: ["ALTER TABLE users ADD COLUMN email text"],
    downSql: ["ALTER TABLE users DROP COLUMN email"],
  });
  addRevision(p, {
    id: "0003",
    down: "0002",
    message: "add_name",
    up: ["ALTER TABLE users ADD COLUMN name text"],
    downSql: ["ALTER TABLE users DROP COLUMN name"],
  });
  addRevision(p, { id: "a101", down: "0001", message: "audit", up: ["CREATE TABLE audit (id int)"], downSql: ["DROP TABLE audit"] });
  return p;
}

test("a --json error carries the details its code declares: the ids, the argument, the candidates", async () => {
  const p = branched();
  try {
    const prefix = await p.run(["show", "000", "--json"]);
    assert.equal(prefix.code, 2, shown(prefix));
    const ambiguous = conforms("error", prefix.stdout).error as Record<string, unknown>;
    assert.equal(ambiguous.code, "AMBIGUOUS_PREFIX");
    assert.deepEqual(ambiguous.details, { prefix: "000", candidates: ["0001", "0002", "0003"] });

    const branch = await p.run(["show", "nosuch@head", "--json"]);
    assert.equal(branch.code, 2, shown(branch));
    assert.deepEqual((conforms("error", branch.stdout).error as Record<string, unknown>).details, { branch: "nosuch" });

    // Refused before anything connects: the database named here does not exist.
    const range = await p.run(["upgrade", "0001:0003", "--json", "--url", "postgresql://nobody@127.0.0.1:1/none"]);
    assert.equal(range.code, 2, shown(range));
    const refusal = conforms("error", range.stdout).error as Record<string, unknown>;
    assert.equal(refusal.code, "BAD_REV_SPEC");
    assert.deepEqual(refusal.details, { range: "0001:0003" });
  } finally {
    p.remove();
  }
});

test("revision, merge and init print what they wrote as JSON", async () => {
  const p = createProject();
  try {
    const init = await p.run(["init", "--json"]);
    assert.equal(init.code, 0, shown(init));
    assert.ok((conforms("init", init.stdout).created as string[]).includes("athanor.config.ts"));
    const first = conforms("written", (await p.run(["revision", "-m", "first", "--rev-id", "0001", "--json"])).stdout);
    assert.equal(first.revision, "0001");
    assert.equal(p.exists(String(first.path)), true, "path is the project's file");
    conforms("written", (await p.run(["revision", "-m", "left", "--rev-id", "0002", "--json"])).stdout);
    conforms("written", (await p.run(["revision", "-m", "right", "--rev-id", "0003", "--head", "0001", "--splice", "--json"])).stdout);
    const merge = conforms("written", (await p.run(["merge", "-m", "join", "heads", "--rev-id", "0004", "--json"])).stdout);
    assert.equal(merge.revision, "0004");
    assert.match(p.read(String(merge.path)), /downRevision[^\n]*\["0002", "0003"\]|downRevision[^\n]*"0002"[^\n]*"0003"/);
  } finally {
    p.remove();
  }
});

for (const engine of engines) {
  describe(`--json on ${engine.name}`, () => {
    test("upgrade, downgrade, stamp and the read-only commands print the documented shapes", async () => {
      const p = branched();
      const db = await engine.open(p);
      const url = ["--url", db.url];
      const json = async (args: string[], def: string) => {
        const result = await p.run([...args, "--json"]);
        assert.equal(result.code, 0, shown(result));
        return conforms(def, result.stdout);
      };
      try {
        const up = await json(["upgrade", "heads", ...url], "run");
        assert.deepEqual(up.before, []);
        assert.deepEqual([...(up.after as string[])].sort(), ["0003", "a101"]);
        assert.deepEqual((up.steps as { revision: string }[]).map((s) => s.revision).sort(), ["0001", "0002", "0003", "a101"]);

        const down = await json(["downgrade", "0003-1", ...url], "run");
        assert.deepEqual(
          (down.steps as { direction: string; revision: string }[]).map((s) => [s.direction, s.revision]),
          [["downgrade", "0003"]],
        );
        assert.deepEqual(await db.versionRows(), ["0002", "a101"]);

        const stamp = await json(["stamp", "0003", ...url], "run");
        assert.deepEqual(stamp.steps, []);
        assert.deepEqual(await db.versionRows(), ["0003", "a101"]);

        await json(["current", ...url], "current");
        await json(["status", ...url], "status");
        await json(["heads"], "revisions");
        await json(["history"], "revisions");
        await json(["show", "0002"], "revisions");
        const branches = await json(["branches"], "branches");
        assert.deepEqual(branches, [{ revision: "0001", children: ["0002", "a101"] }]);
        const check = await p.run(["check", "--json", ...url]);
        conforms("check", check.stdout);
        // No models: generate refuses, as JSON.
        const generate = await p.run(["generate", "more", "--json", ...url]);
        assert.notEqual(generate.code, 0, shown(generate));
        conforms("error", generate.stdout);
      } finally {
        await db.drop();
        p.remove();
      }
    });

    test("a failure with --json is { error: { code, message, hint, details } } on stdout, with the exit code", async () => {
      const p = branched();
      const db = await engine.open(p);
      try {
        const unknown = await p.run(["upgrade", "nosuch", "--json", "--url", db.url]);
        assert.equal(unknown.code, 2, shown(unknown));
        const error = conforms("error", unknown.stdout).error as Record<string, unknown>;
        assert.equal(error.code, "REVISION_NOT_FOUND");
        assert.match(String(error.message), /nosuch/);
        assert.deepEqual(error.details, { revision: "nosuch" });
        assert.match(unknown.stderr, /^error: /m, "people still read stderr");

        const heads = await p.run(["upgrade", "head", "--json", "--url", db.url]);
        assert.equal(heads.code, 2, shown(heads));
        assert.equal((conforms("error", heads.stdout).error as { code: string }).code, "MULTIPLE_HEADS");

        const option = await p.run(["upgrade", "--bogus", "--json"]);
        assert.equal(option.code, 2, shown(option));
        assert.equal((conforms("error", option.stdout).error as { code: string }).code, "USAGE");

        const both = await p.run(["upgrade", "--sql", "--json"]);
        assert.equal(both.code, 2, shown(both));
        assert.match((conforms("error", both.stdout).error as { message: string }).message, /--json and --sql/);
        assert.deepEqual(await db.versionRows(), [], "nothing ran");
      } finally {
        await db.drop();
        p.remove();
      }
    });
  });
}
