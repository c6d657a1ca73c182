// The commands layer as a library caller uses it: the calls the CLI makes, with typed
// results, on a copy of the example project and a real database (PostgreSQL, and PGlite
// in memory). And `revision --autogenerate` makes the same call as `generate`.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { checkProject, createRevision, generateRevision, mergeRevisions, openProject, type Reporter } from "../../src/commands/index.js";
import { createProject, engines, lines, shown } from "../cli/run-cli.js";

function collecting(): Reporter & { notes: string[]; warnings: string[] } {
  const notes: string[] = [];
  const warnings: string[] = [];
  return { notes, warnings, note: (line) => notes.push(line), warn: (line) => warnings.push(line) };
}

for (const engine of engines) {
  describe(`the commands layer on ${engine.name}`, () => {
    const project = createProject({ example: true });
    after(() => project.remove());

    test("check reports a database behind as a typed problem, then the model change; generate writes a revision from a model change; check passes after upgrade", async () => {
      const db = await engine.open(project);
      try {
        // The model change comes first: this process imports each model module once (ES
        // modules are cached), as one CLI run does.
        const user = project.read("app/models/user.ts");
        project.write("app/models/user.ts", user.replace("newField: column.varchar(100),", "newField: column.varchar(100),\n  nickname: column.varchar(50),"));
        const opened = await openProject({ cwd: project.dir, overrides: { databaseUrl: db.url } });
        const behind = await checkProject(opened);
        assert.equal(behind.ok, false);
        assert.deepEqual(
          behind.problems.map((p) => p.kind),
          ["not-at-head"],
        );
        assert.deepEqual(behind.heads, ["0002"]);
        assert.deepEqual(behind.current, []);

        assert.equal((await project.run(["upgrade", "--url", db.url])).code, 0);
        const reporter = collecting();
        const fresh = await openProject({ cwd: project.dir, overrides: { databaseUrl: db.url } });
        const differs = await checkProject(fresh, { reporter });
        assert.deepEqual(
          differs.problems.map((p) => p.kind),
          ["models-differ"],
        );
        assert.match(differs.problems[0]!.message, /1 operation\b.*\n\s+await op\.addColumn\("users"/);

        const generated = await generateRevision(fresh, { message: "add nickname", reporter });
        assert.equal(generated.written?.revision, "0003");
        assert.match(generated.written?.path ?? "", /^versions\/\d{8}_0003_add_nickname\.ts$/);
        assert.deepEqual(
          generated.upgradeOps.map((op) => op.kind),
          ["addColumn"],
        );
        assert.ok(
          reporter.notes.some((l) => /^Loaded 2 model modules/.test(l)),
          reporter.notes.join("\n"),
        );
        assert.match(project.read(generated.written!.path), /await op\.addColumn\("users", \{ name: "nickname"/);

        assert.equal((await project.run(["upgrade", "--url", db.url])).code, 0);
        const clean = await checkProject(await openProject({ cwd: project.dir, overrides: { databaseUrl: db.url } }));
        assert.equal(clean.ok, true, JSON.stringify(clean.problems));
        assert.deepEqual(clean.current, ["0003"]);
      } finally {
        await db.drop();
      }
    });
  });
}

test("createRevision and mergeRevisions write the files `revision` and `merge` would, and check names the split heads", async () => {
  const project = createProject({ example: true });
  try {
    const opened = await openProject({ cwd: project.dir, overrides: { databaseUrl: "pglite://memory" } });
    const a = await createRevision(opened, { message: "first branch" });
    const b = await createRevision(await openProject({ cwd: project.dir }), { message: "second branch", head: "0002", splice: true });
    assert.deepEqual([a.revision, b.revision], ["0003", "0004"]);
    const split = await checkProject(await openProject({ cwd: project.dir, overrides: { databaseUrl: "pglite://memory" } }));
    assert.equal(split.problems[0]?.kind, "multiple-heads");
    assert.match(split.problems[0]!.message, /several heads: 0003, 0004/);
    const merged = await mergeRevisions(await openProject({ cwd: project.dir }), { revisions: ["heads"], message: "merge heads" });
    assert.equal(merged.revision, "0005");
    assert.match(project.read(merged.path), /export const downRevision: string \| string\[\] \| null = \["0003", "0004"\];/);
  } finally {
    project.remove();
  }
});

test("`revision --autogenerate` writes what `generate` writes, with the same report", async () => {
  const project = createProject({ example: true });
  try {
    const url = "pglite://db";
    assert.equal((await project.run(["upgrade", "--url", url])).code, 0);
    const user = project.read("app/models/user.ts");
    project.write("app/models/user.ts", user.replace("newField: column.varchar(100),", "newField: column.varchar(100),\n  nickname: column.varchar(50),"));
    const run = await project.run(["revision", "--autogenerate", "-m", "add nickname", "--url", url]);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^Generating versions\/\d{8}_0003_add_nickname\.ts \.\.\. done$/m);
    assert.ok(
      lines(run.stderr).some((l) => /^Loaded 2 model modules/.test(l)),
      run.stderr,
    );
    assert.ok(lines(run.stderr).includes("Review it, then run `athanor upgrade`."), run.stderr);
    const file = project.versionFiles().find((f) => f.includes("_0003_"))!;
    assert.match(project.read(`versions/${file}`), /await op\.addColumn\("users", \{ name: "nickname"/);
    const again = await project.run(["revision", "--autogenerate", "-m", "again", "--url", url, "--json"]);
    assert.equal(again.code, 1, shown(again));
    assert.match(again.stdout, /"code": "NOT_AT_HEAD"/);
  } finally {
    project.remove();
  }
});
