// Revisions that fail while they run: the failing step rolls back, earlier steps stay
// applied, the version table says exactly what was applied, and the message names the
// revision, its file, the statement and Postgres's own words.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import pg from "pg";
import { createTestDatabase } from "../helpers/database.js";
import { ensureBuilt, makeProject, runCli } from "./cli-harness.js";
import { assertRefusal, checkBadInput } from "./refusal.js";
import { baseRevision, fileFor, linearFiles, sqlRevision, tsRevision } from "./revision-sources.js";

async function rows(url: string, sql: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows.map((row: Record<string, unknown>) => String(Object.values(row)[0]));
  } finally {
    await client.end();
  }
}

describe("failures while running", { concurrency: 4 }, () => {
  before(ensureBuilt);

  test("a revision whose upgrade throws stops the run there: earlier revisions stay applied, the table names the last good one", async () => {
    const project = makeProject({
      ...linearFiles(2),
      [fileFor("0003")]: tsRevision({
        id: "0003",
        down: "0002",
        upBody: '  await op.execute("CREATE TABLE half_done (id int)");\n  throw new Error("the backfill found 3 orphan rows");',
      }),
      [fileFor("0004")]: tsRevision({ id: "0004", down: "0003" }),
    });
    const db = await createTestDatabase("bad");
    try {
      const result = await runCli(project.dir, ["upgrade", "--url", db.url]);
      assertRefusal(result, { exit: 1, names: ["0003", "versions/20250101_0003_rev.ts", "the backfill found 3 orphan rows"] });
      assert.deepEqual(await rows(db.url, "SELECT version_num FROM alembic_version"), ["0002"]);
      assert.deepEqual(await rows(db.url, "SELECT revision FROM ran ORDER BY 1"), ["0001", "0002"]);
      assert.deepEqual(await rows(db.url, "SELECT to_regclass('half_done') IS NULL"), ["true"], "the failed step's table was rolled back");
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("an SQL syntax error names the revision, file, statement, Postgres's message and position", async () => {
    await checkBadInput({
      files: {
        [fileFor("0001")]: baseRevision,
        [fileFor("0002", "sql")]: sqlRevision({ id: "0002", down: "0001", up: ["CREATE TABLE fine (id int);", "CREATE TABEL oops (id int);"] }),
      },
      prepare: [["upgrade", "0001"]],
      args: ["upgrade"],
      exit: 1,
      names: ["0002", "versions/20250101_0002_rev.sql", "CREATE TABEL oops (id int)", 'syntax error at or near "TABEL"', /position|line \d+|\^/],
    });
  });

  test("CREATE INDEX CONCURRENTLY in a transactional SQL revision is refused with the fix", async () => {
    await checkBadInput({
      files: {
        [fileFor("0001")]: baseRevision,
        [fileFor("0002", "sql")]: sqlRevision({ id: "0002", down: "0001", up: ["CREATE INDEX CONCURRENTLY ix_ran_revision ON ran (revision);"] }),
      },
      prepare: [["upgrade", "0001"]],
      args: ["upgrade"],
      // A step that cannot run is a failed step (1) or a wrong revision file (3).
      exit: [1, 3],
      names: ["0002", "versions/20250101_0002_rev.sql", "CONCURRENTLY", "transactional: false"],
    });
  });

  test("CREATE INDEX CONCURRENTLY through op.execute in a transactional TypeScript revision is refused with the fix", async () => {
    await checkBadInput({
      files: {
        [fileFor("0001")]: baseRevision,
        [fileFor("0002")]: tsRevision({ id: "0002", down: "0001", up: ["CREATE INDEX CONCURRENTLY ix_ran_revision ON ran (revision)"] }),
      },
      prepare: [["upgrade", "0001"]],
      args: ["upgrade"],
      exit: [1, 3],
      names: ["0002", "versions/20250101_0002_rev.ts", "autocommitBlock", "transactional = false"],
    });
  });

  test("op.query in --sql mode is refused naming the revision and file, and leaves no partial script", async () => {
    await checkBadInput({
      files: {
        ...linearFiles(2),
        [fileFor("0003")]: tsRevision({
          id: "0003",
          down: "0002",
          upBody: '  const { rows } = await op.query("SELECT count(*) AS n FROM ran");\n  void rows;',
        }),
      },
      database: "none",
      args: ["upgrade", "0001:head", "--sql", "--output", "deploy.sql"],
      exit: 2,
      names: ["op.query()", "0003", "versions/20250101_0003_rev.ts", "without --sql"],
    });
  });
});
