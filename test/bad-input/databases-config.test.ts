// Bad database URLs, unreachable servers and broken configuration: exit 4, naming the
// URL as host:port/db (never the password) or the config file and setting, and the
// database and files untouched. Nothing here sends traffic beyond the loopback address.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { createTestDatabase, requireServer } from "../helpers/database.js";
import { ensureBuilt, makeProject, runCli } from "./cli-harness.js";
import { assertRefusal, checkBadInput, runSql, seededAt0001 } from "./refusal.js";
import { linearFiles } from "./revision-sources.js";
import { postgresSnapshot, treeSnapshot } from "./state-snapshot.js";

const files = linearFiles(2);

/** A loopback port nothing listens on (bound, then released). */
async function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });
}

/** A loopback server that accepts connections and never says a word; it notes how long each client waited. */
async function silentServer(): Promise<{ port: number; waits: number[]; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const waits: number[] = [];
  const server: Server = createServer((socket) => {
    const accepted = Date.now();
    sockets.add(socket);
    // Read (and ignore) what the client sends, so its hanging up is seen as 'end' then 'close'.
    socket.resume();
    socket.on("error", () => {});
    socket.on("close", () => {
      sockets.delete(socket);
      waits.push(Date.now() - accepted);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    waits,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const configFile = (body: string) => `import { defineConfig } from "athanor";\n\n${body}\n`;

describe("bad database URLs and configuration", { concurrency: 4 }, () => {
  before(ensureBuilt);

  test("a URL that cannot be parsed is refused without the password", async () => {
    await checkBadInput({
      files,
      database: "none",
      args: ["upgrade", "--url", "postgres://app:Pa55-word@127.0.0.1:99999/app"],
      exit: 4,
      names: ["--url cannot be parsed as a URL", "percent-encode"],
      secrets: ["Pa55-word"],
    });
  });

  test("a URL cut at an unquoted # in secrets/.env is never printed: the variable and file are named, with the fix", async () => {
    await checkBadInput({
      files: { ...files, "secrets/.env": "DATABASE_URL=postgresql://app:pa#ss@127.0.0.1:5432/app\n" },
      database: "none",
      args: ["upgrade"],
      exit: 4,
      names: ["DATABASE_URL in secrets/.env cannot be parsed", "unquoted `#`", "double quotes"],
      secrets: ["postgresql://app:pa", "pa#ss"],
    });
  });

  test("a % not followed by two hex digits is refused naming the option and the part, not URI malformed from deep inside", async () => {
    await checkBadInput({
      files,
      database: "none",
      args: ["upgrade", "--url", "postgres://app:50%zz-pw@127.0.0.1:5432/app"],
      exit: 4,
      names: ["--url: the password has a `%` not followed by two hex digits", "%25"],
      secrets: ["50%zz-pw"],
    });
  });

  test("a password that spells the port does not hide the port", async () => {
    const port = await unusedPort();
    await checkBadInput({
      files,
      database: "none",
      args: ["upgrade", "--url", `postgres://app:${port}@127.0.0.1:${port}/shop`],
      exit: 4,
      names: [`cannot connect to 127.0.0.1:${port}/shop: connection refused`],
    });
  });

  test("a bare postgres:// means libpq's defaults and, with nothing there, names localhost:5432/postgres", async (t) => {
    // `postgres://` is a valid libpq URI (every part defaulted). Only run it when no local
    // server answers on 5432: a real one would be migrated.
    const listening = await new Promise<boolean>((resolve) => {
      const probe = new pg.Client({ host: "127.0.0.1", port: 5432, connectionTimeoutMillis: 500 });
      probe.connect().then(
        () => probe.end().then(() => resolve(true)),
        (error: { code?: string }) => resolve(error.code !== "ECONNREFUSED"),
      );
    });
    if (listening) return t.skip("something listens on localhost:5432");
    await checkBadInput({
      files,
      database: "none",
      args: ["upgrade", "--url", "postgres://"],
      exit: 4,
      names: ["localhost:5432/postgres", "connection refused"],
    });
  });

  test("an unknown URL scheme is refused naming the scheme and not the password", async () => {
    await checkBadInput({
      files,
      database: "none",
      args: ["upgrade", "--url", "mysql://root:Sekr1t-pw@127.0.0.1:3306/app"],
      exit: 4,
      names: [`unsupported database URL scheme "mysql"`, "127.0.0.1:3306/app", "postgresql://user:password@host:5432/dbname"],
      secrets: ["Sekr1t-pw"],
    });
  });

  test("a loopback port nothing listens on is refused naming host:port/db and not the password", async () => {
    const port = await unusedPort();
    await checkBadInput({
      files,
      database: "none",
      args: ["upgrade", "--url", `postgres://app:Hunter2-pw@127.0.0.1:${port}/shop`],
      exit: 4,
      names: [`cannot connect to 127.0.0.1:${port}/shop: connection refused`],
      secrets: ["Hunter2-pw"],
    });
  });

  test("an unknown database name is refused naming it, with createdb as the hint", async () => {
    const url = new URL(requireServer());
    url.pathname = "/athanor_no_such_db";
    url.password = "Unused-pw9";
    const address = `${url.hostname}:${url.port}/athanor_no_such_db`;
    await checkBadInput({
      files,
      database: "none",
      args: ["upgrade", "--url", url.toString()],
      exit: 4,
      names: [`cannot connect to ${address}`, 'database "athanor_no_such_db" does not exist', "createdb athanor_no_such_db"],
      secrets: ["Unused-pw9"],
    });
  });

  test("a server that accepts and never answers is given up on within connectTimeout, naming host:port/db", async () => {
    const server = await silentServer();
    try {
      await checkBadInput({
        files: { ...files, "athanor.config.ts": configFile('export default defineConfig({ connectTimeout: "1s" });') },
        database: "none",
        args: ["upgrade", "--url", `postgres://app:Slow-pw7@127.0.0.1:${server.port}/shop`],
        run: { killAfterMs: 20_000 },
        exit: 4,
        names: [`cannot connect to 127.0.0.1:${server.port}/shop`, "no answer within 1000 ms"],
        secrets: ["Slow-pw7"],
      });
      // The message names the configured 1 s (the default would say 10000 ms); how long
      // the wait took is bench/'s business, not a test's. One connection: no retry loop.
      assert.equal(server.waits.length, 1, `connections: ${server.waits.join(", ")}`);
    } finally {
      await server.close();
    }
  });

  test("a wrong password is refused naming the user and host:port/db, never the password", async () => {
    const admin = new pg.Client({ connectionString: requireServer() });
    await admin.connect();
    const role = `athanor_bad_pw_${process.pid}`;
    const marker = `# athanor bad-input ${role}`;
    const hbaFile = String((await admin.query("SHOW hba_file")).rows[0].hba_file);
    const db = await createTestDatabase("badpw");
    const project = makeProject(files);
    try {
      assert.ok(existsSync(hbaFile), `the test server's pg_hba.conf (${hbaFile}) is not on this machine`);
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'the-right-one'`);
      // Only this role's lines are added and later removed, so other tests' edits survive.
      const lines = [`host all ${role} 127.0.0.1/32 scram-sha-256 ${marker}`, `host all ${role} ::1/128 scram-sha-256 ${marker}`];
      writeFileSync(hbaFile, `${lines.join("\n")}\n${readFileSync(hbaFile, "utf8")}`);
      await admin.query("SELECT pg_reload_conf()");
      await new Promise((resolve) => setTimeout(resolve, 300));
      await runSql(db.url, seededAt0001);
      const url = new URL(db.url);
      url.username = role;
      url.password = "Wrong-Secret-42";
      const filesBefore = treeSnapshot(project.dir);
      const databaseBefore = await postgresSnapshot(db.url);
      const result = await runCli(project.dir, ["upgrade", "--url", url.toString()]);
      assertRefusal(result, {
        exit: 4,
        names: [`cannot connect to ${url.hostname}:${url.port}/${db.name}`, `password authentication failed for user "${role}"`],
        secrets: ["Wrong-Secret-42"],
      });
      assert.equal(treeSnapshot(project.dir), filesBefore);
      assert.equal(await postgresSnapshot(db.url), databaseBefore);
    } finally {
      if (existsSync(hbaFile)) {
        const kept = readFileSync(hbaFile, "utf8")
          .split("\n")
          .filter((line) => !line.endsWith(marker));
        writeFileSync(hbaFile, kept.join("\n"));
        await admin.query("SELECT pg_reload_conf()");
      }
      await db.drop();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
      project.remove();
    }
  });

  test("an invalid athanor.config.ts is refused naming the file, the setting and what zod expected", async () => {
    await checkBadInput({
      files: { ...files, "athanor.config.ts": configFile('export default defineConfig({ versionLocations: "versions" as unknown as string[] });') },
      seed: seededAt0001,
      args: ["upgrade"],
      exit: 4,
      names: ["athanor.config.ts", "versionLocations", /expected array/i],
    });
  });

  test("a misspelt setting in athanor.config.ts is refused naming it", async () => {
    await checkBadInput({
      files: { ...files, "athanor.config.ts": 'export default { conectTimeout: "5s" };\n' },
      seed: seededAt0001,
      args: ["upgrade"],
      exit: 4,
      names: ["athanor.config.ts", "conectTimeout: unknown setting"],
    });
  });

  test("a config file that throws is refused naming the file and its message", async () => {
    await checkBadInput({
      files: { ...files, "athanor.config.ts": configFile('throw new Error("no DATABASE_HOST in this shell");\nexport default defineConfig({});') },
      seed: seededAt0001,
      args: ["upgrade"],
      exit: 4,
      names: ["athanor.config.ts", "no DATABASE_HOST in this shell"],
    });
  });

  test("a config file that throws, with --debug, shows the stack but neither its source nor the password in it", async () => {
    const project = makeProject({
      ...files,
      "athanor.config.ts": configFile(
        'const url = "postgres://app:Src-Secret-9@db/app";\nthrow new Error("no DATABASE_HOST in this shell: " + url.length);\nexport default defineConfig({});',
      ),
    });
    try {
      const result = await runCli(project.dir, ["upgrade", "--debug"]);
      const shown = `exit ${result.code}\n${result.stderr}`;
      assert.equal(result.code, 4, shown);
      assert.match(result.stderr, /no DATABASE_HOST in this shell/, shown);
      assert.match(result.stderr, /^\s+at /m, "--debug shows the frames");
      assert.ok(!result.stderr.includes("Src-Secret-9"), shown.split("Src-Secret-9").join("<password>"));
    } finally {
      project.remove();
    }
  });

  for (const [option, value] of [
    ["--lock-timeout", "abc"],
    ["--statement-timeout", "5 parsecs"],
    ["--lock-timeout", "1.5.5"],
  ] as const) {
    test(`a bad option value (${option} ${value}) is a bad request, exit 2, naming the option and the accepted form`, async () => {
      await checkBadInput({
        files,
        seed: seededAt0001,
        args: ["upgrade", option, value],
        exit: 2,
        names: [`invalid value for ${option}`, JSON.stringify(value), "30s"],
      });
    });
  }

  test("an unknown --transaction value is a bad request naming the accepted values", async () => {
    await checkBadInput({ files, seed: seededAt0001, args: ["upgrade", "--transaction", "sometimes"], exit: 2, names: ["--transaction", '"each" or "all"'] });
  });

  test("a bad duration in athanor.config.ts stays an invalid configuration (exit 4) naming the file and key", async () => {
    await checkBadInput({
      files: { ...files, "athanor.config.ts": configFile('export default defineConfig({ lockTimeout: "soonish" });') },
      seed: seededAt0001,
      args: ["upgrade"],
      exit: 4,
      names: ["athanor.config.ts", "lockTimeout", '"soonish"'],
    });
  });

  test("an explicit --config that does not exist is refused naming the path", async () => {
    await checkBadInput({ files, seed: seededAt0001, args: ["upgrade", "--config", "conf/missing.config.ts"], exit: 4, names: ["conf/missing.config.ts"] });
  });
});

describe("no DATABASE_URL and no secrets/.env", () => {
  before(ensureBuilt);
  const project = makeProject({ ...files, "secrets/.env.example": "DATABASE_URL=postgres://app:change-me@127.0.0.1:5432/app\n" });
  after(() => project.remove());

  test("is not an error: the embedded database is used and said once", async () => {
    const filesBefore = treeSnapshot(project.dir);
    const result = await runCli(project.dir, ["current"]);
    assert.equal(result.code, 0, result.stderr);
    const notices = result.stderr.split("\n").filter((line) => line.includes("embedded database"));
    assert.deepEqual(notices, ["Using the embedded database in .athanor/pglite (no DATABASE_URL set)"]);
    assert.doesNotMatch(result.stderr, /^error:/m);
    assert.equal(treeSnapshot(project.dir), filesBefore);
    assert.ok(existsSync(path.join(project.dir, ".athanor", "pglite")));
  });
});
