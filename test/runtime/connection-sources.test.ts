// An application's own driver objects as Migrator connections: a pg Pool, pg Clients
// and a PGlite instance. Two migrators start `upgrade head` at once through each, and
// every revision runs exactly once (the `ran` table) with the database at head.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { Migrator, fromPgClient, type MigratorConnection } from "../../src/index.js";
import { createTestDatabase } from "../helpers/database.js";
import { writeProject } from "./sample-project.js";

const project = writeProject();
after(() => project.remove());
const revisions = ["0001", "0002", "0003", "0004", "0005", "0006"];

async function migrateTwiceAtOnce(connections: [MigratorConnection, MigratorConnection]) {
  const results = await Promise.all(connections.map((connection) => new Migrator({ config: { cwd: project.dir }, connection }).upgrade("head")));
  return results.map((result) => result.steps.length).sort();
}

async function assertMigratedOnce(query: (sql: string) => Promise<Record<string, unknown>[]>) {
  const ran = await query("SELECT revision, count(*)::int AS n FROM ran GROUP BY revision ORDER BY revision");
  assert.deepEqual(
    ran.map((row) => ({ ...row })),
    revisions.map((revision) => ({ revision, n: 1 })),
  );
  assert.deepEqual(
    (await query("SELECT version_num FROM alembic_version")).map((row) => row.version_num),
    ["0006"],
  );
}

test("two migrators on one pg Pool migrate once, each run on a client of its own, and give the clients back", async () => {
  const database = await createTestDatabase("pool");
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  try {
    assert.deepEqual(await migrateTwiceAtOnce([pool, pool]), [0, 6]);
    await assertMigratedOnce(async (sql) => (await pool.query(sql)).rows);
    assert.equal(pool.idleCount, pool.totalCount, "every client is back in the pool");
    // pg_locks is the whole server's: other test files migrate other databases meanwhile.
    const locks = await pool.query(
      "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    assert.equal(locks.rows[0].n, 0, "no advisory lock is left behind");
  } finally {
    await pool.end();
    await database.drop();
  }
});

test("the pooled client goes back with the application's own timeouts, not the run's", async () => {
  const database = await createTestDatabase("poolset");
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  pool.on("connect", (client) => void client.query("SET statement_timeout = '7s'; SET lock_timeout = '3s'"));
  try {
    const migrator = new Migrator({ config: { cwd: project.dir, statementTimeout: 300_000, lockTimeout: 60_000 }, connection: pool });
    assert.equal((await migrator.upgrade("head")).steps.length, 6);
    const settings = await pool.query(
      "SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock, current_setting('client_connection_check_interval') AS check",
    );
    assert.deepEqual({ ...settings.rows[0] }, { statement: "7s", lock: "3s", check: "0" });
    assert.equal(pool.totalCount, 1, "the same client, given back (not destroyed)");
  } finally {
    await pool.end();
    await database.drop();
  }
});

test("two migrators on two pg Clients migrate once and leave the clients open", async () => {
  const database = await createTestDatabase("client");
  const clients = [new pg.Client({ connectionString: database.url }), new pg.Client({ connectionString: database.url })] as const;
  try {
    for (const client of clients) await client.connect();
    assert.deepEqual(await migrateTwiceAtOnce([fromPgClient(clients[0]), clients[1]]), [0, 6]);
    await assertMigratedOnce(async (sql) => (await clients[0].query(sql)).rows);
  } finally {
    for (const client of clients) await client.end().catch(() => {});
    await database.drop();
  }
});

test("two migrators on one PGlite instance migrate once, one run after the other", async () => {
  const db = await PGlite.create();
  try {
    assert.deepEqual(await migrateTwiceAtOnce([db, db]), [0, 6]);
    await assertMigratedOnce(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await db.close();
  }
});

test("a connection that is none of those is refused when the Migrator is made", () => {
  assert.throws(() => new Migrator({ connection: {} as never }), /not a pg Pool, a pg Client or a PGlite instance/);
});
