// The applied history (athanor_history) on PostgreSQL and PGlite: one row per step that
// ran, written in the step's own transaction, with the file's sha256, a duration, who
// ran it and athanor's version; and the same INSERTs in offline scripts.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { Migrator, type MigratorConfig } from "../../src/runtime/migrator.js";
import { athanorVersion, clientIdentity } from "../../src/runtime/run-identity.js";
import { engines, versionRows, type EngineDatabase } from "./engines.js";
import { sampleRevisions, writeProject, type RevisionSpec } from "./sample-project.js";

function migratorFor(db: EngineDatabase, dir: string, config: Partial<MigratorConfig> = {}): Migrator {
  return new Migrator({ config: { cwd: dir, databaseUrl: db.url, ...config }, ...(db.url === undefined ? { connection: db.connection } : {}) });
}

function fileSha(dir: string, id: string): string {
  const name = readdirSync(path.join(dir, "versions")).find((file) => file.includes(`_${id}_`));
  assert.ok(name, `no file for ${id}`);
  return createHash("sha256")
    .update(readFileSync(path.join(dir, "versions", name)))
    .digest("hex");
}

async function historyRows(db: EngineDatabase, table = "athanor_history"): Promise<Record<string, unknown>[]> {
  return db.rows(`SELECT revision, direction, sha256, duration_ms, applied_by, database_user, athanor_version, message FROM ${table} ORDER BY id`);
}

const linear = sampleRevisions.slice(0, 3);

for (const engine of engines) {
  describe(`applied history (${engine.name})`, () => {
    test("upgrade and downgrade write one row per step, oldest first in id order, with the file's sha256", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        const migrator = migratorFor(db, project.dir);
        await migrator.upgrade("head");
        await migrator.downgrade("-1");
        const rows = await historyRows(db);
        assert.deepEqual(
          rows.map((r) => [r.revision, r.direction, r.message]),
          [
            ["0001", "upgrade", "initial_schema"],
            ["0002", "upgrade", "add_email"],
            ["0003", "upgrade", "feature_a"],
            ["0003", "downgrade", "feature_a"],
          ],
        );
        for (const row of rows) {
          assert.equal(String(row.sha256), fileSha(project.dir, String(row.revision)));
          assert.ok(Number(row.duration_ms) >= 0, "duration is a non-negative number of ms");
          assert.equal(row.applied_by, clientIdentity());
          assert.equal(row.athanor_version, athanorVersion());
          assert.ok(String(row.database_user).length > 0);
        }
        const listed = await migrator.appliedHistory();
        assert.deepEqual(
          listed.map((e) => `${e.direction} ${e.revision}`),
          ["downgrade 0003", "upgrade 0003", "upgrade 0002", "upgrade 0001"],
          "newest first",
        );
        assert.ok(listed.every((e) => e.appliedAt instanceof Date && !Number.isNaN(e.appliedAt.getTime())));
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("a failing step leaves no history row: the row shares the step's transaction", async () => {
      const broken: RevisionSpec = {
        id: "0002",
        down: "0001",
        format: "sql",
        up: ["CREATE TABLE half (id int)", "INSERT INTO missing_table VALUES (1)"],
        downSql: [],
      };
      const project = writeProject([linear[0]!, broken]);
      const db = await engine.open();
      try {
        await assert.rejects(
          migratorFor(db, project.dir).upgrade("head"),
          (error: unknown) => error instanceof AthanorError && error.code === "MIGRATION_FAILED",
        );
        assert.deepEqual(
          (await historyRows(db)).map((r) => r.revision),
          ["0001"],
        );
        assert.deepEqual(await versionRows(db), ["0001"]);
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("transaction mode all records every step, and a failure rolls back every row with it", async () => {
      const broken: RevisionSpec = { id: "0003", down: "0002", format: "sql", up: ["SELECT 1/0"], downSql: [] };
      const project = writeProject([linear[0]!, linear[1]!, broken]);
      const db = await engine.open();
      try {
        await assert.rejects(migratorFor(db, project.dir, { transactionMode: "all" }).upgrade("head"));
        assert.deepEqual(await versionRows(db), []);
        const left = await db.rows("SELECT to_regclass('athanor_history') IS NULL AS gone");
        assert.deepEqual(left, [{ gone: true }], "the table was created in the rolled-back transaction");
        await migratorFor(db, project.dir, { transactionMode: "all" }).upgrade("0002");
        assert.deepEqual(
          (await historyRows(db)).map((r) => r.revision),
          ["0001", "0002"],
        );
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("stamp records the stamped revisions with direction stamp and the file's sha256", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        await migratorFor(db, project.dir).stamp(["0002"]);
        const rows = await historyRows(db);
        assert.deepEqual(
          rows.map((r) => [r.revision, r.direction, r.sha256]),
          [["0002", "stamp", fileSha(project.dir, "0002")]],
        );
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("a database migrated before the history existed gets the table at the next run", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        await migratorFor(db, project.dir, { historyTable: false }).upgrade("0001");
        assert.deepEqual(await db.rows("SELECT to_regclass('athanor_history') IS NULL AS absent"), [{ absent: true }]);
        await migratorFor(db, project.dir).upgrade("head");
        assert.deepEqual(
          (await historyRows(db)).map((r) => r.revision),
          ["0002", "0003"],
        );
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("a configured history table name is used, in the version table's schema", async () => {
      const project = writeProject(linear.slice(0, 1));
      const db = await engine.open();
      try {
        await db.connection.exec("CREATE SCHEMA IF NOT EXISTS meta");
        await migratorFor(db, project.dir, { versionTable: { name: "versions", schema: "meta" }, historyTable: "applied_steps" }).upgrade("head");
        assert.deepEqual(
          (await historyRows(db, "meta.applied_steps")).map((r) => r.revision),
          ["0001"],
        );
        assert.deepEqual(await db.rows("SELECT to_regclass('public.athanor_history') IS NULL AS absent"), [{ absent: true }]);
      } finally {
        await db.connection.exec("DROP SCHEMA IF EXISTS meta CASCADE");
        await db.cleanup();
        project.remove();
      }
    });
  });
}

describe("applied history offline", () => {
  test("an --sql script creates the table if needed and inserts a row per step, duration NULL", async () => {
    const project = writeProject(linear.slice(0, 2));
    try {
      let text = "";
      await new Migrator({ config: { cwd: project.dir } }).upgrade("head", { sql: true, output: { write: (t: string) => (text += t) } });
      assert.match(text, /^BEGIN;\nCREATE TABLE alembic_version \([\s\S]*?\);\nCREATE TABLE IF NOT EXISTS athanor_history \(/);
      const inserts = text.split("\n").filter((line) => line.startsWith("INSERT INTO athanor_history"));
      assert.deepEqual(inserts, [
        `INSERT INTO athanor_history (revision, direction, sha256, duration_ms, applied_by, athanor_version, message) VALUES ('0001', 'upgrade', '${fileSha(project.dir, "0001")}', NULL, '${clientIdentity()}', '${athanorVersion()}', 'initial_schema');`,
        `INSERT INTO athanor_history (revision, direction, sha256, duration_ms, applied_by, athanor_version, message) VALUES ('0002', 'upgrade', '${fileSha(project.dir, "0002")}', NULL, '${clientIdentity()}', '${athanorVersion()}', 'add_email');`,
      ]);
      const secondTransaction = text.slice(text.indexOf("COMMIT;\nBEGIN;"));
      assert.ok(
        secondTransaction.indexOf("UPDATE alembic_version") < secondTransaction.indexOf("INSERT INTO athanor_history"),
        "the row follows the version change in the same transaction",
      );
    } finally {
      project.remove();
    }
  });

  test("historyTable: false prints Alembic's statements only", async () => {
    const project = writeProject(linear.slice(0, 1));
    try {
      let text = "";
      await new Migrator({ config: { cwd: project.dir, historyTable: false } }).upgrade("head", { sql: true, output: { write: (t: string) => (text += t) } });
      assert.doesNotMatch(text, /athanor_history/);
    } finally {
      project.remove();
    }
  });
});
