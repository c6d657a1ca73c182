// kill -9 of `upgrade --targets` while tenants are migrating (a deploy killed by its
// orchestrator), at a seeded random moment: each tenant's open revision rolls back with
// its version row, the rerun continues where each tenant stands, and every revision has
// run exactly once in every tenant (each inserts one row into the tenant's side_effects).
import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../helpers/seeded-random.js";
import { revisionIds, tenantDatabase, tenantName, tenProject } from "../cli/targets-project.js";
import { startCli, waitFor } from "./slow-project.js";

const TENANTS = 100;

for (const seed of [1, 2]) {
  test(`kill -9 during upgrade --targets of ${TENANTS} tenant schemas x 10 revisions (seed ${seed}), then a rerun: all at head, each revision applied once`, async () => {
    // A short sleep in every revision keeps the run going for a few seconds.
    const project = tenProject("SELECT pg_sleep(0.002);");
    const db = await tenantDatabase(TENANTS);
    const started = async () =>
      Number(
        (await db.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'alembic_version' AND relnamespace::regnamespace::text LIKE 'tenant_%'"))[0]!
          .n,
      );
    try {
      const run = startCli(project.dir, ["upgrade", "--targets", "tenant_*", "--parallel", "4", "--url", db.url]);
      await waitFor("ten tenants to have started", 60_000, async () => (await started()) >= 10);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(seededRandom(seed)() * 500)));
      run.child.kill("SIGKILL");
      const ended = await run.done;
      assert.equal(ended.signal, "SIGKILL", `the run was still going when killed (seed ${seed})\n${ended.stdout}`);
      const midway = await db.versions(TENANTS);
      assert.ok(
        [...midway.values()].some((rows) => rows[0] !== revisionIds.at(-1)),
        "the kill came before every tenant was at head",
      );

      const rerun = await startCli(project.dir, ["upgrade", "--targets", "tenant_*", "--parallel", "4", "--url", db.url, "--lock-timeout", "30s"]).done;
      assert.equal(rerun.code, 0, `seed ${seed}\n${rerun.stdout}\n${rerun.stderr}`);
      const versions = await db.versions(TENANTS);
      const effects = await db.sideEffects(TENANTS);
      for (let i = 1; i <= TENANTS; i++) {
        const name = tenantName(i);
        assert.deepEqual(versions.get(name), [revisionIds.at(-1)], `${name} at head (seed ${seed})`);
        assert.deepEqual(
          effects.get(name),
          revisionIds.map((id) => `${id}x1`),
          `${name}: each revision once (seed ${seed})`,
        );
      }
    } finally {
      await db.drop();
      project.remove();
    }
  });
}
