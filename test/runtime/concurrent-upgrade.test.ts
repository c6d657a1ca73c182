// Eight processes start `upgrade head` on one database at once (eight deployments of
// one service): the advisory lock makes exactly one of them migrate; each revision's
// upgrade runs once (the `ran` table proves it) and the others find nothing to do.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createTestDatabase } from "../helpers/database.js";
import { writeProject } from "./sample-project.js";

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "upgrade-head.ts");

function runUpgrade(cwd: string, url: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, cwd, url], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

test("8 processes running upgrade head at once: all succeed, each revision runs exactly once", async () => {
  const project = writeProject();
  const database = await createTestDatabase("conc");
  try {
    const results = await Promise.all(Array.from({ length: 8 }, () => runUpgrade(project.dir, database.url)));
    for (const result of results) assert.equal(result.code, 0, `${result.out}\n${result.err}`);
    const outcomes = results.map((r) => JSON.parse(r.out.trim()) as { ok: boolean; steps: number });
    assert.equal(outcomes.filter((o) => o.steps === 6).length, 1, "one process applied the six revisions");
    assert.equal(outcomes.filter((o) => o.steps === 0).length, 7, "the others found the database at head after the lock");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const ran = await client.query("SELECT revision, count(*)::int AS n FROM ran GROUP BY revision ORDER BY revision");
      assert.deepEqual(
        ran.rows,
        ["0001", "0002", "0003", "0004", "0005", "0006"].map((revision) => ({ revision, n: 1 })),
      );
      assert.deepEqual((await client.query("SELECT version_num FROM alembic_version")).rows, [{ version_num: "0006" }]);
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
    project.remove();
  }
});
