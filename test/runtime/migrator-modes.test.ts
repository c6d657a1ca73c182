// Revisions outside a transaction (CREATE INDEX CONCURRENTLY), autocommit blocks,
// op.query online vs offline, a configured version table name and schema, and timeouts.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createTestDatabase } from "../helpers/database.js";
import { AthanorError } from "../../src/errors.js";
import { Migrator } from "../../src/runtime/migrator.js";
import { openConnection } from "../../src/runtime/connection.js";
import { parseDatabaseUrl } from "../../src/runtime/database-url.js";
import { sampleRevisions, writeProject, type RevisionSpec } from "./sample-project.js";

const base = sampleRevisions[0]!;

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const connection = await openConnection(parseDatabaseUrl(url, "/"));
  try {
    return (await connection.query(sql)).rows;
  } finally {
    await connection.close();
  }
}

describe("Migrator modes (postgres)", () => {
  test("a non-transactional SQL revision runs CREATE INDEX CONCURRENTLY, then writes its version row", async () => {
    const concurrent: RevisionSpec = {
      id: "0002",
      down: "0001",
      format: "sql",
      transactional: false,
      up: ["CREATE INDEX CONCURRENTLY ix_users_name ON users (name)"],
      downSql: ["DROP INDEX CONCURRENTLY ix_users_name"],
    };
    const project = writeProject([base, concurrent]);
    const database = await createTestDatabase("nontx");
    try {
      let script = "";
      const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: database.url, transactionMode: "all" } });
      await migrator.upgrade("head");
      assert.deepEqual(await query(database.url, "SELECT version_num FROM alembic_version"), [{ version_num: "0002" }]);
      assert.deepEqual(await query(database.url, "SELECT to_regclass('ix_users_name') IS NOT NULL AS present"), [{ present: true }]);
      await migrator.downgrade("-1");
      assert.deepEqual(await query(database.url, "SELECT to_regclass('ix_users_name') IS NULL AS gone"), [{ gone: true }]);
      const alembicShaped = new Migrator({ config: { cwd: project.dir, transactionMode: "all", historyTable: false } });
      await alembicShaped.upgrade("0001:0002", { sql: true, output: { write: (t: string) => (script += t) } });
      assert.equal(
        script,
        "-- Running upgrade 0001 -> 0002\nCREATE INDEX CONCURRENTLY ix_users_name ON users (name);\nBEGIN;\nUPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';\nCOMMIT;\n",
      );
    } finally {
      await database.drop();
      project.remove();
    }
  });

  test("op.autocommitBlock commits, runs CONCURRENTLY outside the transaction, and resumes", async () => {
    const project = writeProject([base]);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      `${project.dir}/versions/20250101_0002_block.ts`,
      `export const revision = "0002";
export const downRevision = "0001";
export const message = "block";
export async function upgrade(op: any): Promise<void> {
  await op.execute("ALTER TABLE users ADD COLUMN email text");
  await op.autocommitBlock(async () => {
    await op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)");
  });
  const rows = await op.query("SELECT count(*)::int AS n FROM users");
  await op.execute("INSERT INTO ran (revision) VALUES ('0002:" + rows[0].n + "')");
}
export async function downgrade(op: any): Promise<void> {
  await op.execute("DROP INDEX ix_users_email");
  await op.execute("ALTER TABLE users DROP COLUMN email");
}
`,
    );
    const database = await createTestDatabase("block");
    try {
      await new Migrator({ config: { cwd: project.dir, databaseUrl: database.url } }).upgrade("head");
      assert.deepEqual(await query(database.url, "SELECT revision FROM ran ORDER BY 1"), [{ revision: "0001" }, { revision: "0002:0" }]);
      assert.deepEqual(await query(database.url, "SELECT version_num FROM alembic_version"), [{ version_num: "0002" }]);
      let script = "";
      await assert.rejects(
        new Migrator({ config: { cwd: project.dir } }).upgrade("0001:0002", { sql: true, output: { write: (t: string) => (script += t) } }),
        (error: unknown) => error instanceof AthanorError && error.code === "OFFLINE_UNSUPPORTED" && /revision 0002/.test(error.message),
      );
      assert.match(script, /ALTER TABLE users ADD COLUMN email text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY ix_users_email ON users \(email\);\nBEGIN;\n/);
    } finally {
      await database.drop();
      project.remove();
    }
  });

  test("a configured version table name and schema are used for every statement", async () => {
    const project = writeProject(sampleRevisions.slice(0, 2));
    const database = await createTestDatabase("vt");
    try {
      await query(database.url, "CREATE SCHEMA meta");
      const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: database.url, versionTable: { name: "schema_Rev", schema: "meta" } } });
      await migrator.upgrade("head");
      assert.deepEqual(await migrator.currentHeads(), ["0002"]);
      assert.deepEqual(await query(database.url, `SELECT version_num FROM meta."schema_Rev"`), [{ version_num: "0002" }]);
      assert.deepEqual(await query(database.url, "SELECT to_regclass('alembic_version') IS NULL AS absent"), [{ absent: true }]);
      assert.deepEqual(await query(database.url, `SELECT conname FROM pg_constraint WHERE conrelid = 'meta."schema_Rev"'::regclass`), [
        { conname: "schema_Rev_pkc" },
      ]);
    } finally {
      await database.drop();
      project.remove();
    }
  });

  test("statementTimeout is set for the run, and a statement past it fails the revision", async () => {
    const slow: RevisionSpec = { id: "0002", down: "0001", format: "sql", up: ["SELECT pg_sleep(2)"], downSql: [] };
    const project = writeProject([base, slow]);
    const database = await createTestDatabase("timeout");
    try {
      const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: database.url, statementTimeout: 200 } });
      await assert.rejects(migrator.upgrade("head"), /upgrade 0001 -> 0002 failed[\s\S]*canceling statement due to statement timeout/);
      assert.deepEqual(await migrator.currentHeads(), ["0001"]);
    } finally {
      await database.drop();
      project.remove();
    }
  });
});

describe("Migrator on a PGlite data directory", () => {
  test("pglite://dir keeps the database between runs, and the directory lock is released after each (its file stays)", async () => {
    const { mkdtempSync, rmSync, existsSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const project = writeProject(sampleRevisions.slice(0, 2));
    const dir = mkdtempSync(`${tmpdir()}/athanor-pglite-run-`);
    try {
      const config = { cwd: project.dir, databaseUrl: `pglite://${dir}/data` };
      const first = new Migrator({ config });
      assert.equal(first.target.kind, "pglite");
      await first.upgrade("head");
      assert.ok(existsSync(`${dir}/data.lock`), "the lock file is never deleted: a waiting process may hold it open");
      assert.deepEqual(await new Migrator({ config: { ...config, lockTimeout: 0 } }).currentHeads(), ["0002"]);
      assert.equal(
        new Migrator({ config: { cwd: project.dir } }).target.kind === "pglite" &&
          (new Migrator({ config: { cwd: project.dir } }).target as { embeddedDefault: boolean }).embeddedDefault,
        true,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      project.remove();
    }
  });
});

describe("a COMMIT that fails (a deferred constraint), with the next BEGIN sent beside it", () => {
  const failsAtCommit: RevisionSpec = {
    id: "0002",
    down: "0001",
    format: "sql",
    up: [
      "CREATE TABLE parent (id int PRIMARY KEY)",
      "CREATE TABLE child (parent_id int REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)",
      "INSERT INTO child VALUES (1)",
    ],
    downSql: ["DROP TABLE child", "DROP TABLE parent"],
  };
  const after: RevisionSpec = { id: "0003", down: "0002", format: "sql", up: ["CREATE TABLE after_failure (id int)"], downSql: ["DROP TABLE after_failure"] };

  async function expectStoppedAt0001(databaseUrl: string, look: (sql: string) => Promise<Record<string, unknown>[]>, cwd: string): Promise<void> {
    await assert.rejects(new Migrator({ config: { cwd, databaseUrl } }).upgrade("head"), (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "MIGRATION_FAILED");
      assert.match(error.message, /0001 -> 0002/);
      assert.match(error.message, /COMMIT/);
      assert.match(error.message, /foreign key/i);
      return true;
    });
    assert.deepEqual(await look("SELECT version_num FROM alembic_version"), [{ version_num: "0001" }]);
    assert.deepEqual(await look("SELECT revision FROM athanor_history ORDER BY id"), [{ revision: "0001" }]);
    assert.deepEqual(await look("SELECT to_regclass('child') IS NULL AS child_gone, to_regclass('after_failure') IS NULL AS next_not_run"), [
      { child_gone: true, next_not_run: true },
    ]);
  }

  test("on PostgreSQL the revision is rolled back, named with its COMMIT, and the next one never runs", async () => {
    const project = writeProject([base, failsAtCommit, after]);
    const database = await createTestDatabase("commitfail");
    try {
      await expectStoppedAt0001(database.url, (sql) => query(database.url, sql), project.dir);
    } finally {
      await database.drop();
      project.remove();
    }
  });

  test("on PGlite the same", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const project = writeProject([base, failsAtCommit, after]);
    const dir = mkdtempSync(`${tmpdir()}/athanor-pglite-commit-`);
    const url = `pglite://${dir}/data`;
    try {
      const look = async (sql: string) => {
        const connection = await openConnection(parseDatabaseUrl(url, project.dir));
        try {
          return (await connection.query(sql)).rows;
        } finally {
          await connection.close();
        }
      };
      await expectStoppedAt0001(url, look, project.dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      project.remove();
    }
  });
});
