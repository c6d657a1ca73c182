// The PostgreSQL server restarts while athanor runs a revision (a failover, a
// maintenance restart): a clear error naming the revision and the lost connection, a
// non-zero exit without a stack trace, nothing half-applied, and the rerun finishes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startLocalServer, type LocalServer } from "../helpers/postgres-server.js";
import { query, sleepingBackend, startCli, waitFor, writeSlowProject } from "./slow-project.js";

describe("server restarted mid-run", () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer();
  });
  after(() => server?.stop());

  for (const mode of ["fast", "immediate"] as const) {
    test(`restart -m ${mode} during revision 0003: the error names the revision and the lost connection; the rerun finishes`, async () => {
      const project = writeSlowProject();
      const name = `restart_${mode}`;
      await query(server.url, `CREATE DATABASE ${name}`);
      const url = server.url.replace(/\/postgres$/, `/${name}`);
      try {
        const run = startCli(project.dir, ["upgrade", "--url", url]);
        await waitFor("0003's pg_sleep in pg_stat_activity", 30_000, async () => (await sleepingBackend(url, name)) !== undefined);
        server.restart(mode);
        const ended = await run.done;
        assert.notEqual(ended.code, 0);
        assert.equal(ended.code, 4, "a lost connection exits with the database exit code");
        assert.match(ended.stderr, /Running upgrade 0002 -> 0003, long_backfill/);
        assert.match(
          ended.stderr,
          /error: upgrade 0002 -> 0003 \(revision 0003, versions\/20250101_0003_long_backfill\.sql:6\): the connection to the database was lost/,
        );
        assert.match(ended.stderr, /this step is not applied/);
        assert.match(ended.stderr, /hint: once the server is back, run the command again/);
        assert.doesNotMatch(ended.stderr, /^\s+at /m, "no stack trace without --debug");

        await waitFor("the restarted server to accept connections", 30_000, async () => (await query(url, "SELECT 1 AS up")).length === 1);
        assert.deepEqual(await query(url, "SELECT version_num FROM alembic_version"), [{ version_num: "0002" }]);
        assert.deepEqual(await query(url, "SELECT to_regclass('slow_work') IS NULL AS rolled_back"), [{ rolled_back: true }]);
        assert.deepEqual(
          (await query(url, "SELECT revision FROM athanor_history ORDER BY id")).map((r) => r.revision),
          ["0001", "0002"],
        );

        await query(url, "CREATE TABLE fast_rerun ()");
        const rerun = await startCli(project.dir, ["upgrade", "--url", url]).done;
        assert.equal(rerun.code, 0, rerun.stderr);
        assert.deepEqual(await query(url, "SELECT version_num FROM alembic_version"), [{ version_num: "0004" }]);
        assert.deepEqual(
          (await query(url, "SELECT revision FROM ran ORDER BY revision")).map((r) => r.revision),
          ["0001", "0002", "0003", "0004"],
        );
      } finally {
        project.remove();
      }
    });
  }
});
