// A database whose state does not match the revision files: built before migrations
// (its tables there, its version table empty or absent), or naming a revision no file
// defines. Every command that reads the state says what happened and what to run, on
// both engines, and leaves the database as it was.
import assert from "node:assert/strict";
import { unlinkSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { ensureBuilt, makeProject, runCli } from "./cli-harness.js";
import { checkBadInput, runSql, type BadInput, type BadInputCase } from "./refusal.js";
import { fileFor, linearFiles, tsRevision } from "./revision-sources.js";
import { createTestDatabase } from "../helpers/database.js";

const files = linearFiles(2);
/** 0001 created `ran`, then the version table was emptied: the objects exist, no row says so. */
const builtBefore: Pick<BadInput, "files" | "prepare"> = {
  files,
  prepare: [
    ["upgrade", "0001"],
    ["stamp", "base"],
  ],
};
/** The database was upgraded to 0003, whose file is gone since. */
const unknownRow: Pick<BadInput, "files" | "prepare" | "setup"> = {
  files: { ...files, [fileFor("0003")]: tsRevision({ id: "0003", down: "0002" }) },
  prepare: [["upgrade"]],
  setup: (project) => unlinkSync(path.join(project.dir, fileFor("0003"))),
};
const cantLocate = ["Can't locate revision identified by '0003'", "alembic_version", "athanor stamp --purge"];

const engines = ["postgres", "pglite"] as const;

const cases: BadInputCase[] = [
  ...engines.flatMap((database): BadInputCase[] => [
    {
      name: `${database}: upgrade on a database built before migrations says to stamp the revision whose objects exist`,
      ...builtBefore,
      database,
      args: ["upgrade"],
      exit: 1,
      names: ["already has the objects revision 0001", 'relation "ran" already exists', "athanor stamp 0001"],
    },
    // The embedded database opens slowly: on it, the two commands that used to say nothing.
    ...(database === "postgres"
      ? ["check", "history --indicate-current", "history -r current:", "upgrade", "current"]
      : ["check", "history --indicate-current"]
    ).map((command) => ({
      name: `${database}: ${command} on a database naming a revision no file has gives Can't locate revision and the stamp --purge hint`,
      ...unknownRow,
      database,
      args: command.split(" "),
      run: { killAfterMs: 180_000 },
      exit: 4,
      names: cantLocate,
    })),
  ]),
  {
    name: "postgres: upgrade on a database with the first revision's tables and no version table says to stamp it",
    files,
    seed: ["CREATE TABLE ran (revision text NOT NULL)"],
    args: ["upgrade"],
    exit: 1,
    names: ["already has the objects revision 0001", 'relation "ran" already exists', "athanor stamp 0001"],
  },
];

describe("a database out of step with the revision files", { concurrency: 4 }, () => {
  before(ensureBuilt);
  for (const input of cases) test(input.name, () => checkBadInput(input).then(() => {}));

  for (const database of engines) {
    test(`${database}: check on a database built before migrations says to stamp, not to upgrade`, async () => {
      const project = makeProject(files);
      const db = database === "postgres" ? await createTestDatabase("bad") : undefined;
      const url = db?.url ?? `pglite://${path.join(project.dir, ".athanor", "db")}`;
      try {
        for (const args of builtBefore.prepare!) assert.equal((await runCli(project.dir, [...args, "--url", url])).code, 0);
        const result = await runCli(project.dir, ["check", "--url", url]);
        const shown = `exit ${result.code}\n${result.stdout}${result.stderr}`;
        assert.equal(result.code, 1, shown);
        assert.match(result.stdout, /already has tables \(ran\) but its version table records no revision/, shown);
        assert.match(result.stdout, /`athanor stamp 0001`/, shown);
        assert.doesNotMatch(result.stdout, /; run `athanor upgrade`$/m, shown);
      } finally {
        await db?.drop();
        project.remove();
      }
    });
  }

  test("postgres: check on an empty database still says to upgrade", async () => {
    const project = makeProject(files);
    const db = await createTestDatabase("bad");
    try {
      await runSql(db.url, ["SELECT 1"]);
      const result = await runCli(project.dir, ["check", "--url", db.url]);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /the database is at base \(no revision applied\), the head\(s\) are 0002; run `athanor upgrade`/);
    } finally {
      await db.drop();
      project.remove();
    }
  });
});
