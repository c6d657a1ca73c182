// runTargets from code, on the embedded engine: one PGlite database, many schemas, one
// session (parallel 1). Typed per-target results; the revisions' unqualified names land
// in each schema; drift through the same call.
import { PGlite } from "@electric-sql/pglite";
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { openProject, runTargets } from "../../src/index.js";
import { openConnection } from "../../src/runtime/connection.js";
import { parseDatabaseUrl } from "../../src/runtime/database-url.js";
import { revisionIds, tenProject } from "../cli/targets-project.js";

test("runTargets upgrades every schema of one PGlite database over one session, and current --targets reads the drift", async () => {
  const project = tenProject();
  const dataDir = path.join(project.dir, "db");
  try {
    // Opened the way athanor opens it: a new data directory is unpacked from the template, not initdb'd.
    const setup = await openConnection(parseDatabaseUrl(`pglite://${dataDir}`, project.dir));
    await setup.exec("CREATE SCHEMA shard_1; CREATE SCHEMA shard_2; CREATE SCHEMA shard_3; CREATE TABLE shard_3.t0003 (conflict int)");
    await setup.close();
    const opened = await openProject({ cwd: project.dir, overrides: { databaseUrl: `pglite://${dataDir}` } });
    const done: string[] = [];
    const result = await runTargets({
      project: opened,
      targets: "shard_*",
      command: "upgrade",
      parallel: 1,
      onTargetDone: (target, progress) => done.push(`${target.target} ${progress.done}/${progress.total}`),
    });
    assert.equal(result.ok, false);
    assert.deepEqual(done, ["shard_1 1/3", "shard_2 2/3", "shard_3 3/3"]);
    assert.deepEqual(
      result.results.map((r) => [r.target, r.status, r.before, r.after, r.steps]),
      [
        ["shard_1", "applied", [], ["0010"], 10],
        ["shard_2", "applied", [], ["0010"], 10],
        ["shard_3", "failed", [], ["0002"], 0],
      ],
    );
    assert.match(result.results[2]!.error!.message, /relation "t0003" already exists/);

    const current = await runTargets({ project: opened, targets: ["shard_1", "shard_3"], command: "current", parallel: 1 });
    assert.equal(current.ok, true);
    assert.deepEqual(
      current.results.map((r) => [r.target, r.status, r.behind]),
      [
        ["shard_1", "at-head", 0],
        ["shard_3", "behind", 8],
      ],
    );
    const check = await runTargets({ project: opened, targets: "shard_1,shard_3", command: "check", parallel: 1 });
    assert.equal(check.ok, false, "check fails while a target is behind");

    const db = await PGlite.create(dataDir);
    try {
      const rows = await db.query<{ revision: string }>("SELECT revision FROM shard_2.side_effects ORDER BY revision");
      assert.deepEqual(
        rows.rows.map((r) => r.revision),
        revisionIds,
      );
      const version = await db.query<{ version_num: string }>("SELECT version_num FROM shard_1.alembic_version");
      assert.deepEqual(version.rows, [{ version_num: "0010" }]);
      assert.deepEqual((await db.query("SELECT to_regclass('public.t0001') IS NULL AS none")).rows, [{ none: true }]);
    } finally {
      await db.close();
    }
  } finally {
    project.remove();
  }
});
