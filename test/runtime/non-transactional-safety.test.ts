// A non-transactional revision's effects are committed as it runs, so its version row
// must never be lost while its effects stay: with `--transaction all` a later failure
// must not roll its row back, and a run stopped between the revision and its row makes
// the next run stop and name it (stamp after checking), never apply it twice.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { Migrator } from "../../src/runtime/migrator.js";
import { engines, versionRows } from "./engines.js";
import { writeProject, type RevisionSpec } from "./sample-project.js";

const record = (id: string) => `INSERT INTO ran (revision) VALUES ('${id}')`;

// Refuses to move the version table past 0002 once 0002 ran, until `let_through` exists:
// the same state as a run killed after 0002's statements and before its row.
const crashAfter0002 = `CREATE FUNCTION crash_after_0002() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF EXISTS (SELECT 1 FROM ran WHERE revision = '0002') AND to_regclass('let_through') IS NULL THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`;

function plan(third: readonly string[]): RevisionSpec[] {
  return [
    { id: "0001", down: null, format: "sql", up: ["CREATE TABLE ran (revision text NOT NULL)", record("0001")], downSql: ["DROP TABLE ran"] },
    { id: "0002", down: "0001", format: "sql", transactional: false, up: [record("0002")], downSql: [] },
    { id: "0003", down: "0002", format: "ts", up: [...third, record("0003")], downSql: [] },
  ];
}

async function ranCounts(rows: (sql: string) => Promise<Record<string, unknown>[]>): Promise<string[]> {
  return (await rows("SELECT revision, count(*)::int AS n FROM ran GROUP BY revision ORDER BY revision")).map((row) => `${row.revision}x${row.n}`);
}

for (const engine of engines) {
  describe(`non-transactional revisions (${engine.name})`, () => {
    test("--transaction all commits a non-transactional revision's rows at once: a later failure keeps them, the rerun does not apply it again", async () => {
      const project = writeProject(plan(["SELECT 1/0"]));
      const database = await engine.open();
      try {
        const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: database.url, transactionMode: "all" }, connection: database.connection });
        for (let run = 0; run < 2; run += 1) {
          await assert.rejects(
            migrator.upgrade("head"),
            (error: unknown) => error instanceof AthanorError && error.code === "MIGRATION_FAILED" && /0003/.test(error.message),
          );
          assert.deepEqual(await versionRows(database), ["0002"]);
          assert.deepEqual(await ranCounts(database.rows), ["0001x1", "0002x1"]);
        }
        const history = await database.rows("SELECT revision FROM athanor_history ORDER BY id");
        assert.deepEqual(
          history.map((row) => row.revision),
          ["0001", "0002"],
        );
      } finally {
        await database.cleanup();
        project.remove();
      }
    });

    test("a run stopped after a non-transactional revision and before its row: the next run stops naming it and stamp; after stamp the rest runs, each revision once", async () => {
      const project = writeProject(plan([]));
      const database = await engine.open();
      try {
        const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: database.url }, connection: database.connection });
        await migrator.upgrade("0001");
        await database.connection.query(crashAfter0002);
        await database.connection.query("CREATE TRIGGER crash BEFORE UPDATE ON alembic_version FOR EACH ROW EXECUTE FUNCTION crash_after_0002()");
        await assert.rejects(migrator.upgrade("head"), /simulated crash/);
        assert.deepEqual(await versionRows(database), ["0001"]);

        for (let run = 0; run < 2; run += 1) {
          await assert.rejects(migrator.upgrade("head"), (error: unknown) => {
            assert.ok(error instanceof AthanorError);
            assert.equal(error.code, "INTERRUPTED_REVISION");
            assert.equal(error.exitCode, 1);
            assert.match(error.message, /^revision 0002 \(.*0002.*\.sql\) runs outside a transaction and an earlier upgrade of it .* did not finish/);
            assert.match(
              error.hint ?? "",
              /check its effects.*`athanor stamp 0002` to mark it done; to run it again instead, undo what it did, then `athanor stamp 0001` \(where the version table is now\)/,
            );
            return true;
          });
        }
        assert.deepEqual(await ranCounts(database.rows), ["0001x1", "0002x1"]);
        assert.deepEqual(await versionRows(database), ["0001"], "the version table is Alembic's, untouched");
        // current, status and check learn of it before anyone runs upgrade.
        const interrupted = await migrator.interruptedRevisions();
        assert.deepEqual(
          interrupted.map((m) => [m.revision, m.direction]),
          [["0002", "upgrade"]],
        );
        assert.match(interrupted[0]!.path ?? "", /0002.*\.sql$/);

        await database.connection.query("CREATE TABLE let_through ()");
        await migrator.stamp(["0002"]);
        const result = await migrator.upgrade("head");
        assert.deepEqual(result.after, ["0003"]);
        assert.deepEqual(await ranCounts(database.rows), ["0001x1", "0002x1", "0003x1"]);
        assert.deepEqual(await database.rows("SELECT count(*)::int AS n FROM athanor_history_started"), [{ n: 0 }]);
        assert.deepEqual(await migrator.interruptedRevisions(), []);
      } finally {
        await database.connection.query("DROP TABLE IF EXISTS let_through").catch(() => {});
        await database.cleanup();
        project.remove();
      }
    });
  });
}
