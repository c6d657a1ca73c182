// Opening connections: the failures a user meets (refused, bad password, unknown
// database) are one clear line without the password; PGlite data directories are held
// by one process at a time; the advisory lock makes a second session wait and names
// the holder.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import pg from "pg";
import { createTestDatabase, requireServer } from "../helpers/database.js";
import { AthanorError } from "../../src/errors.js";
import { acquireAdvisoryLock, advisoryLockKey } from "../../src/runtime/advisory-lock.js";
import { openConnection } from "../../src/runtime/connection.js";
import { parseDatabaseUrl } from "../../src/runtime/database-url.js";
import { Migrator } from "../../src/runtime/migrator.js";

async function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });
}

function failsWith(pattern: RegExp, secret?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof AthanorError, String(error));
    assert.equal(error.code, "CONNECTION_FAILED");
    assert.match(error.message, pattern);
    assert.ok(error.hint && error.hint.length > 0);
    if (secret) assert.ok(!`${error.message}\n${error.hint}\n${JSON.stringify(error.details)}`.includes(secret));
    return true;
  };
}

describe("pg connections", () => {
  test("connection refused names host:port/db and says to check that PostgreSQL runs", async () => {
    const port = await unusedPort();
    await assert.rejects(
      openConnection(parseDatabaseUrl(`postgres://app:hunter2@127.0.0.1:${port}/shop`, "/")),
      failsWith(new RegExp(`^cannot connect to 127\\.0\\.0\\.1:${port}/shop: connection refused$`), "hunter2"),
    );
  });

  test("an unknown database is named, with createdb as the hint", async () => {
    const url = new URL(requireServer());
    url.pathname = "/no_such_db_athanor";
    url.password = "hunter2";
    await assert.rejects(openConnection(parseDatabaseUrl(url.toString(), "/")), (error: unknown) => {
      failsWith(/: database "no_such_db_athanor" does not exist$/, "hunter2")(error);
      assert.match((error as AthanorError).hint!, /createdb no_such_db_athanor/);
      return true;
    });
  });

  test("a bad password is reported without the password", async (t) => {
    const admin = new pg.Client({ connectionString: requireServer() });
    await admin.connect();
    const hbaFile = String((await admin.query("SHOW hba_file")).rows[0].hba_file);
    if (!existsSync(hbaFile)) {
      await admin.end();
      t.skip("the test server's pg_hba.conf is not on this machine");
      return;
    }
    const original = readFileSync(hbaFile, "utf8");
    try {
      await admin.query("DROP ROLE IF EXISTS athanor_pw_test");
      await admin.query("CREATE ROLE athanor_pw_test LOGIN PASSWORD 'right-one'");
      writeFileSync(hbaFile, `host all athanor_pw_test 127.0.0.1/32 scram-sha-256\nhost all athanor_pw_test ::1/128 scram-sha-256\n${original}`);
      await admin.query("SELECT pg_reload_conf()");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const url = new URL(requireServer());
      url.username = "athanor_pw_test";
      url.password = "wrong-Secret-42";
      await assert.rejects(
        openConnection(parseDatabaseUrl(url.toString(), "/")),
        failsWith(/: password authentication failed for user "athanor_pw_test"$/, "wrong-Secret-42"),
      );
      url.password = "right-one";
      const ok = await openConnection(parseDatabaseUrl(url.toString(), "/"));
      assert.deepEqual((await ok.query("SELECT current_user AS u")).rows, [{ u: "athanor_pw_test" }]);
      await ok.close();
    } finally {
      writeFileSync(hbaFile, original);
      await admin.query("SELECT pg_reload_conf()");
      await admin.query("DROP ROLE IF EXISTS athanor_pw_test");
      await admin.end();
    }
  });

  test("sessions are named athanor in pg_stat_activity", async () => {
    const database = await createTestDatabase("conn");
    const connection = await openConnection(parseDatabaseUrl(database.url, "/"));
    try {
      const { rows } = await connection.query("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()");
      assert.deepEqual(rows, [{ application_name: "athanor" }]);
    } finally {
      await connection.close();
      await database.drop();
    }
  });
});

describe("advisory lock", () => {
  test("a second session waits, is told the holder's pid once, and gets LOCK_TIMEOUT", async () => {
    const database = await createTestDatabase("lock");
    const first = await openConnection(parseDatabaseUrl(database.url, "/"));
    const second = await openConnection(parseDatabaseUrl(database.url, "/"));
    try {
      const key = advisoryLockKey("alembic_version");
      await acquireAdvisoryLock(first, key, { timeout: 1000 });
      const holderPid = await first.backendPid();
      const notices: string[] = [];
      await assert.rejects(acquireAdvisoryLock(second, key, { timeout: 600, onNotice: (m) => notices.push(m) }), (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "LOCK_TIMEOUT");
        assert.match(error.message, new RegExp(`pid ${holderPid}, application_name athanor`));
        return true;
      });
      assert.equal(notices.length, 1);
      assert.match(notices[0]!, new RegExp(`held by pid ${holderPid}, application_name athanor`));
      // The lock dies with the session: no unlock, just close.
      await first.close();
      await acquireAdvisoryLock(second, key, { timeout: 2000 });
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });

  test("the holder named is the one in this database, not a session holding the same key in another database", async () => {
    const elsewhere = await createTestDatabase("lockother");
    const database = await createTestDatabase("lockhere");
    const stranger = new pg.Client({ connectionString: elsewhere.url, application_name: "other_project" });
    await stranger.connect();
    const first = await openConnection(parseDatabaseUrl(database.url, "/"));
    const second = await openConnection(parseDatabaseUrl(database.url, "/"));
    try {
      const key = advisoryLockKey("alembic_version");
      // Taken first, so an unfiltered pg_locks lookup would find it before the real holder.
      await stranger.query("SELECT pg_advisory_lock($1::bigint)", [key.toString()]);
      await acquireAdvisoryLock(first, key, { timeout: 1000 });
      const holderPid = await first.backendPid();
      const notices: string[] = [];
      await assert.rejects(acquireAdvisoryLock(second, key, { timeout: 300, onNotice: (m) => notices.push(m) }), /LOCK_TIMEOUT|lock/);
      assert.match(notices[0]!, new RegExp(`held by pid ${holderPid}, application_name athanor`));
      assert.doesNotMatch(notices[0]!, /other_project/);
    } finally {
      await stranger.end();
      await first.close();
      await second.close();
      await elsewhere.drop();
      await database.drop();
    }
  });

  test("a run whose connection drops while it waits for the lock ends with CONNECTION_LOST (exit 4), not an internal error", async () => {
    const database = await createTestDatabase("lost");
    const holder = await openConnection(parseDatabaseUrl(database.url, "/"));
    const project = mkdtempSync(path.join(tmpdir(), "athanor-lost-"));
    try {
      mkdirSync(path.join(project, "versions"));
      await acquireAdvisoryLock(holder, advisoryLockKey("alembic_version"), { timeout: 1000 });
      const holderPid = await holder.backendPid();
      let told: (line: string) => void = () => {};
      const notice = new Promise<string>((resolve) => (told = resolve));
      const run = new Migrator({ config: { cwd: project, databaseUrl: database.url, lockTimeout: 20_000 }, onNotice: (line) => told(line) }).upgrade("head");
      const rejected = assert.rejects(run, (error: unknown) => {
        assert.ok(error instanceof AthanorError, String(error));
        assert.equal(error.code, "CONNECTION_LOST");
        assert.equal(error.exitCode, 4);
        assert.match(error.message, /was lost while waiting for the migration lock: nothing was changed/);
        return true;
      });
      assert.match(await notice, new RegExp(`held by pid ${holderPid}, application_name athanor`));
      await holder.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
      await rejected;
    } finally {
      await holder.close();
      await database.drop();
      rmSync(project, { recursive: true, force: true });
    }
  });

  test("different version tables lock different keys", () => {
    assert.notEqual(advisoryLockKey("alembic_version"), advisoryLockKey("billing.alembic_version"));
  });
});

describe("PGlite", () => {
  test("a data directory is created, kept between opens, and locked while open", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "athanor-pglite-"));
    const dataDir = path.join(dir, "data");
    try {
      const target = parseDatabaseUrl(`pglite://${dataDir}`, "/");
      const first = await openConnection(target);
      await first.query("CREATE TABLE kept (id int)");
      assert.ok(existsSync(`${dataDir}.lock`));
      const notices: string[] = [];
      await assert.rejects(openConnection(target, { lockTimeout: 300, onNotice: (m) => notices.push(m) }), (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "LOCK_TIMEOUT");
        assert.match(error.message, new RegExp(`open in another process \\(pid ${process.pid} on `));
        return true;
      });
      assert.equal(notices.length, 1);
      await first.close();
      const again = await openConnection(target);
      assert.deepEqual((await again.query("SELECT to_regclass('kept') IS NOT NULL AS present")).rows, [{ present: true }]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
