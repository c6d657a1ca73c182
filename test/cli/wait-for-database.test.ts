// --wait-for-database: a container starts the migration before PostgreSQL accepts
// connections. The command is started against a port nothing listens on, a server is
// started there afterwards, and the command gets through, having said each retry. A wait
// that runs out ends with the usual connection error, naming the host but not the password.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freePort, startLocalServer, type LocalServer } from "../helpers/postgres-server.js";
import { addRevision, createProject, runCli, shown } from "./run-cli.js";

const password = "W41tPassw0rd";

test("upgrade --wait-for-database retries until a server started after it comes up, then migrates", async () => {
  const project = createProject();
  addRevision(project, { id: "0001", down: null, message: "first", up: ["CREATE TABLE waited (id int)"], downSql: ["DROP TABLE waited"] });
  const port = await freePort();
  // The local server trusts every login: any password connects, so it must still never be printed.
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  let server: LocalServer | undefined;
  try {
    const run = runCli(["upgrade", "--url", url, "--wait-for-database", "2min"], { cwd: project.dir });
    // Started once the command has had time to fail at least once; initdb alone takes a while too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server = await startLocalServer({ port });
    const result = await run;
    assert.equal(result.code, 0, shown(result));
    const retries = result.stderr.split("\n").filter((line) => line.startsWith("waiting for the database 127.0.0.1:"));
    assert.ok(retries.length >= 1, `a line per try on stderr\n${shown(result)}`);
    assert.match(retries[0]!, /try 1 failed: connection refused; next try in/);
    assert.ok(!result.stderr.includes(password) && !result.stdout.includes(password), "no password in the output");
    const current = await runCli(["current", "--url", url], { cwd: project.dir });
    assert.match(current.stdout, /^0001 \(head\)/m, shown(current));
  } finally {
    server?.stop();
    project.remove();
  }
});

test("a wait that runs out fails with the connection error naming the host, not the password (exit 4)", async () => {
  const project = createProject();
  addRevision(project, { id: "0001", down: null, message: "first" });
  const port = await freePort();
  const url = `postgres://app:${password}@127.0.0.1:${port}/app`;
  try {
    for (const args of [
      ["current", "--url", url, "--wait-for-database", "1s"],
      ["upgrade", "--url", url, "--wait-for-database", "1s", "--json"],
    ]) {
      const result = await runCli(args, { cwd: project.dir });
      assert.equal(result.code, 4, shown(result));
      assert.match(result.stderr, new RegExp(`^error: cannot connect to 127\\.0\\.0\\.1:${port}/app: connection refused$`, "m"), shown(result));
      assert.match(result.stderr, /^waiting for the database /m, shown(result));
      assert.ok(!result.stderr.includes(password) && !result.stdout.includes(password), `no password in the output\n${shown(result)}`);
      if (args.includes("--json")) assert.equal(JSON.parse(result.stdout).error.code, "CONNECTION_FAILED");
    }
  } finally {
    project.remove();
  }
});

test("waitForDatabase in the config is used, a bad --wait-for-database is refused, a wrong password is not retried", async () => {
  const project = createProject({ config: `export default { waitForDatabase: "1s" };\n` });
  addRevision(project, { id: "0001", down: null, message: "first" });
  const port = await freePort();
  try {
    const fromConfig = await runCli(["current", "--url", `postgres://app@127.0.0.1:${port}/app`], { cwd: project.dir });
    assert.equal(fromConfig.code, 4, shown(fromConfig));
    assert.match(fromConfig.stderr, /^waiting for the database /m, shown(fromConfig));
    const bad = await runCli(["current", "--url", `postgres://app@127.0.0.1:${port}/app`, "--wait-for-database", "soon"], { cwd: project.dir });
    assert.equal(bad.code, 2, shown(bad));
    assert.match(bad.stderr, /--wait-for-database/, shown(bad));
    // An unknown database is not something waiting fixes: one try, no retry line.
    const server = process.env.TEST_DATABASE_URL;
    assert.ok(server, "the suite's server");
    const missing = new URL(server);
    missing.pathname = "/no_such_database_here";
    const wrong = await runCli(["current", "--url", missing.toString(), "--wait-for-database", "30s"], { cwd: project.dir });
    assert.equal(wrong.code, 4, shown(wrong));
    assert.doesNotMatch(wrong.stderr, /waiting for the database/, shown(wrong));
    assert.match(wrong.stderr, /database "no_such_database_here" does not exist/, shown(wrong));
  } finally {
    project.remove();
  }
});
