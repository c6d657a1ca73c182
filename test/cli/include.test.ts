// `include` and unmodelled tables through the real CLI, on a project made here: a table
// only the database has is reported by `check` and kept by `generate` until a rule
// covers it or --drop-unmodelled is given; rules leave schemas, tables and columns out;
// the version and history tables are hidden only in the schema that holds them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createProject, engines, shown, type Engine, type EngineDatabase, type TempProject } from "./run-cli.js";

const usersModel = (extra = "") => `import { column, table } from "athanor";

export const users = table("users", {
  id: column.bigint().primaryKey().identity(),
  email: column.varchar(255).notNull(),${extra}
});
`;

function config(extra = ""): string {
  return `import { defineConfig } from "athanor";

export default defineConfig({
  revisionIds: "sequential",
  models: ["models"],${extra}
});
`;
}

/** Runs each statement in turn (PGlite's query takes one at a time). */
async function exec(db: EngineDatabase, ...statements: string[]): Promise<void> {
  for (const statement of statements) await db.query(statement);
}

interface CheckJson {
  ok: boolean;
  problems: { kind: string; message: string }[];
  unmodelled: { kind: string; schema: string; name: string }[];
  compared: { schemas: string[]; modelTables: number; databaseTables: number; leftOut: string[] };
}

/** A project whose models are applied: `setup` statements, generate "initial", upgrade. */
async function withApplied(
  engine: Engine,
  configText: string,
  body: (project: TempProject, db: EngineDatabase, url: string[]) => Promise<void>,
  setup: readonly string[] = [],
): Promise<void> {
  const project = createProject({ config: configText });
  const db = await engine.open(project);
  try {
    await exec(db, ...setup);
    project.write("models/users.ts", usersModel());
    const url = ["--url", db.url];
    const initial = await project.run(["generate", "initial", ...url]);
    assert.equal(initial.code, 0, shown(initial));
    const up = await project.run(["upgrade", ...url]);
    assert.equal(up.code, 0, shown(up));
    await body(project, db, url);
  } finally {
    await db.drop();
    project.remove();
  }
}

for (const engine of engines) {
  describe(`include on ${engine.name}`, { concurrency: true }, () => {
    test("a table only the database has fails check as unmodelled, is kept by generate, and is dropped with --drop-unmodelled", async () => {
      await withApplied(engine, config(), async (project, db, url) => {
        await exec(db, "CREATE TABLE legacy (id integer PRIMARY KEY)", "CREATE SCHEMA audit", "CREATE TABLE audit.alembic_version (version_num varchar(32))");

        const check = await project.run(["check", ...url]);
        assert.equal(check.code, 1, shown(check));
        assert.match(
          check.stdout,
          /^- the database has tables audit\.alembic_version, legacy, which no model declares; to drop them, run `athanor generate "drop_unmodelled" --drop-unmodelled`; to leave them out of the comparison, add to athanor\.config\.ts: include: \{ schemas: \["!audit"\], tables: \["!legacy"\] \}$/m,
        );
        const json = JSON.parse((await project.run(["check", "--json", ...url])).stdout) as CheckJson;
        assert.deepEqual(
          json.problems.map((p) => p.kind),
          ["unmodelled"],
        );
        assert.deepEqual(
          json.unmodelled,
          [
            { kind: "table", schema: "audit", name: "alembic_version" },
            { kind: "table", schema: "public", name: "legacy" },
          ],
          "the version table in public stays hidden; the user's audit.alembic_version does not",
        );

        const files = project.versionFiles();
        const kept = await project.run(["generate", "nothing", ...url]);
        assert.equal(kept.code, 0, shown(kept));
        assert.match(kept.stderr, /^warning: not dropped: the database has tables audit\.alembic_version, legacy, which no model declares/m);
        assert.match(kept.stderr, /^No changes detected besides the objects above\.$/m);
        assert.deepEqual(project.versionFiles(), files, "no revision for tables it was not told to drop");

        const dropped = await project.run(["generate", "drop_old", "--drop-unmodelled", ...url]);
        assert.equal(dropped.code, 0, shown(dropped));
        const file = project.versionFiles().find((f) => !files.includes(f))!;
        const source = project.read(`versions/${file}`);
        assert.match(source, /await op\.dropTable\("legacy"\);/);
        assert.match(source, /await op\.dropTable\("alembic_version", \{ schema: "audit" \}\);/);
        assert.doesNotMatch(source, /dropTable\("alembic_version"\)/, "the real version table is not touched");
        assert.equal((await project.run(["upgrade", ...url])).code, 0);
        const after = await project.run(["check", ...url]);
        assert.equal(after.code, 0, shown(after));
        assert.deepEqual(await db.versionRows(), ["0002"]);
      });
    });

    test("include leaves a schema, tables matching a pattern and a column out; an include pattern makes generate drop what it matches", async () => {
      const rules = `
  include: {
    schemas: ["!reporting"],
    tables: ["!tmp_*", "old_*"],
    object: (o) => !(o.kind === "column" && o.table === "users" && o.name === "search"),
  },`;
      await withApplied(engine, config(rules), async (project, db, url) => {
        await exec(
          db,
          "CREATE SCHEMA reporting",
          "CREATE TABLE reporting.daily (day date)",
          "CREATE TABLE tmp_import (line text)",
          "CREATE TABLE old_logs (id integer)",
          "ALTER TABLE users ADD COLUMN search tsvector",
        );
        const check = await project.run(["check", "--json", "--verbose", ...url]);
        assert.equal(check.code, 1, shown(check));
        const json = JSON.parse(check.stdout) as CheckJson;
        assert.deepEqual(
          json.problems.map((p) => p.kind),
          ["models-differ"],
          "only old_logs, which a pattern covers, differs",
        );
        assert.match(json.problems[0]!.message, /await op\.dropTable\("old_logs"\)/);
        assert.deepEqual(json.unmodelled, []);
        assert.deepEqual(json.compared.schemas, ["public"], "reporting is left out");
        assert.deepEqual(json.compared.leftOut, ["public.tmp_import"]);
        assert.match(check.stderr, /^Compared 1 table of the models with 2 in the database \(schemas: public\); left out by include: public\.tmp_import$/m);

        project.write("models/users.ts", usersModel("\n  nickname: column.text(),"));
        const files = project.versionFiles();
        const generated = await project.run(["generate", "nickname", ...url]);
        assert.equal(generated.code, 0, shown(generated));
        const source = project.read(`versions/${project.versionFiles().find((f) => !files.includes(f))!}`);
        assert.match(source, /await op\.addColumn\("users", \{ name: "nickname", type: "text" \}\);/);
        assert.match(source, /await op\.dropTable\("old_logs"\);/);
        assert.doesNotMatch(source, /search|tmp_import|reporting/, "what include leaves out is not touched");
        assert.equal((await project.run(["upgrade", ...url])).code, 0);
        const after = await project.run(["check", ...url]);
        assert.equal(after.code, 0, shown(after));
        const left = await db.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'search'");
        assert.equal(left[0]?.n, 1, "the column include left out is still there");
      });
    });

    test("with the version table in its own schema, a user table named athanor_history in public is compared", async () => {
      await withApplied(
        engine,
        config(`\n  versionTable: { name: "alembic_version", schema: "athanor" },`),
        async (project, db, url) => {
          await db.query("CREATE TABLE athanor_history (id integer)");
          const json = JSON.parse((await project.run(["check", "--json", ...url])).stdout) as CheckJson;
          assert.deepEqual(json.unmodelled, [{ kind: "table", schema: "public", name: "athanor_history" }]);
          assert.ok(json.compared.schemas.includes("athanor"), "the version table's schema is looked at, its two tables hidden");
        },
        ["CREATE SCHEMA athanor"],
      );
    });

    test("an include.object function that throws is a configuration error naming the object", async () => {
      await withApplied(
        engine,
        config(`\n  include: { object: (o) => { if (o.kind === "column") throw new Error("no columns here"); } },`),
        async (project, _db, url) => {
          const check = await project.run(["check", ...url]);
          assert.equal(check.code, 4, shown(check));
          assert.match(check.stderr, /^error: include\.object threw for column public\.users\.(id|email): no columns here$/m);
          assert.doesNotMatch(check.stderr, /\n\s+at /, "no stack trace");
        },
      );
    });
  });
}

test("an include pattern that is not a glob is refused with the field named", async () => {
  const project = createProject({ config: config(`\n  include: { tables: ["a!b"] },`) });
  try {
    project.write("models/users.ts", usersModel());
    const check = await project.run(["check", "--url", "pglite://memory"]);
    assert.equal(check.code, 4, shown(check));
    assert.match(check.stderr, /^error: invalid configuration in athanor\.config\.ts: include\.tables\.0: a glob like/m);
  } finally {
    project.remove();
  }
});
