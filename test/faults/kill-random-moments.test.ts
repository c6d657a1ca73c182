// kill -9 at seeded random moments (during start-up, the lock, the data directory open,
// a revision, its bookkeeping) on a plan mixing transactional and non-transactional
// revisions, in both transaction modes, on PostgreSQL and PGlite. After the reruns every
// revision has run exactly once (the `ran` table, which a non-transactional revision
// writes outside any transaction), or a rerun stopped naming the revision to check and
// was settled the way its message says (stamp it if its effect is there, else stamp
// where the version table is and run again). 20 kills in all; a run that reaches head
// before its kill is checked, and the next starts over on an empty database.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { createTestDatabase } from "../helpers/database.js";
import { seededRandom } from "../helpers/seeded-random.js";
import { openConnection } from "../../src/runtime/connection.js";
import { parseDatabaseUrl } from "../../src/runtime/database-url.js";
import { writeProject, type RevisionSpec } from "../runtime/sample-project.js";
import { query, startCli } from "./slow-project.js";

const ids = ["0001", "0002", "0003", "0004", "0005", "0006"];
const mixed: RevisionSpec[] = ids.map((id, index) => ({
  id,
  down: index === 0 ? null : ids[index - 1]!,
  format: index % 3 === 1 ? "ts" : "sql",
  transactional: index % 2 === 0,
  up: [...(index === 0 ? ["CREATE TABLE ran (revision text NOT NULL)"] : []), "SELECT pg_sleep(0.03)", `INSERT INTO ran (revision) VALUES ('${id}')`],
  downSql: [],
}));

type Look = (sql: string) => Promise<Record<string, unknown>[]>;

interface Engine {
  readonly name: string;
  /** Kills per transaction mode. */
  readonly kills: number;
  start(): Promise<{ url: string; look: Look; reset(): Promise<void>; drop(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: "postgres",
    kills: 6,
    async start() {
      const database = await createTestDatabase("killrand");
      const look: Look = (sql) => query(database.url, sql);
      const reset = async () => void (await look("DROP TABLE ran, alembic_version, athanor_history, athanor_history_started"));
      return { url: database.url, look, reset, drop: () => database.drop() };
    },
  },
  {
    name: "pglite",
    kills: 4,
    async start() {
      const dir = mkdtempSync(path.join(tmpdir(), "athanor-killrand-"));
      const url = `pglite://${path.join(dir, "data")}`;
      const look: Look = async (sql) => {
        const connection = await openConnection(parseDatabaseUrl(url, "/"), { lockTimeout: 10_000 });
        try {
          return (await connection.query(sql)).rows;
        } finally {
          await connection.close();
        }
      };
      const remove = async () => rmSync(dir, { recursive: true, force: true });
      return { url, look, reset: async () => rmSync(path.join(dir, "data"), { recursive: true, force: true }), drop: remove };
    },
  },
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of engines) {
  describe(`kill -9 at random moments (${engine.name})`, () => {
    for (const mode of ["each", "all"] as const) {
      test(`--transaction ${mode}: ${engine.kills} kills, then reruns: every revision applied exactly once`, async () => {
        const random = seededRandom(engine.name.length * 100 + (mode === "each" ? 1 : 2));
        const project = writeProject(mixed);
        const database = await engine.start();
        const args = ["--url", database.url, "--lock-timeout", "20s"];
        const upgrade = () => startCli(project.dir, ["upgrade", "head", "--transaction", mode, ...args]);
        try {
          const events: string[] = [];
          // Settles what the run says to check, the way its hint says; returns false when
          // the output is not that refusal.
          const settle = async (stderr: string): Promise<boolean> => {
            const named = /revision (\d{4}) \(.*\) runs outside a transaction and an earlier upgrade of it/.exec(stderr);
            const here = /`athanor stamp ([^`]+)` \(where the version table is now\)/.exec(stderr)?.[1];
            if (named === null || here === undefined) return false;
            const revision = named[1]!;
            const applied = (await database.look(`SELECT count(*)::int AS n FROM ran WHERE revision = '${revision}'`))[0]?.n;
            const stampTo = applied === 1 ? revision : here;
            events.push(`${revision} ${applied === 1 ? "done" : "not run"}: stamp ${stampTo}`);
            const stamp = await startCli(project.dir, ["stamp", stampTo, ...args]).done;
            assert.equal(stamp.code, 0, stamp.stderr);
            return true;
          };
          const verify = async () => {
            const context = events.join(", ");
            const counts = await database.look("SELECT revision, count(*)::int AS n FROM ran GROUP BY revision ORDER BY revision");
            assert.deepEqual(
              counts,
              ids.map((revision) => ({ revision, n: 1 })),
              context,
            );
            assert.deepEqual(await database.look("SELECT version_num FROM alembic_version"), [{ version_num: "0006" }], context);
          };

          let kills = 0;
          for (let runs = 0; kills < engine.kills; runs += 1) {
            assert.ok(runs < engine.kills * 4, `too many runs without a kill: ${events.join(", ")}`);
            const run = upgrade();
            let stderr = "";
            run.child.stderr!.on("data", (chunk) => (stderr += chunk));
            // A quarter of the kills land before any revision (start-up, lock, open).
            if (random() < 0.25) {
              await pause(Math.floor(random() * 400));
            } else {
              const target = ids[Math.floor(random() * ids.length)]!;
              const deadline = Date.now() + 30_000;
              while (!stderr.includes(`-> ${target}`) && run.child.exitCode === null && Date.now() < deadline) await pause(5);
              await pause(Math.floor(random() * 40));
            }
            run.child.kill("SIGKILL");
            const ended = await run.done;
            if (ended.signal === "SIGKILL") {
              kills += 1;
              events.push(`kill at ${ended.stderr.match(/-> (\d{4})[^\n]*\n?$/)?.[1] ?? "start"}`);
            } else if (ended.code === 0) {
              // At head before the kill: check, and start over on an empty database.
              events.push("head");
              await verify();
              await database.reset();
            } else {
              assert.ok(await settle(ended.stderr), `a run fails only to name an interrupted revision:\n${ended.stderr}`);
            }
          }

          for (let attempt = 0; ; attempt += 1) {
            assert.ok(attempt < ids.length + 2, `reruns do not converge: ${events.join(", ")}`);
            const rerun = await upgrade().done;
            if (rerun.code === 0) break;
            assert.equal(rerun.code, 1, rerun.stderr);
            assert.ok(await settle(rerun.stderr), `a rerun fails only to name an interrupted revision:\n${rerun.stderr}`);
          }
          await verify();
        } finally {
          await database.drop();
          project.remove();
        }
      });
    }
  });
}
