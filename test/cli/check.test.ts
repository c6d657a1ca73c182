// `athanor check`, the CI gate, on a copy of the example project: passes at the head with
// matching models; fails (exit 1, a readable list, `--json` with ok: false) when the
// database is behind, when the heads are split, and when a model changed without a revision.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addRevision, createProject, engines, peopleWithMood, postgresEngine, shown, type CliResult } from "./run-cli.js";

interface CheckJson {
  ok: boolean;
  current: string[];
  heads: string[];
  modelsChecked: boolean;
  problems: { kind: string; message: string }[];
}

function parseCheck(result: CliResult): CheckJson {
  assert.equal(result.code, 1, shown(result));
  return JSON.parse(result.stdout) as CheckJson;
}

async function withExample(engine: typeof postgresEngine, body: (project: ReturnType<typeof createProject>, url: string[]) => Promise<void>): Promise<void> {
  const project = createProject({ example: true });
  const db = await engine.open(project);
  try {
    await body(project, ["--url", db.url]);
  } finally {
    await db.drop();
    project.remove();
  }
}

describe("check", { concurrency: true }, () => {
  test("passes after upgrade, in text and in JSON", async () => {
    await withExample(postgresEngine, async (project, url) => {
      assert.equal((await project.run(["upgrade", ...url])).code, 0);
      const text = await project.run(["check", ...url]);
      assert.equal(text.code, 0, shown(text));
      assert.match(text.stdout, /^OK: /);
      const json = await project.run(["check", "--json", ...url]);
      assert.equal(json.code, 0, shown(json));
      const parsed = JSON.parse(json.stdout) as CheckJson;
      assert.equal(parsed.ok, true);
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.modelsChecked, true);
      assert.deepEqual(parsed.current, ["0002"]);
    });
  });

  test("fails when the database is behind and says to upgrade", async () => {
    await withExample(postgresEngine, async (project, url) => {
      assert.equal((await project.run(["upgrade", "0001", ...url])).code, 0);
      const text = await project.run(["check", ...url]);
      assert.equal(text.code, 1, shown(text));
      assert.match(text.stdout, /^FAILED: 1 problem$/m);
      assert.match(text.stdout, /^- the database is at 0001, the head\(s\) are 0002; run `athanor upgrade`$/m);
      const json = parseCheck(await project.run(["check", "--json", ...url]));
      assert.equal(json.ok, false);
      assert.deepEqual(
        json.problems.map((p) => p.kind),
        ["not-at-head"],
      );
      assert.deepEqual(json.current, ["0001"]);
      // The pending 0002 is not a model change without a revision.
      assert.equal(json.modelsChecked, false);
    });
  });

  test("fails on an empty database, naming base", async () => {
    await withExample(postgresEngine, async (project, url) => {
      const text = await project.run(["check", ...url]);
      assert.equal(text.code, 1, shown(text));
      assert.match(text.stdout, /the database is at base \(no revision applied\)/);
    });
  });

  test("fails on two heads even when both are applied, naming the merge command", async () => {
    await withExample(postgresEngine, async (project, url) => {
      addRevision(project, { id: "0003", down: "0002", message: "feature_a", up: ["SELECT 1"], downSql: ["SELECT 1"] });
      addRevision(project, { id: "0004", down: "0002", message: "feature_b", up: ["SELECT 1"], downSql: ["SELECT 1"] });
      assert.equal((await project.run(["upgrade", "heads", ...url])).code, 0);
      const text = await project.run(["check", ...url]);
      assert.equal(text.code, 1, shown(text));
      assert.match(text.stdout, /^- several heads: 0003, 0004; join them with `athanor merge -m "merge_heads" heads`$/m);
      const json = parseCheck(await project.run(["check", "--json", ...url]));
      assert.equal(json.ok, false);
      assert.deepEqual(
        json.problems.map((p) => p.kind),
        ["multiple-heads"],
      );
      assert.deepEqual([...json.heads].sort(), ["0003", "0004"]);
    });
  });
});

for (const engine of engines) {
  test(`check on ${engine.name} fails when a model changed without a revision, listing the operation`, async () => {
    await withExample(engine, async (project, url) => {
      assert.equal((await project.run(["upgrade", ...url])).code, 0);
      const user = project.read("app/models/user.ts");
      project.write("app/models/user.ts", user.replace("newField: column.varchar(100),", "newField: column.varchar(100),\n  nickname: column.text(),"));
      const text = await project.run(["check", ...url]);
      assert.equal(text.code, 1, shown(text));
      assert.match(text.stdout, /^- the models differ from the revisions \(1 operation\); run `athanor generate "<message>"`$/m);
      assert.match(text.stdout, /^ {4}await op\.addColumn\("users", .*nickname/m);
      const json = parseCheck(await project.run(["check", "--json", ...url]));
      assert.equal(json.ok, false);
      assert.deepEqual(
        json.problems.map((p) => p.kind),
        ["models-differ"],
      );
    });
  });
}

for (const engine of engines) {
  test(`check on ${engine.name} reports a sequence only the database has as unmodelled, with an include rule that leaves it out; --drop-unmodelled drops it`, async () => {
    const project = createProject({ example: true });
    const db = await engine.open(project);
    try {
      const url = ["--url", db.url];
      assert.equal((await project.run(["upgrade", ...url])).code, 0);
      await db.query("CREATE SEQUENCE legacy_no START WITH 7");
      await db.query("CREATE TYPE old_mood AS ENUM ('a', 'b')");
      const text = await project.run(["check", ...url]);
      assert.equal(text.code, 1, shown(text));
      const rule = `object: (o) => ((o.kind === "enum" && ["old_mood"].includes(o.name)) || (o.kind === "sequence" && ["legacy_no"].includes(o.name)) ? false : undefined)`;
      assert.ok(
        text.stdout.includes(
          `- the database has enum old_mood and sequence legacy_no, which no model declares; to drop them, run \`athanor generate "drop_unmodelled" --drop-unmodelled\`; to leave them out of the comparison, add to athanor.config.ts: include: { ${rule} }`,
        ),
        text.stdout,
      );
      const json = parseCheck(await project.run(["check", "--json", ...url])) as CheckJson & { unmodelled: unknown[] };
      assert.deepEqual(
        json.problems.map((p) => p.kind),
        ["unmodelled"],
      );
      assert.deepEqual(json.unmodelled, [
        { kind: "enum", schema: "public", name: "old_mood" },
        { kind: "sequence", schema: "public", name: "legacy_no" },
      ]);

      const config = project.read("athanor.config.ts");
      project.write("athanor.config.ts", config.replace(`schemas: ["public"],`, `schemas: ["public"],\n  include: { ${rule} },`));
      const ruled = await project.run(["check", ...url]);
      assert.equal(ruled.code, 0, shown(ruled));

      project.write("athanor.config.ts", config);
      const files = project.versionFiles();
      const dropped = await project.run(["generate", "drop_old", "--drop-unmodelled", ...url]);
      assert.equal(dropped.code, 0, shown(dropped));
      const source = project.read(`versions/${project.versionFiles().find((f) => !files.includes(f))!}`);
      assert.match(source, /await op\.dropSequence\("legacy_no"\);/);
      assert.match(source, /await op\.createSequence\("legacy_no", \{ start: 7 \}\);/, "the downgrade makes it again");
      assert.equal((await project.run(["upgrade", ...url])).code, 0);
      const after = await project.run(["check", ...url]);
      assert.equal(after.code, 0, shown(after));
    } finally {
      await db.drop();
      project.remove();
    }
  });
}

for (const engine of engines) {
  test(`on ${engine.name}, an enum value added and made a default in one revision: generate writes an autocommit block, upgrade runs it in the default transaction mode, check is clean`, async () => {
    const project = createProject({ example: true });
    const db = await engine.open(project);
    try {
      const url = ["--url", db.url];
      project.write("app/models/people.ts", peopleWithMood(`"sad", "ok"`, "ok"));
      for (const args of [["upgrade"], ["generate", "people"], ["upgrade"]]) {
        const result = await project.run([...args, ...url]);
        assert.equal(result.code, 0, shown(result));
      }
      await db.query("INSERT INTO people (id, mood) VALUES (1, 'sad')");
      project.write("app/models/people.ts", peopleWithMood(`"sad", "meh", "ok"`, "meh"));
      const files = project.versionFiles();
      const generated = await project.run(["generate", "meh_by_default", ...url]);
      assert.equal(generated.code, 0, shown(generated));
      const file = project.versionFiles().find((f) => !files.includes(f))!;
      assert.match(
        project.read(`versions/${file}`),
        /await op\.autocommitBlock\(async \(\) => \{\n\s+await op\.addEnumValue\("mood", "meh", \{ before: "ok", ifNotExists: true \}\);\n\s+\}\);\n\s+await op\.alterColumn\("people", "mood", \{ default: "'meh'" \}\);/,
      );
      const offline = await project.run(["upgrade", "--sql", "0003:head"]);
      assert.equal(offline.code, 0, shown(offline));
      assert.match(
        offline.stdout,
        /COMMIT;\n+(?:--.*\n+)*ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok';\n+(?:--.*\n+)*BEGIN;/,
        "offline, the block is a COMMIT before and a BEGIN after",
      );
      const upgraded = await project.run(["upgrade", ...url]);
      assert.equal(upgraded.code, 0, shown(upgraded));
      await db.query("INSERT INTO people (id) VALUES (2)");
      assert.deepEqual(
        (await db.query("SELECT mood::text AS mood FROM people ORDER BY id")).map((r) => r.mood),
        ["sad", "meh"],
      );
      const check = await project.run(["check", ...url]);
      assert.equal(check.code, 0, shown(check));
    } finally {
      await db.drop();
      project.remove();
    }
  });
}
