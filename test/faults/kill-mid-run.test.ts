// kill -9 of athanor in the middle of a long revision (a deployment killed by its
// orchestrator): the server rolls the revision back, the advisory lock dies with the
// session (no manual unlock, unlike knex's lock row), and the next run finishes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestDatabase } from "../helpers/database.js";
import { query, sleepingBackend, startCli, waitFor, writeSlowProject } from "./slow-project.js";

test("kill -9 during revision 0003: 0003 not applied, table at 0002, lock gone, history 0001-0002, rerun completes", async () => {
  const project = writeSlowProject();
  const database = await createTestDatabase("kill");
  const url = database.url;
  try {
    const run = startCli(project.dir, ["upgrade", "--url", url]);
    let backend: number | undefined;
    await waitFor("0003's pg_sleep in pg_stat_activity", 30_000, async () => (backend = await sleepingBackend(url, database.name)) !== undefined);
    run.child.kill("SIGKILL");
    const ended = await run.done;
    assert.equal(ended.signal, "SIGKILL");

    // No pg_terminate_backend: the server has to notice the closed socket by itself.
    const noticed = await waitFor("the killed run's backend and its advisory lock to go", 45_000, async () => {
      const alive = await query(url, "SELECT 1 FROM pg_stat_activity WHERE pid = $1", [backend]);
      const locks = await query(url, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = $1)", [
        database.name,
      ]);
      return alive.length === 0 && locks.length === 0;
    });
    const [{ version }] = (await query(url, "SELECT current_setting('server_version_num')::int AS version")) as [{ version: number }];
    if (version >= 140000) assert.ok(noticed < 10_000, `client_connection_check_interval ends the orphaned statement quickly (took ${noticed} ms)`);

    assert.deepEqual(await query(url, "SELECT version_num FROM alembic_version"), [{ version_num: "0002" }]);
    assert.deepEqual(await query(url, "SELECT to_regclass('slow_work') IS NULL AS rolled_back"), [{ rolled_back: true }]);
    assert.deepEqual(
      (await query(url, "SELECT revision, direction FROM athanor_history ORDER BY id")).map((r) => `${r.direction} ${r.revision}`),
      ["upgrade 0001", "upgrade 0002"],
    );

    await query(url, "CREATE TABLE fast_rerun ()");
    const rerun = await startCli(project.dir, ["upgrade", "--url", url, "--lock-timeout", "10s"]).done;
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stderr, /Running upgrade 0002 -> 0003, long_backfill/);
    assert.deepEqual(await query(url, "SELECT version_num FROM alembic_version"), [{ version_num: "0004" }]);
    assert.deepEqual(
      (await query(url, "SELECT revision FROM ran ORDER BY revision")).map((r) => r.revision),
      ["0001", "0002", "0003", "0004"],
    );
    assert.deepEqual(
      (await query(url, "SELECT revision FROM athanor_history ORDER BY id")).map((r) => r.revision),
      ["0001", "0002", "0003", "0004"],
    );
  } finally {
    await database.drop();
    project.remove();
  }
});
