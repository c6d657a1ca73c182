// "Passwords never appear in output": every command, succeeding and failing, in text,
// --json and --debug, with the password given by --url, DATABASE_URL and secrets/.env.
// The test server trusts every login, so any password connects.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addRevision, createProject, postgresEngine, shown, type CliResult, type TempProject } from "./run-cli.js";

const password = "S3cretPassw0rd";

function withPassword(url: string, scheme = "postgres"): string {
  const parsed = new URL(url);
  return `${scheme}://postgres:${password}@${parsed.host}${parsed.pathname}`;
}

const closedUrl = `postgres://postgres:${password}@127.0.0.1:1/db`;

function assertNoPassword(args: readonly string[], result: CliResult): void {
  // The message is printed when the test fails: it must not leak the password either.
  const where = `\`athanor ${args.join(" ")}\`\n${shown(result)}`.split(password).join("<password>");
  assert.ok(!result.stdout.includes(password), `password on stdout of ${where}`);
  assert.ok(!result.stderr.includes(password), `password on stderr of ${where}`);
}

/** Runs the commands in order, each checked for the password; returns the results. */
async function runAll(project: TempProject, runs: { args: string[]; env?: Record<string, string>; code?: number }[]): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const { args, env, code } of runs) {
    const result = await project.run(args, env);
    assertNoPassword(args, result);
    if (code !== undefined) assert.equal(result.code, code, `\`athanor ${args.join(" ")}\`\n${shown(result)}`.split(password).join("<password>"));
    results.push(result);
  }
  return results;
}

describe("passwords never appear", { concurrency: true }, () => {
  test("in any command that succeeds against a database given by --url", async () => {
    const project = createProject({ example: true });
    const db = await postgresEngine.open(project);
    try {
      const url = withPassword(db.url);
      const u = ["--url", url];
      const results = await runAll(project, [
        { args: ["upgrade", ...u], code: 0 },
        { args: ["current", ...u], code: 0 },
        { args: ["current", "--verbose", ...u], code: 0 },
        { args: ["current", "--json", "--debug", ...u], code: 0 },
        { args: ["history", "--indicate-current", ...u], code: 0 },
        { args: ["history", "-r", "current:", "--json", ...u], code: 0 },
        { args: ["check", ...u], code: 0 },
        { args: ["check", "--json", "--debug", ...u], code: 0 },
        { args: ["generate", "nothing", ...u], code: 0 },
        { args: ["downgrade", "-1", "--debug", ...u], code: 0 },
        { args: ["upgrade", "+1", ...u], code: 0 },
        { args: ["stamp", "0002", ...u], code: 0 },
        { args: ["stamp", "0002", "--purge", ...u], code: 0 },
        { args: ["reset", ...u], code: 0 },
        { args: ["upgrade", "--sql", ...u], code: 0 },
        { args: ["sql", ...u], code: 0 },
        { args: ["upgrade", ...withPasswordScheme(url, "postgresql+asyncpg")], code: 0 },
        { args: ["current", "--verbose", ...withPasswordScheme(url, "postgresql")], code: 0 },
      ]);
      // The database is named, so the redaction does not just hide everything.
      assert.match(results[2]!.stdout, new RegExp(new URL(db.url).pathname.slice(1)));
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("in failures: closed port, unknown database, unknown revision, failed step, with and without --debug and --json", async () => {
    const project = createProject({ example: true });
    const db = await postgresEngine.open(project);
    try {
      addRevision(project, { id: "0003", down: "0002", message: "divide", up: ["SELECT 1/0"], downSql: [] });
      const url = withPassword(db.url);
      const missing = withPassword(db.url.replace(/\/[^/]+$/, "/no_such_database"));
      const runs: { args: string[]; code?: number }[] = [];
      for (const debug of [[], ["--debug"]]) {
        runs.push(
          { args: ["upgrade", "--url", closedUrl, ...debug], code: 4 },
          { args: ["current", "--json", "--url", closedUrl, ...debug], code: 4 },
          { args: ["check", "--json", "--url", closedUrl, ...debug], code: 4 },
          { args: ["generate", "x", "--url", closedUrl, ...debug], code: 4 },
          { args: ["history", "--indicate-current", "--url", closedUrl, ...debug], code: 4 },
          { args: ["current", "--url", missing, ...debug], code: 4 },
          { args: ["upgrade", "0009", "--url", url, ...debug], code: 2 },
          { args: ["downgrade", "-5", "--url", url, ...debug], code: 2 },
          { args: ["upgrade", "--url", url, ...debug], code: 1 },
          { args: ["check", "--json", "--url", url, ...debug], code: 1 },
          { args: ["generate", "x", "--url", url, ...debug], code: 1 },
          { args: ["upgrade", "--url", url, "--lock-timeout", "soon", ...debug] },
        );
      }
      const results = await runAll(project, runs);
      assert.match(results[8]!.stderr, /division by zero/, "the failed step is reported");
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("with the URL in DATABASE_URL", async () => {
    const project = createProject({ example: true });
    const db = await postgresEngine.open(project);
    try {
      const env = { DATABASE_URL: withPassword(db.url) };
      const closed = { DATABASE_URL: closedUrl };
      await runAll(project, [
        { args: ["upgrade"], env, code: 0 },
        { args: ["current", "--verbose"], env, code: 0 },
        { args: ["current", "--json"], env, code: 0 },
        { args: ["check", "--json", "--debug"], env, code: 0 },
        { args: ["heads", "--debug"], env, code: 0 },
        { args: ["upgrade", "--sql"], env, code: 0 },
        { args: ["upgrade", "--debug"], env: closed, code: 4 },
        { args: ["check", "--json"], env: closed, code: 4 },
        { args: ["upgrayedd"], env: closed, code: 2 },
      ]);
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("with the URL in secrets/.env", async () => {
    const project = createProject({ example: true });
    const db = await postgresEngine.open(project);
    try {
      project.write("secrets/.env", `DATABASE_URL=${withPassword(db.url)}\n`);
      await runAll(project, [
        { args: ["upgrade", "--debug"], code: 0 },
        { args: ["current", "--verbose"], code: 0 },
        { args: ["check", "--json"], code: 0 },
        { args: ["show", "0009", "--debug"], code: 2 },
      ]);
      project.write("secrets/.env", `DATABASE_URL=${closedUrl}\n`);
      await runAll(project, [
        { args: ["current", "--debug"], code: 4 },
        { args: ["check", "--json", "--debug"], code: 4 },
      ]);
    } finally {
      await db.drop();
      project.remove();
    }
  });
});

function withPasswordScheme(url: string, scheme: string): string[] {
  return ["--url", url.replace(/^postgres:/, `${scheme}:`)];
}
