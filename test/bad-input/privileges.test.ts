// A database set up for someone else: a role without the grants athanor needs (exit 4,
// the missing GRANT named), and a version table of another tool's shape (exit 4, the
// table and what athanor expects named, with the setting that points athanor elsewhere).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { createTestDatabase, requireServer } from "../helpers/database.js";
import { ensureBuilt, makeProject, runCli } from "./cli-harness.js";
import { assertRefusal, checkBadInput, runSql, seededAt0001 } from "./refusal.js";
import { baseRevision, fileFor, linearFiles } from "./revision-sources.js";
import { postgresSnapshot } from "./state-snapshot.js";

const role = `athanor_noprivs_${process.pid}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: requireServer() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The database's URL, logging in as the unprivileged role (the test server trusts every login). */
function asRole(url: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = "";
  return parsed.toString();
}

describe("privileges and a foreign version table", { concurrency: 4 }, () => {
  before(async () => {
    ensureBuilt();
    await admin(`DROP ROLE IF EXISTS ${role}`);
    await admin(`CREATE ROLE ${role} LOGIN`);
  });
  after(() => admin(`DROP ROLE IF EXISTS ${role}`));

  const cases: { name: string; grants: string[]; args: string[]; names: string[] }[] = [
    {
      name: "a role that cannot read alembic_version is refused with exit 4 and the GRANT on the table",
      grants: [],
      args: ["current"],
      names: ["permission denied for table alembic_version", `GRANT SELECT, INSERT, UPDATE, DELETE ON alembic_version TO ${role}`],
    },
    {
      name: "a role that can read but not write alembic_version fails upgrade with exit 4 and the GRANT on the table",
      grants: [`GRANT SELECT ON alembic_version, ran TO ${role}`, `GRANT INSERT ON ran TO ${role}`, `GRANT CREATE ON SCHEMA public TO ${role}`],
      args: ["upgrade"],
      names: ["0002", "permission denied for table alembic_version", `GRANT SELECT, INSERT, UPDATE, DELETE ON alembic_version TO ${role}`],
    },
  ];
  for (const input of cases) {
    test(input.name, async () => {
      const project = makeProject(linearFiles(2));
      const db = await createTestDatabase("bad");
      try {
        await runSql(db.url, [...seededAt0001, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", ...input.grants]);
        const before = await postgresSnapshot(db.url);
        const result = await runCli(project.dir, [...input.args, "--url", asRole(db.url)]);
        assertRefusal(result, { exit: 4, names: input.names });
        assert.equal(await postgresSnapshot(db.url), before, "the database changed");
      } finally {
        await db.drop();
        project.remove();
      }
    });
  }

  test("a role that may not create in the schema fails the first upgrade with exit 4 and GRANT CREATE ON SCHEMA", async () => {
    const project = makeProject(linearFiles(1));
    const db = await createTestDatabase("bad");
    try {
      await runSql(db.url, ["REVOKE CREATE ON SCHEMA public FROM PUBLIC"]);
      const result = await runCli(project.dir, ["upgrade", "--url", asRole(db.url)]);
      assertRefusal(result, { exit: 4, names: ["permission denied for schema public", `GRANT USAGE, CREATE ON SCHEMA public TO ${role}`] });
    } finally {
      await db.drop();
      project.remove();
    }
  });

  for (const database of ["postgres", "pglite"] as const) {
    test(`${database}: a version table without version_num names the table, Alembic's shape and the versionTable setting`, async () => {
      // 0001 creates another tool's table; the config then points athanor at it.
      const files = {
        [fileFor("0001")]: baseRevision.replace(
          '"CREATE TABLE ran (revision text NOT NULL)"',
          '"CREATE TABLE ran (revision text NOT NULL)");\n  await op.execute("CREATE TABLE tool_versions (id int, version text)"',
        ),
      };
      await checkBadInput({
        files,
        database,
        prepare: [["upgrade"]],
        setup: (project) => project.write("athanor.config.ts", 'export default { versionTable: { name: "tool_versions" } };\n'),
        args: ["current"],
        run: { killAfterMs: 180_000 },
        exit: 4,
        names: ["tool_versions", "no version_num column", "version_num varchar(32) primary key", "versionTable"],
      });
    });
  }
});
