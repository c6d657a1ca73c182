// `athanor stamp <args> --sql` on the reference's sample graph, compared with the scripts
// Alembic 1.8.1 printed for the same arguments (recorded by test/oracle/record_alembic.py
// into test/fixtures/alembic/reference.json, so this needs no Python). Alembic separates
// statements with blank lines; athanor prints the same lines without them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Fixture, StampSqlCase } from "../oracle/fixture.js";
import { addRevision, createProject, repoRoot, sampleGraph, shown, type TempProject } from "./run-cli.js";

const fixture = JSON.parse(readFileSync(`${repoRoot}/test/fixtures/alembic/reference.json`, "utf8")) as Fixture;
const cases = fixture.graphs[0]!.cases.filter((c): c is StampSqlCase => c.kind === "stampSql");

const withoutBlankLines = (sql: string) =>
  sql
    .split("\n")
    .filter((l) => l.trim() !== "")
    .join("\n") + "\n";

// Alembic's statements only: the applied-history table is switched off.
const alembicOnlyConfig = `import { defineConfig } from "athanor";

export default defineConfig({ versionLocations: ["versions"], historyTable: false });
`;

let project: TempProject;

before(() => {
  project = createProject({ config: alembicOnlyConfig });
  for (const revision of sampleGraph) addRevision(project, revision);
});
after(() => project.remove());

describe("stamp --sql prints Alembic's script", { concurrency: true }, () => {
  test("the fixture holds the recorded scripts", () => {
    assert.ok(cases.filter((c) => c.sql !== undefined).length >= 10, "reference.json has stampSql cases with Alembic's text");
  });

  for (const c of cases) {
    const args = c.args.join(" ");
    if (c.sql !== undefined) {
      test(`stamp ${args} --sql`, async () => {
        const result = await project.run(["stamp", ...c.args, "--sql"]);
        assert.equal(result.code, 0, shown(result));
        assert.equal(result.stdout, withoutBlankLines(c.sql!), `athanor's script (actual) against Alembic's (expected)\n${shown(result)}`);
      });
    } else if ("error" in c) {
      test(`stamp ${args} --sql is refused like Alembic, printing no SQL`, async () => {
        const result = await project.run(["stamp", ...c.args, "--sql"]);
        assert.equal(result.code, 2, shown(result));
        assert.equal(result.stdout, "", "no partial script (Alembic prints BEGIN; first)");
        assert.ok(result.stderr.includes(`error: ${c.error.message}`), `Alembic's sentence\n${shown(result)}`);
      });
    }
  }

  test("stamp 0002:base --sql ends with DELETE then DROP TABLE; base:0002 starts with CREATE TABLE", async () => {
    const down = await project.run(["stamp", "0002:base", "--sql"]);
    assert.match(down.stdout, /DELETE FROM alembic_version WHERE alembic_version\.version_num = '0002';\nDROP TABLE alembic_version;\nCOMMIT;\n$/);
    const up = await project.run(["stamp", "base:0002", "--sql"]);
    assert.match(up.stdout, /^BEGIN;\nCREATE TABLE alembic_version \(/);
  });

  test("stamp 0004:0004 --sql is an empty transaction and says why on stderr", async () => {
    const result = await project.run(["stamp", "0004:0004", "--sql"]);
    assert.equal(result.stdout, "BEGIN;\nCOMMIT;\n");
    assert.match(result.stderr, /Nothing to stamp: 0004:0004 starts where it ends/);
  });

  test("stamp 0002:0004 --sql -o writes the script to the file", async () => {
    const result = await project.run(["stamp", "0002:0004", "--sql", "-o", "stamp.sql"]);
    assert.equal(result.code, 0, shown(result));
    assert.match(project.read("stamp.sql"), /UPDATE alembic_version SET version_num='0004' WHERE alembic_version\.version_num = '0002';/);
  });
});
