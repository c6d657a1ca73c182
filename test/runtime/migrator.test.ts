// The Migrator API end to end on real databases (PostgreSQL and PGlite) with revision
// projects on disk: upgrade, downgrade, stamp, reset, several heads, merges, failures.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { Migrator, type MigratorOptions } from "../../src/runtime/migrator.js";
import { engines, versionRows, type Engine, type EngineDatabase } from "./engines.js";
import { sampleRevisions, writeProject, type RevisionSpec, type SampleProject } from "./sample-project.js";

/** A sample project and a fresh database for one test, both removed after it. */
async function withSample(
  engine: Engine,
  body: (db: EngineDatabase, project: SampleProject) => Promise<void>,
  revisions: readonly RevisionSpec[] = sampleRevisions,
): Promise<void> {
  const project = writeProject(revisions);
  const db = await engine.open();
  try {
    await body(db, project);
  } finally {
    await db.cleanup();
    project.remove();
  }
}

function migratorFor(db: EngineDatabase, dir: string, extra: Partial<MigratorOptions> = {}): Migrator {
  // PostgreSQL: the migrator opens its own sessions from the URL (the real path);
  // PGlite in memory: it borrows the test's instance.
  return new Migrator({
    config: { cwd: dir, databaseUrl: db.url },
    ...(db.url === undefined ? { connection: db.connection } : {}),
    ...extra,
  });
}

/**
 * 0003 and 0004 are independent branches: the graph decides their order (Alembic's
 * walk), so the runtime's tests accept either and check everything else exactly.
 */
function assertProgress(actual: readonly string[], expected: readonly string[]): void {
  const canonical = (lines: readonly string[]) => {
    const copy = [...lines];
    for (let i = 0; i + 1 < copy.length; i++) {
      if (copy[i]!.includes("-> 0004, feature_b") && copy[i + 1]!.includes("-> 0003, feature_a")) [copy[i], copy[i + 1]] = [copy[i + 1]!, copy[i]!];
    }
    return copy;
  };
  assert.deepEqual(canonical(actual), canonical(expected));
}

async function ranRevisions(db: EngineDatabase): Promise<string[]> {
  return (await db.rows("SELECT revision FROM ran ORDER BY revision")).map((r) => String(r.revision));
}

async function tableExists(db: EngineDatabase, name: string): Promise<boolean> {
  return (await db.rows(`SELECT to_regclass('${name}') IS NOT NULL AS present`))[0]?.present === true;
}

for (const engine of engines) {
  describe(`Migrator (${engine.name})`, () => {
    test("upgrade head from an empty database runs every revision once and reports progress", async () => {
      await withSample(engine, async (db, project) => {
        const progress: string[] = [];
        const migrator = migratorFor(db, project.dir, { onProgress: (line) => progress.push(line) });
        assert.deepEqual(await migrator.currentHeads(), []);
        const result = await migrator.upgrade("head");
        assert.deepEqual(result.after, ["0006"]);
        assert.deepEqual(await versionRows(db), ["0006"]);
        assert.deepEqual(await ranRevisions(db), ["0001", "0002", "0003", "0004", "0005", "0006"]);
        assertProgress(progress, [
          "Running upgrade  -> 0001, initial_schema",
          "Running upgrade 0001 -> 0002, add_email",
          "Running upgrade 0002 -> 0003, feature_a",
          "Running upgrade 0002 -> 0004, feature_b",
          "Running upgrade 0003, 0004 -> 0005, merge_heads",
          "Running upgrade 0005 -> 0006, after_merge",
        ]);
        assert.deepEqual(await db.rows("SELECT shout('hi') AS s"), [{ s: "HI!" }]);
        assert.deepEqual(
          await db.rows(
            "SELECT note FROM (SELECT column_default AS note FROM information_schema.columns WHERE table_name = 'feature_a' AND column_name = 'note') d",
          ),
          [{ note: "'it''s; here'::text" }],
        );
        assert.deepEqual((await migrator.upgrade("head")).steps, [], "a second upgrade has nothing to do");
        assert.deepEqual(await migrator.currentHeads(), ["0006"]);
      });
    });

    test("upgrade +1 at a time moves the version table one step each, through the branch point and the merge", async () => {
      await withSample(engine, async (db, project) => {
        const migrator = migratorFor(db, project.dir);
        const expected = [["0001"], ["0002"], ["0003"], ["0003", "0004"], ["0005"], ["0006"]];
        await migrator.upgrade("+1");
        assert.deepEqual(await versionRows(db), expected[0]);
        await migrator.upgrade("+1");
        assert.deepEqual(await versionRows(db), expected[1]);
        await migrator.upgrade("0003");
        assert.deepEqual(await versionRows(db), expected[2]);
        await migrator.upgrade("0004");
        assert.deepEqual(await versionRows(db), expected[3]);
        await migrator.upgrade("0005");
        assert.deepEqual(await versionRows(db), expected[4]);
        await migrator.upgrade("+1");
        assert.deepEqual(await versionRows(db), expected[5]);
      });
    });

    test("downgrade -1, then down through the merge to 0002 (-1 at a merge is ambiguous), then to base", async () => {
      await withSample(engine, async (db, project) => {
        const progress: string[] = [];
        const migrator = migratorFor(db, project.dir, { onProgress: (line) => progress.push(line) });
        await migrator.upgrade("head");
        progress.length = 0;
        await migrator.downgrade("-1");
        assert.deepEqual(await versionRows(db), ["0005"]);
        assert.equal(await tableExists(db, "ix_users_name"), false);
        await assert.rejects(migrator.downgrade("-1"), (error: unknown) => error instanceof AthanorError && error.code === "AMBIGUOUS_WALK");
        await migrator.downgrade("0002");
        assert.deepEqual(await versionRows(db), ["0002"]);
        assert.equal(await tableExists(db, "feature_a"), false);
        assert.equal(await tableExists(db, "feature_b"), false);
        await migrator.downgrade("base");
        assert.deepEqual(await versionRows(db), []);
        assert.equal(await tableExists(db, "users"), false);
        assert.equal(await tableExists(db, "alembic_version"), true, "online, the empty table stays (as in Alembic)");
        assert.deepEqual(progress.slice(0, 2), ["Running downgrade 0006 -> 0005, after_merge", "Running downgrade 0005 -> 0003, 0004, merge_heads"]);
        assert.equal(progress.length, 6);
        assert.equal(progress.at(-1), "Running downgrade 0001 -> , initial_schema");
      });
    });

    test("stamp adopts a database built without migrations; upgrade continues from there", async () => {
      await withSample(engine, async (db, project) => {
        await db.connection.exec(
          "CREATE TABLE ran (revision text NOT NULL, at timestamptz NOT NULL DEFAULT now()); CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);",
        );
        const progress: string[] = [];
        const migrator = migratorFor(db, project.dir, { onProgress: (line) => progress.push(line) });
        await migrator.stamp(["0001"]);
        assert.deepEqual(await versionRows(db), ["0001"]);
        assert.deepEqual(progress, ["Running stamp_revision  -> 0001"]);
        await migrator.upgrade("head");
        assert.deepEqual(await versionRows(db), ["0006"]);
        assert.deepEqual(await ranRevisions(db), ["0002", "0003", "0004", "0005", "0006"]);
        await migrator.stamp(["heads"], { purge: true });
        assert.deepEqual(await versionRows(db), ["0006"]);
      });
    });

    test("stamp --purge rewrites a version table naming a revision no file defines; other commands refuse it", async () => {
      await withSample(engine, async (db, project) => {
        const migrator = migratorFor(db, project.dir);
        await migrator.stamp(["0002"]);
        await db.connection.exec("UPDATE alembic_version SET version_num = 'dead'");
        await assert.rejects(
          migrator.upgrade("head"),
          (error: unknown) =>
            error instanceof AthanorError &&
            error.code === "UNKNOWN_DATABASE_REVISION" &&
            /'dead'/.test(error.message) &&
            /stamp --purge/.test(error.hint ?? ""),
        );
        await migrator.stamp(["0002"], { purge: true });
        assert.deepEqual(await versionRows(db), ["0002"]);
      });
    });

    test("reset downgrades to base and upgrades to head again", async () => {
      await withSample(engine, async (db, project) => {
        const progress: string[] = [];
        const migrator = migratorFor(db, project.dir, { onProgress: (line) => progress.push(line) });
        await migrator.upgrade("0003");
        await db.connection.exec("INSERT INTO users (name) VALUES ('gone after reset')");
        progress.length = 0;
        const result = await migrator.reset();
        assert.deepEqual(result.before, ["0003"]);
        assert.deepEqual(await versionRows(db), ["0006"]);
        assert.deepEqual(await db.rows("SELECT count(*)::int AS n FROM users"), [{ n: 0 }]);
        assertProgress(progress, [
          "Running downgrade 0003 -> 0002, feature_a",
          "Running downgrade 0002 -> 0001, add_email",
          "Running downgrade 0001 -> , initial_schema",
          "Running upgrade  -> 0001, initial_schema",
          "Running upgrade 0001 -> 0002, add_email",
          "Running upgrade 0002 -> 0003, feature_a",
          "Running upgrade 0002 -> 0004, feature_b",
          "Running upgrade 0003, 0004 -> 0005, merge_heads",
          "Running upgrade 0005 -> 0006, after_merge",
        ]);
      });
    });

    test("upgrade head refuses two heads and names the merge command; upgrade heads applies both", async () => {
      await withSample(
        engine,
        async (db, project) => {
          const migrator = migratorFor(db, project.dir);
          await assert.rejects(migrator.upgrade("head"), (error: unknown) => {
            assert.ok(error instanceof AthanorError);
            assert.equal(error.code, "MULTIPLE_HEADS");
            assert.match(`${error.message}\n${error.hint}`, /athanor merge -m "merge_heads" heads/);
            return true;
          });
          assert.deepEqual(await versionRows(db), [], "nothing ran");
          await assert.rejects(migrator.reset(), (error: unknown) => error instanceof AthanorError && error.code === "MULTIPLE_HEADS");
          await migrator.upgrade("heads");
          assert.deepEqual(await versionRows(db), ["0003", "0004"]);
          await migrator.downgrade("0002");
          assert.deepEqual(await versionRows(db), ["0002"]);
        },
        sampleRevisions.slice(0, 4),
      );
    });

    test("a failing revision mid-run: earlier revisions stay, it rolls back, the error names revision, file and statement", async () => {
      const failing: RevisionSpec = { ...sampleRevisions[4]!, up: ["CREATE TABLE merged (id int PRIMARY KEY)", "INSERT INTO merged (id) VALUES (1), (1)"] };
      await withSample(
        engine,
        async (db, project) => {
          const migrator = migratorFor(db, project.dir);
          await assert.rejects(migrator.upgrade("head"), (error: unknown) => {
            assert.ok(error instanceof AthanorError);
            assert.equal(error.code, "MIGRATION_FAILED");
            assert.match(error.message, /^upgrade 0003, 0004 -> 0005 failed \(revision 0005, versions\/20250101_0005_merge_heads\.ts\)/);
            assert.match(error.message, /statement: INSERT INTO merged \(id\) VALUES \(1\), \(1\)/);
            assert.match(error.message, /error: duplicate key value violates unique constraint "merged_pkey"/);
            assert.match(error.message, /detail: Key \(id\)=\(1\) already exists\./);
            assert.match(error.hint ?? "", /version table is at 000[34], 000[34]/);
            assert.equal(error.details?.sqlState, "23505");
            return true;
          });
          assert.deepEqual(await versionRows(db), ["0003", "0004"]);
          assert.deepEqual(await ranRevisions(db), ["0001", "0002", "0003", "0004"]);
          assert.equal(await tableExists(db, "merged"), false, "the failing revision rolled back");
          assert.equal(await tableExists(db, "ix_users_name"), false, "no step after the failure ran");
        },
        [...sampleRevisions.slice(0, 4), failing, sampleRevisions[5]!],
      );
    });
  });
}

describe("Migrator offline", () => {
  test("upgrade --sql from base prints the CREATE TABLE and the very statements of each revision", async () => {
    const project = writeProject();
    try {
      let text = "";
      const migrator = new Migrator({ config: { cwd: project.dir, databaseUrl: "postgres://nobody:secret@127.0.0.1:1/none", historyTable: false } });
      await migrator.upgrade("0002", { sql: true, output: { write: (t: string) => (text += t) } });
      assert.equal(
        text,
        `BEGIN;
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
-- Running upgrade  -> 0001
CREATE TABLE ran (revision text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO ran (revision) VALUES ('0001');
INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;
COMMIT;
BEGIN;
-- Running upgrade 0001 -> 0002
ALTER TABLE users ADD COLUMN email varchar(100);
INSERT INTO ran (revision) VALUES ('0002');
UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';
COMMIT;
`,
      );
    } finally {
      project.remove();
    }
  });

  test("a range starts the script at its first revision, without CREATE TABLE", async () => {
    const project = writeProject();
    try {
      let text = "";
      await new Migrator({ config: { cwd: project.dir, historyTable: false } }).upgrade("0005:0006", {
        sql: true,
        output: { write: (t: string) => (text += t) },
      });
      assert.match(text, /^BEGIN;\n-- Running upgrade 0005 -> 0006\nCREATE FUNCTION shout/);
      assert.ok(!text.includes("CREATE TABLE alembic_version"));
    } finally {
      project.remove();
    }
  });

  test("downgrade --sql needs a range, and to base ends with DROP TABLE", async () => {
    const project = writeProject();
    try {
      const migrator = new Migrator({ config: { cwd: project.dir, historyTable: false } });
      await assert.rejects(migrator.downgrade("-1", { sql: true, output: { write: () => {} } }), /downgrade with --sql requires <fromrev>:<torev>/);
      let text = "";
      await migrator.downgrade("0002:base", { sql: true, output: { write: (t: string) => (text += t) }, transactionMode: "all" });
      assert.ok(text.endsWith("DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';\nDROP TABLE alembic_version;\nCOMMIT;\n"), text);
    } finally {
      project.remove();
    }
  });

  test("downgrade --sql without a range names the target, a 100,000-character one cut, in the message and in the example", async () => {
    const project = writeProject();
    try {
      const migrator = new Migrator({ config: { cwd: project.dir, historyTable: false } });
      const long = "é".repeat(100_000);
      const error = await migrator.downgrade(long, { sql: true, output: { write: () => {} } }).then(
        () => assert.fail("downgrade --sql without a range ran"),
        (e: unknown) => e as AthanorError,
      );
      assert.match(error.message, /^downgrade with --sql requires <fromrev>:<torev>: 'é{80}… \(100000 characters\)' says only where the script ends$/);
      assert.ok(error.hint!.length < 300, error.hint);
      assert.match(error.hint!, /e\.g\. athanor downgrade \S+:<torev> --sql$/);
      await assert.rejects(migrator.downgrade("-1", { sql: true, output: { write: () => {} } }), /requires <fromrev>:<torev>: '-1' says only/);
      // A blank target is not typed back into the example (`0006:  --sql` would be a different command).
      await assert.rejects(migrator.downgrade(" ", { sql: true, output: { write: () => {} } }), (e: unknown) =>
        /e\.g\. athanor downgrade \S+:<torev> --sql$/.test((e as AthanorError).hint ?? ""),
      );
    } finally {
      project.remove();
    }
  });
});
