// Per-revision timeouts: read from TS exports and SQL headers, set with SET LOCAL in the
// revision's transaction (SET/restore around a non-transactional one), and a cancelled
// statement reported as a timeout naming the revision, the limit and the blocker.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import pg from "pg";
import { AthanorError } from "../../src/errors.js";
import { Migrator } from "../../src/runtime/migrator.js";
import { relationsIn } from "../../src/runtime/lock-holders.js";
import { readSqlRevision } from "../../src/scripts/read-sql-revision.js";
import { readTsMetadata } from "../../src/scripts/read-ts-metadata.js";
import { toRevisionSource } from "../../src/scripts/revision-metadata.js";
import { createTestDatabase } from "../helpers/database.js";
import { writeProject, type RevisionSpec } from "./sample-project.js";
import { writeFileSync } from "node:fs";
import path from "node:path";

const base: RevisionSpec = { id: "0001", down: null, format: "sql", up: ["CREATE TABLE users (id int PRIMARY KEY)"], downSql: ["DROP TABLE users"] };

function tsSource(text: string) {
  return toRevisionSource(readTsMetadata(text, "v.ts"), { path: "v.ts", format: "ts", sortKey: "v.ts", spell: (f) => f });
}

describe("timeouts in revision metadata", () => {
  test("a TS revision's statementTimeout and lockTimeout become milliseconds", () => {
    const source = tsSource(
      'export const revision = "0002";\nexport const downRevision = "0001";\nexport const statementTimeout = "5min";\nexport const lockTimeout = 2000;\n',
    );
    assert.equal(source.statementTimeout, 300_000);
    assert.equal(source.lockTimeout, 2000);
  });

  test("SQL headers statement_timeout and lock_timeout are read like the other keys", () => {
    const { metadata } = readSqlRevision(
      "-- revision: 0002\n-- down_revision: 0001\n-- statement_timeout: 5min\n-- lock_timeout: 2s\n-- +upgrade\nSELECT 1;\n",
      "v.sql",
    );
    const source = toRevisionSource(metadata, { path: "v.sql", format: "sql", sortKey: "v.sql", spell: (f) => f });
    assert.equal(source.statementTimeout, 300_000);
    assert.equal(source.lockTimeout, 2000);
  });

  test("a revision without timeouts has none", () => {
    const source = tsSource('export const revision = "0002";\nexport const downRevision = "0001";\n');
    assert.equal(source.statementTimeout, undefined);
    assert.equal(source.lockTimeout, undefined);
  });

  test("a timeout that is not a duration names the file, the line and an example", () => {
    assert.throws(
      () => tsSource('export const revision = "0002";\nexport const downRevision = "0001";\nexport const statementTimeout = "soon";\n'),
      (error: unknown) =>
        error instanceof AthanorError && error.code === "INVALID_REVISION_FILE" && /^v\.ts:3: statementTimeout must be a duration/.test(error.message),
    );
  });

  test("the tables a statement touches are found for the lock report", () => {
    assert.deepEqual(relationsIn('ALTER TABLE IF EXISTS ONLY public."Users" ADD COLUMN x int'), ['public."Users"']);
    assert.deepEqual(relationsIn("INSERT INTO a SELECT * FROM b JOIN c ON true"), ["a", "b", "c"]);
    assert.deepEqual(relationsIn("CREATE INDEX ix ON users (name)"), ["users"]);
  });
});

describe("timeouts while running (postgres)", () => {
  test("a revision with statementTimeout 200ms running pg_sleep(2) fails with the timeout message naming the revision", async () => {
    const slow = { id: "0002", down: "0001", format: "ts", up: ["SELECT pg_sleep(2)"], downSql: [] } as const;
    const project = writeProject([base, slow]);
    const file = path.join(project.dir, "versions", "20250101_0002_0002.ts");
    const { readFileSync } = await import("node:fs");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace('export const message = "0002";', 'export const message = "0002";\nexport const statementTimeout = "200ms";'),
    );
    const database = await createTestDatabase("stmt");
    try {
      const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: database.url } });
      // The error itself proves the revision's own limit applied: pg_sleep(2) finishes
      // under any server default, and the message names 200ms (no wall-clock assertion).
      await assert.rejects(migrator.upgrade("head"), (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "MIGRATION_FAILED");
        assert.match(error.message, /^revision 0002 \(versions\/20250101_0002_0002\.ts\): statement timed out after 200ms: SELECT pg_sleep\(2\)/);
        assert.match(error.hint ?? "", /export const statementTimeout = "<longer>"/);
        assert.equal(error.details?.timeout, "statement");
        return true;
      });
      assert.deepEqual(await migrator.currentHeads(), ["0001"]);
    } finally {
      await database.drop();
      project.remove();
    }
  });

  test("a lock timeout while another session holds a lock on the table names the blocking session", async () => {
    const alter: RevisionSpec = { id: "0002", down: "0001", format: "sql", up: ["ALTER TABLE users ADD COLUMN email text"], downSql: [] };
    const project = writeProject([base, alter]);
    const file = path.join(project.dir, "versions", "20250101_0002_0002.sql");
    const { readFileSync } = await import("node:fs");
    writeFileSync(file, readFileSync(file, "utf8").replace("-- message: 0002\n", "-- message: 0002\n-- lock_timeout: 300ms\n"));
    const database = await createTestDatabase("lock");
    const blocker = new pg.Client({ connectionString: database.url, application_name: "blocker" });
    try {
      const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: database.url } });
      await migrator.upgrade("0001");
      await blocker.connect();
      const pid = Number((await blocker.query("SELECT pg_backend_pid() AS pid")).rows[0].pid);
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE users IN ACCESS SHARE MODE");
      await assert.rejects(migrator.upgrade("head"), (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.match(
          error.message,
          /^revision 0002 \(versions\/20250101_0002_0002\.sql:\d+\): could not get a lock within 300ms: ALTER TABLE users ADD COLUMN email text/,
        );
        assert.match(
          error.message,
          new RegExp(`blocked by: pid ${pid} \\(blocker, idle in transaction: LOCK TABLE users IN ACCESS SHARE MODE\\) holds AccessShareLock on users`),
        );
        assert.match(error.hint ?? "", new RegExp(`pg_terminate_backend\\(${pid}\\)`));
        assert.match(error.hint ?? "", /-- lock_timeout: <longer>/);
        return true;
      });
      await blocker.query("ROLLBACK");
      await migrator.upgrade("head");
      assert.deepEqual(await migrator.currentHeads(), ["0002"]);
    } finally {
      await blocker.end().catch(() => {});
      await database.drop();
      project.remove();
    }
  });

  test("a revision's SET LOCAL does not outlive it in transaction mode all; a non-transactional one is restored", async () => {
    const record = (id: string) => `INSERT INTO seen VALUES ('${id}', current_setting('statement_timeout'))`;
    const revisions: RevisionSpec[] = [
      { id: "0001", down: null, format: "sql", up: ["CREATE TABLE seen (revision text, timeout text)", record("0001")], downSql: [] },
      { id: "0002", down: "0001", format: "sql", up: [record("0002")], downSql: [] },
      { id: "0003", down: "0002", format: "sql", up: [record("0003")], downSql: [] },
      { id: "0004", down: "0003", format: "sql", transactional: false, up: [record("0004")], downSql: [] },
      { id: "0005", down: "0004", format: "sql", up: [record("0005")], downSql: [] },
    ];
    const project = writeProject(revisions);
    const { readFileSync } = await import("node:fs");
    for (const id of ["0002", "0004"]) {
      const file = path.join(project.dir, "versions", `20250101_${id}_${id}.sql`);
      writeFileSync(file, readFileSync(file, "utf8").replace(`-- message: ${id}\n`, `-- message: ${id}\n-- statement_timeout: 7s\n`));
    }
    const database = await createTestDatabase("setlocal");
    try {
      await new Migrator({ config: { cwd: project.dir, databaseUrl: database.url, transactionMode: "all", statementTimeout: 60_000 } }).upgrade("head");
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const rows = (await client.query("SELECT revision, timeout FROM seen ORDER BY revision")).rows.map((r) => `${r.revision}=${r.timeout}`);
      await client.end();
      assert.deepEqual(rows, ["0001=1min", "0002=7s", "0003=1min", "0004=7s", "0005=1min"]);
    } finally {
      await database.drop();
      project.remove();
    }
  });
});

describe("downgrade --sql without a range", () => {
  test("the hint is a real example built from the graph: <head>:<target>", async () => {
    const project = writeProject([base, { id: "0002", down: "0001", format: "sql", up: ["SELECT 1"], downSql: ["SELECT 1"] }]);
    try {
      const migrator = new Migrator({ config: { cwd: project.dir } });
      for (const [target, example] of [
        ["-1", "athanor downgrade 0002:0001 --sql"],
        ["base", "athanor downgrade 0002:base --sql"],
        ["0001", "athanor downgrade 0002:0001 --sql"],
      ] as const) {
        await assert.rejects(migrator.downgrade(target, { sql: true, output: { write: () => {} } }), (error: unknown) => {
          assert.ok(error instanceof AthanorError);
          assert.equal(error.code, "USAGE");
          assert.ok(error.hint?.endsWith(`e.g. ${example}`), error.hint);
          return true;
        });
      }
    } finally {
      project.remove();
    }
  });
});
