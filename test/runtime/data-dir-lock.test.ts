// The embedded database's data directory is held by an OS lock of the process that has
// it open: a second process waits and is told who to wait for; a kill -9 frees it at
// once (the kernel drops the lock), so processes started together over the file a
// killed run left never judge it stale and never migrate one directory twice.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { AthanorError } from "../../src/errors.js";
import { openConnection } from "../../src/runtime/connection.js";
import { parseDatabaseUrl } from "../../src/runtime/database-url.js";
import { seededRandom } from "../helpers/seeded-random.js";

// 200 processes: a round costs four Node start-ups, the lock itself nothing.
const rounds = 50;
const contender = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "lock-contender.mjs");

interface Contender {
  readonly child: ChildProcess;
  /** Resolves with the first line the process prints. */
  readonly firstLine: Promise<string>;
  readonly done: Promise<string>;
}

function startContender(dataDir: string, ledger: string, mode: "hold" | "migrate"): Contender {
  const child = spawn(process.execPath, [contender, dataDir, ledger, mode], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  let onLine: (line: string) => void = () => {};
  const firstLine = new Promise<string>((resolve) => (onLine = resolve));
  child.stdout!.on("data", (chunk) => {
    out += chunk;
    if (out.includes("\n")) onLine(out.slice(0, out.indexOf("\n")));
  });
  const done = new Promise<string>((resolve) => child.on("close", () => resolve(out)));
  return { child, firstLine, done };
}

function tempDir(): { dir: string; dataDir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-lock-"));
  return { dir, dataDir: path.join(dir, "data"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function holdInChild(dataDir: string): Promise<Contender> {
  const holder = startContender(dataDir, "", "hold");
  assert.equal(await holder.firstLine, "held");
  return holder;
}

async function killed(holder: Contender): Promise<void> {
  holder.child.kill("SIGKILL");
  await holder.done;
}

describe("PGlite data directory lock", () => {
  test("a second process is refused with the data directory, the holder's pid and what to do; after kill -9 of the holder it opens at once", async () => {
    const { dataDir, remove } = tempDir();
    const target = parseDatabaseUrl(`pglite://${dataDir}`, "/");
    try {
      const holder = await holdInChild(dataDir);
      const notices: string[] = [];
      await assert.rejects(openConnection(target, { lockTimeout: 200, onNotice: (m) => notices.push(m) }), (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "LOCK_TIMEOUT");
        assert.ok(error.message.includes(dataDir), error.message);
        assert.match(error.message, new RegExp(`open in another process \\(pid ${holder.child.pid} on `));
        assert.match(error.hint ?? "", /wait for that process to finish.*no file to delete/);
        return true;
      });
      assert.equal(notices.length, 1);
      assert.match(notices[0]!, new RegExp(`waiting for the PGlite database .*pid ${holder.child.pid}`));

      await killed(holder);
      const after = await openConnection(target, { lockTimeout: 0 });
      try {
        assert.deepEqual((await after.query("SELECT pid FROM held")).rows, [{ pid: holder.child.pid }]);
      } finally {
        await after.close();
      }
    } finally {
      remove();
    }
  });

  test("two opens in one process exclude each other too, and a closed one lets the next in without deleting the lock file", async () => {
    const { dataDir, remove } = tempDir();
    const target = parseDatabaseUrl(`pglite://${dataDir}`, "/");
    try {
      const first = await openConnection(target);
      await first.query("CREATE TABLE kept (id int)");
      await assert.rejects(openConnection(target, { lockTimeout: 0 }), (error: unknown) => error instanceof AthanorError && error.code === "LOCK_TIMEOUT");
      await first.close();
      assert.ok(statSync(`${dataDir}.lock`).isFile());
      const again = await openConnection(target, { lockTimeout: 0 });
      assert.deepEqual((await again.query("SELECT to_regclass('kept') IS NOT NULL AS present")).rows, [{ present: true }]);
      await again.close();
    } finally {
      remove();
    }
  });

  test("4 processes started together over the lock file a killed holder left, 50 times: exactly one migrates, each revision once", async () => {
    const { dir, dataDir, remove } = tempDir();
    const random = seededRandom(18);
    try {
      await killed(await holdInChild(dataDir));
      const stale = readFileSync(`${dataDir}.lock`, "utf8");
      assert.match(stale, /^pid \d+ on /, "kill -9 leaves the holder's note behind");
      for (let round = 0; round < rounds; round += 1) {
        const ledger = path.join(dir, `ledger-${round}`);
        // What a kill -9 leaves: the file with a dead process's note, and no lock.
        if (round > 0) writeFileSync(`${dataDir}.lock`, stale);
        const runs = Array.from({ length: 4 }, () => startContender(dataDir, ledger, "migrate"));
        for (const run of runs) assert.equal(await run.firstLine, "ready");
        // Together, or a seeded fraction of a millisecond apart.
        for (const run of runs) {
          run.child.stdin!.end("go\n");
          if (random() < 0.3) await new Promise((resolve) => setImmediate(resolve));
        }
        const outcomes = (await Promise.all(runs.map((run) => run.done))).map((out) => out.replace("ready\n", "").replace("waited\n", "").trim());
        assert.deepEqual(outcomes.filter((o) => o === "migrated").length, 1, `round ${round}: ${outcomes.join(" | ")}`);
        assert.deepEqual(outcomes.filter((o) => o === "nothing").length, 3, `round ${round}: ${outcomes.join(" | ")}`);
        const lines = readFileSync(ledger, "utf8").trim().split("\n");
        assert.deepEqual(
          lines.map((line) => line.split(" ")[0]),
          ["r1", "r2", "r3"],
          `round ${round}`,
        );
        assert.equal(new Set(lines.map((line) => line.split(" ")[1])).size, 1, `round ${round}: one writer`);
      }
    } finally {
      remove();
    }
  });

  test("the data directory and its files are private to the owner (0700 / 0600), the lock file too", async () => {
    const { dir, dataDir, remove } = tempDir();
    try {
      const connection = await openConnection(parseDatabaseUrl(`pglite://${dataDir}`, "/"));
      await connection.query("CREATE TABLE t (id int)");
      await connection.close();
      const loose: string[] = [];
      const walk = (at: string) => {
        const mode = statSync(at).mode & 0o777;
        if (statSync(at).isDirectory()) {
          if (mode !== 0o700) loose.push(`${at} ${mode.toString(8)}`);
          for (const name of readdirSync(at)) walk(path.join(at, name));
        } else if (mode !== 0o600) loose.push(`${at} ${mode.toString(8)}`);
      };
      walk(dataDir);
      walk(`${dataDir}.lock`);
      assert.deepEqual(loose, []);
      assert.ok(dir.length > 0);
    } finally {
      remove();
    }
  });

  test("an open that fails says why: a file where the data directory should be", async () => {
    const { dataDir, remove } = tempDir();
    try {
      writeFileSync(dataDir, "not a directory");
      await assert.rejects(openConnection(parseDatabaseUrl(`pglite://${dataDir}`, "/")), (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "CONNECTION_FAILED");
        assert.ok(error.message.includes(`pglite:${dataDir}`), error.message);
        assert.doesNotMatch(error.message, /undefined|\[object Object\]/);
        assert.match(error.message, /EEXIST|ENOTDIR|not a directory|already exists/);
        assert.match(error.hint ?? "", /directory athanor can write/);
        return true;
      });
    } finally {
      remove();
    }
  });

  test("an open that fails inside PGlite says why, not `undefined`", async () => {
    const { dataDir, remove } = tempDir();
    try {
      // A data directory whose base/ is a file: PGlite's own file system fails with only an errno.
      const connection = await openConnection(parseDatabaseUrl(`pglite://${dataDir}`, "/"));
      await connection.close();
      rmSync(path.join(dataDir, "base"), { recursive: true });
      writeFileSync(path.join(dataDir, "base"), "");
      await assert.rejects(openConnection(parseDatabaseUrl(`pglite://${dataDir}`, "/")), (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "CONNECTION_FAILED");
        assert.doesNotMatch(error.message, /: undefined|\[object Object\]/);
        assert.match(error.message, /cannot open the PGlite database .+: \S/);
        return true;
      });
    } finally {
      remove();
    }
  });
});
