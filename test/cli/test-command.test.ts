// athanor test: every revision up, down and up again on a scratch database. A downgrade
// that forgets to drop a column is caught on both engines (in-memory PGlite by default, a
// database of its own on a PostgreSQL server with --url), with the difference in words;
// a good project passes; several heads and models that differ from the head fail; the
// configured database is never touched and the scratch database is dropped after.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import pg from "pg";
import { validate } from "../helpers/json-schema-subset.js";
import { requireServer } from "../helpers/database.js";
import { addRevision, createProject, postgresEngine, repoRoot, shown, type TempProject } from "./run-cli.js";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "cli-output.schema.json"), "utf8")) as Record<string, unknown>;

/** 0001 users ← 0002 adds email, whose downgrade forgets to drop it ← 0003 adds a table. */
function brokenDowngrade(): TempProject {
  const project = createProject();
  addRevision(project, { id: "0001", down: null, message: "users", up: ["CREATE TABLE users (id int PRIMARY KEY)"], downSql: ["DROP TABLE users"] });
  addRevision(project, {
    id: "0002",
    down: "0001",
    message: "add_email",
    up: ["ALTER TABLE users ADD COLUMN email text"],
    downSql: ["SELECT 'forgot to drop email'"],
  });
  addRevision(project, { id: "0003", down: "0002", message: "posts", up: ["CREATE TABLE posts (id int)"], downSql: ["DROP TABLE posts"] });
  return project;
}

function conforms(output: string): Record<string, unknown> {
  const value = JSON.parse(output) as Record<string, unknown>;
  assert.deepEqual(validate(schema, { $ref: "#/$defs/test" }, value), [], output);
  assert.deepEqual(validate(schema, schema, value), [], "one shape of the published schema");
  return value;
}

async function scratchDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: requireServer() });
  await client.connect();
  try {
    return (await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'athanor_test_%' ORDER BY 1")).rows.map((row) => String(row.datname));
  } finally {
    await client.end();
  }
}

describe("athanor test", { concurrency: true }, () => {
  test("on the in-memory PGlite: a downgrade that forgets a column fails with the difference and stops there (exit 1)", async () => {
    const project = brokenDowngrade();
    try {
      const result = await project.run(["test"]);
      assert.equal(result.code, 1, shown(result));
      assert.match(result.stderr, /Testing revisions on a scratch database: in-memory PGlite/);
      assert.match(result.stdout, /^\[1\/3\] 0001 users ok$/m);
      assert.match(result.stdout, /^\[2\/3\] 0002 add_email failed\n {4}table users: column email still there after downgrade$/m);
      assert.match(result.stdout, /^stopped: 1 later revision was not tested \(0003\)$/m);
      assert.match(result.stdout, /^FAILED: 1 problem$/m);
      const json = await project.run(["test", "--json"]);
      assert.equal(json.code, 1, shown(json));
      const report = conforms(json.stdout);
      assert.equal(report.ok, false);
      assert.deepEqual(report.untested, ["0003"]);
      assert.deepEqual((report.revisions as { problems: string[] }[])[1]!.problems, ["table users: column email still there after downgrade"]);
    } finally {
      project.remove();
    }
  });

  test("on a PostgreSQL server: the same failure, in a scratch database that is dropped; the configured database is not touched", async () => {
    const project = brokenDowngrade();
    const configured = await postgresEngine.open(project);
    try {
      const before = await scratchDatabases();
      const result = await project.run(["test", "--url", requireServer()], { DATABASE_URL: configured.url });
      assert.equal(result.code, 1, shown(result));
      assert.match(result.stderr, /Testing revisions on a scratch database: [^ ]+\/athanor_test_[0-9a-f]{12}$/m);
      assert.match(result.stdout, /^\[2\/3\] 0002 add_email failed\n {4}table users: column email still there after downgrade$/m);
      assert.deepEqual(await scratchDatabases(), before, "the scratch database is dropped, also after a failure");
      assert.deepEqual(await configured.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"), [], "nothing created in the configured database");
      // Fixed, the project passes on the server too.
      addRevision(project, {
        id: "0002",
        down: "0001",
        message: "add_email",
        up: ["ALTER TABLE users ADD COLUMN email text"],
        downSql: ["ALTER TABLE users DROP COLUMN email"],
      });
      const fixed = await project.run(["test", "--url", requireServer(), "--json"]);
      assert.equal(fixed.code, 0, shown(fixed));
      assert.equal(conforms(fixed.stdout).ok, true);
      assert.deepEqual(await scratchDatabases(), before);
    } finally {
      await configured.drop();
      project.remove();
    }
  });

  test("a good project passes: each revision ok, one head, the models match the head (exit 0)", async () => {
    const project = createProject({ example: true });
    try {
      const result = await project.run(["test"]);
      assert.equal(result.code, 0, shown(result));
      assert.match(result.stdout, /^\[1\/2\] 0001 initial_schema ok$/m);
      assert.match(result.stdout, /^\[2\/2\] 0002 add_new_field_to_users ok$/m);
      assert.match(result.stdout, /^heads: one \(0002\)$/m);
      assert.match(result.stdout, /^models: match the head$/m);
      assert.match(result.stdout, /^OK: 2 revisions upgrade, downgrade and upgrade again cleanly$/m);
      assert.equal(project.exists(".athanor"), false, "the embedded database of the project is not opened");
    } finally {
      project.remove();
    }
  });

  test("models that differ from the head, and several heads, fail with what to do", async () => {
    const project = createProject({ example: true });
    try {
      const model = project.read("app/models/user.ts");
      project.write("app/models/user.ts", model.replace(/(export const users = table\("users", \{\n)/, "$1  nickname: column.varchar(50),\n"));
      addRevision(project, { id: "a100", down: "0001", message: "side_branch" });
      const result = await project.run(["test"]);
      assert.equal(result.code, 1, shown(result));
      assert.match(result.stdout, /^\[\d\/3\] a100 side_branch ok$/m);
      assert.match(result.stdout, /^- several heads: 0002, a100; join them with `athanor merge -m "merge_heads" heads`$/m);
      assert.match(result.stdout, /athanor merge -m "merge_heads" heads/);
      assert.match(
        result.stdout,
        /the models differ from the schema at the head \(1 operation\); run `athanor generate "<message>"`\n\s+await op\.addColumn\("users"/,
      );
    } finally {
      project.remove();
    }
  });

  test("a view the downgrade leaves behind is caught too, though views are not compared in detail", async () => {
    const project = createProject();
    addRevision(project, {
      id: "0001",
      down: null,
      message: "users",
      up: ["CREATE TABLE users (id int PRIMARY KEY, active boolean)"],
      downSql: ["DROP TABLE users"],
    });
    addRevision(project, {
      id: "0002",
      down: "0001",
      message: "active_users",
      up: ["CREATE VIEW active_users AS SELECT id FROM users WHERE active"],
      downSql: ["SELECT 'forgot the view'"],
    });
    try {
      const result = await project.run(["test"]);
      assert.equal(result.code, 1, shown(result));
      assert.match(result.stdout, /^\[2\/2\] 0002 active_users failed\n {4}view active_users still there after downgrade$/m);
    } finally {
      project.remove();
    }
  });

  test("a range tests only the revisions after its start; a data directory is refused as a scratch database", async () => {
    const project = brokenDowngrade();
    try {
      const result = await project.run(["test", "0002:heads"]);
      assert.equal(result.code, 0, shown(result));
      assert.match(result.stdout, /^\[1\/1\] 0003 posts ok$/m);
      const dir = await project.run(["test", "--url", "pglite://db"]);
      assert.equal(dir.code, 2, shown(dir));
      assert.match(dir.stderr, /scratch database/);
    } finally {
      project.remove();
    }
  });
});
