// The "Making Model Changes" walk on a copy of the example project: add a column to a
// model, `generate` writes a revision with op.addColumn, `upgrade` applies it, a second
// `generate` finds nothing, `downgrade -1` restores the schema; and `generate` refuses a
// database that is behind.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createProject, engines, lines, peopleWithMood, pgliteEngine, shown, type EngineDatabase } from "./run-cli.js";

async function userColumns(db: EngineDatabase): Promise<string[]> {
  const rows = await db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'users' ORDER BY column_name");
  return rows.map((r) => String(r.column_name));
}

for (const engine of engines) {
  describe(`generate on ${engine.name}`, { concurrency: true }, () => {
    test("a new model column becomes a revision with op.addColumn that upgrades and downgrades; no change writes no file", async () => {
      const project = createProject({ example: true });
      const db = await engine.open(project);
      try {
        const url = ["--url", db.url];
        assert.equal((await project.run(["upgrade", ...url])).code, 0);
        const before = await userColumns(db);
        const filesBefore = project.versionFiles();

        const user = project.read("app/models/user.ts");
        project.write("app/models/user.ts", user.replace("newField: column.varchar(100),", "newField: column.varchar(100),\n  nickname: column.varchar(50),"));

        const generated = await project.run(["generate", "add_x", ...url]);
        assert.equal(generated.code, 0, shown(generated));
        const added = project.versionFiles().filter((f) => !filesBefore.includes(f));
        assert.equal(added.length, 1, `one new file: ${added.join(", ")}`);
        const file = added[0]!;
        assert.match(file, /_0003_add_x\.ts$/, "sequential ids, as the example config asks");
        assert.match(generated.stdout, new RegExp(`^Generating versions/${file} \\.\\.\\. done$`, "m"));
        const source = project.read(`versions/${file}`);
        assert.match(source, /export const revision = "0003";/);
        assert.match(source, /export const downRevision: string \| string\[\] \| null = "0002";/);
        assert.match(source, /await op\.addColumn\("users", \{ name: "nickname", type: "varchar\(50\)"/);
        assert.match(source, /await op\.dropColumn\("users", "nickname"\)/);

        const up = await project.run(["upgrade", ...url]);
        assert.equal(up.code, 0, shown(up));
        assert.deepEqual(
          lines(up.stderr).filter((l) => l.startsWith("Running")),
          ["Running upgrade 0002 -> 0003, add_x"],
        );
        assert.deepEqual(await db.versionRows(), ["0003"]);
        assert.deepEqual(await userColumns(db), [...before, "nickname"].sort());

        const again = await project.run(["generate", "again", ...url]);
        assert.equal(again.code, 0, shown(again));
        assert.match(again.stderr, /No changes detected/);
        assert.equal(again.stdout, "");
        assert.deepEqual(project.versionFiles(), [...filesBefore, file].sort(), "no file for no change");

        const check = await project.run(["check", ...url]);
        assert.equal(check.code, 0, shown(check));

        const down = await project.run(["downgrade", "-1", ...url]);
        assert.equal(down.code, 0, shown(down));
        assert.deepEqual(await db.versionRows(), ["0002"]);
        assert.deepEqual(await userColumns(db), before);
      } finally {
        await db.drop();
        project.remove();
      }
    });

    test("generate on a database that is behind exits 1 with the upgrade hint and writes nothing", async () => {
      const project = createProject({ example: true });
      const db = await engine.open(project);
      try {
        const url = ["--url", db.url];
        assert.equal((await project.run(["upgrade", "0001", ...url])).code, 0);
        const filesBefore = project.versionFiles();
        const generated = await project.run(["generate", "add_x", ...url]);
        assert.equal(generated.code, 1, shown(generated));
        assert.match(generated.stderr, /^error: Target database is not up to date: .* is at 0001, the new revision would build on 0002$/m);
        assert.match(generated.stderr, /^hint: Run `athanor upgrade` first/m);
        assert.deepEqual(project.versionFiles(), filesBefore);
      } finally {
        await db.drop();
        project.remove();
      }
    });
  });
}

// Models import each other the NodeNext way (`./user.js` for user.ts), which must resolve
// in any project, also where package.json does not say "type": "module".
for (const moduleType of ["commonjs", null] as const) {
  test(`models importing ./user.js load in a project ${moduleType === null ? "without a package.json" : 'with "type": "commonjs"'}`, async () => {
    const project = createProject({ example: true, moduleType });
    try {
      const check = await project.run(["check", "--url", "pglite://memory"]);
      assert.doesNotMatch(check.stderr, /Cannot load model module/, shown(check));
      assert.equal(check.code, 1, shown(check));
      assert.match(check.stdout, /the database is at base/);
    } finally {
      project.remove();
    }
  });
}

test("generate --sql prints the change as upgrade --sql would, the enum value a later statement uses committed before the transaction, and writes no file", async () => {
  const project = createProject({ example: true });
  const db = await pgliteEngine.open(project);
  try {
    const url = ["--url", db.url];
    project.write("app/models/people.ts", peopleWithMood(`"sad", "ok"`, "ok"));
    for (const args of [["upgrade"], ["generate", "people"], ["upgrade"]]) assert.equal((await project.run([...args, ...url])).code, 0);
    project.write("app/models/people.ts", peopleWithMood(`"sad", "meh", "ok"`, "meh"));
    const files = project.versionFiles();
    const preview = await project.run(["generate", "meh_by_default", "--sql", ...url]);
    assert.equal(preview.code, 0, shown(preview));
    assert.deepEqual(lines(preview.stdout), [
      "-- PostgreSQL cannot use a new enum value ('meh' of mood) in the transaction that adds it:",
      "-- the values are added and committed first (IF NOT EXISTS, so a rerun after a later failure goes through).",
      "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok';",
      "BEGIN;",
      "ALTER TABLE people ALTER COLUMN mood SET DEFAULT 'meh';",
      "COMMIT;",
    ]);
    assert.deepEqual(project.versionFiles(), files, "no revision is written");
  } finally {
    await db.drop();
    project.remove();
  }
});
