// The reference's sample graph (0001..0006 with a branch and a merge, a100/a101 labelled
// audit with a101 depending on 0002) through the CLI: the graph commands, and the offline
// SQL compared with the blocks Alembic printed (shared/reference/alembic.md).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addRevision, createProject, lines, postgresEngine, sampleGraph, shown, type TempProject } from "./run-cli.js";

const versionTable = `CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);`;

// Alembic's blocks, verbatim. athanor's order among independent branches is Alembic's walk
// over the files in name order, which for this graph is the order Alembic printed.
const upgrade0005 = `BEGIN;
${versionTable}
-- Running upgrade  -> 0001
SELECT 'up:0001';
INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;
-- Running upgrade 0001 -> 0002
SELECT 'up:0002';
UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';
-- Running upgrade 0002 -> 0004
SELECT 'up:0004';
UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0002';
-- Running upgrade 0002 -> 0003
SELECT 'up:0003';
INSERT INTO alembic_version (version_num) VALUES ('0003') RETURNING alembic_version.version_num;
-- Running upgrade 0003, 0004 -> 0005
SELECT 'up:0005';
DELETE FROM alembic_version WHERE alembic_version.version_num = '0003';
UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';
COMMIT;
`;

const downgrade0006to0002 = `BEGIN;
-- Running downgrade 0006 -> 0005
SELECT 'down:0006';
UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0006';
-- Running downgrade 0005 -> 0003, 0004
SELECT 'down:0005';
INSERT INTO alembic_version (version_num) VALUES ('0003') RETURNING alembic_version.version_num;
UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';
-- Running downgrade 0003 -> 0002
SELECT 'down:0003';
DELETE FROM alembic_version WHERE alembic_version.version_num = '0003';
-- Running downgrade 0004 -> 0002
SELECT 'down:0004';
UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0004';
COMMIT;
`;

const upgradeAudit = `BEGIN;
${versionTable}
-- Running upgrade  -> 0001
SELECT 'up:0001';
INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;
-- Running upgrade 0001 -> 0002
SELECT 'up:0002';
UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';
-- Running upgrade  -> a100
SELECT 'up:a100';
INSERT INTO alembic_version (version_num) VALUES ('a100') RETURNING alembic_version.version_num;
-- Running upgrade a100 -> a101
SELECT 'up:a101';
DELETE FROM alembic_version WHERE alembic_version.version_num = 'a100';
UPDATE alembic_version SET version_num='a101' WHERE alembic_version.version_num = '0002';
COMMIT;
`;

/** The script without its transaction brackets: what runs, whatever the transaction mode. */
function statements(script: string): string[] {
  return lines(script).filter((l) => l !== "BEGIN;" && l !== "COMMIT;");
}

let project: TempProject;

// Alembic's statements only: athanor's applied-history table is switched off here, and
// its lines in a default script are checked on their own below.
const alembicOnlyConfig = `import { defineConfig } from "athanor";

export default defineConfig({ versionLocations: ["versions"], historyTable: false });
`;

before(() => {
  project = createProject({ config: alembicOnlyConfig });
  for (const revision of sampleGraph) addRevision(project, revision);
});
after(() => project.remove());

describe("reading the sample graph", { concurrency: true }, () => {
  test("heads lists both heads with the audit label", async () => {
    const heads = await project.run(["heads"]);
    assert.equal(heads.code, 0, shown(heads));
    assert.deepEqual(lines(heads.stdout).sort(), ["0006 (head)", "a101 (audit) (head)"]);
  });

  test("history prints every revision in Alembic's line format, newest first", async () => {
    const history = await project.run(["history"]);
    assert.equal(history.code, 0, shown(history));
    // The order is Alembic's walk over the files in name order (test/graph/history.test.ts).
    assert.deepEqual(lines(history.stdout), [
      "0005 -> 0006 (head), after_merge",
      "0003, 0004 -> 0005 (mergepoint), merge_heads",
      "0002 -> 0003, feature_a",
      "a100 (0002) -> a101 (audit) (head), audit_two",
      "<base> -> a100 (audit), audit_base",
      "0002 -> 0004, feature_b",
      "0001 -> 0002 (branchpoint), add_users",
      "<base> -> 0001, initial_schema",
    ]);
  });

  test("history --verbose -r 0004:0006 prints the Rev/Parent/Merges/Path blocks of the range", async () => {
    const history = await project.run(["history", "--verbose", "-r", "0004:0006"]);
    assert.equal(history.code, 0, shown(history));
    const out = history.stdout;
    assert.deepEqual(
      lines(out).filter((l) => /^(Rev|Parent|Merges|Path):/.test(l)),
      [
        "Rev: 0006 (head)",
        "Parent: 0005",
        "Path: versions/0006_after_merge.ts",
        "Rev: 0005 (mergepoint)",
        "Merges: 0003, 0004",
        "Path: versions/0005_merge_heads.ts",
        "Rev: 0004",
        "Parent: 0002",
        "Path: versions/0004_feature_b.ts",
      ],
    );
    assert.match(out, /^ {4}after_merge$/m);
    assert.match(out, /^ {4}Revision ID: 0005$/m);
    assert.doesNotMatch(out, /0003_feature_a|0001|0002_add/, "only 0004..0006 are listed");
  });

  test("branches lists 0002 with an arrow line per child", async () => {
    const branches = await project.run(["branches"]);
    assert.equal(branches.code, 0, shown(branches));
    assert.equal(branches.stdout, "0002 (branchpoint)\n     -> 0003\n     -> 0004\n");
  });

  test("branches --verbose prints Alembic's block for the branch point and each child with its message", async () => {
    const branches = await project.run(["branches", "--verbose"]);
    assert.equal(branches.code, 0, shown(branches));
    // Alembic 1.8.1's layout (command.branches: log_entry, then "-> child, doc" lines);
    // Alembic orders the children by Python set order, athanor by file name.
    assert.match(
      branches.stdout,
      /^Rev: 0002 \(branchpoint\)\nParent: 0001\nBranches into: 0003, 0004\nPath: versions\/0002_add_users\.ts\n\n {4}add_users\n {4}\n {4}Revision ID: 0002\n {4}Revises: 0001\n/,
    );
    assert.match(branches.stdout, /\n\n {5}-> 0003, feature_a\n {5}-> 0004, feature_b\n$/);
  });

  test("show prints one revision's block, and a label's head by spec", async () => {
    const show = await project.run(["show", "0005"]);
    assert.equal(show.code, 0, shown(show));
    assert.match(show.stdout, /^Rev: 0005 \(mergepoint\)\nMerges: 0003, 0004\nPath: versions\/0005_merge_heads\.ts\n/);
    const label = await project.run(["show", "audit@head"]);
    assert.equal(label.code, 0, shown(label));
    // Alembic's verbose block names labels on their own line, not after the id.
    assert.match(label.stdout, /^Rev: a101 \(head\)\nParent: a100\nAlso depends on: 0002\nBranch names: audit\n/);
  });

  test("show of an unknown revision exits 2 with Alembic's message", async () => {
    const show = await project.run(["show", "0009"]);
    assert.equal(show.code, 2, shown(show));
    assert.match(show.stderr, /Can't locate revision identified by '0009'/);
    assert.equal(show.stdout, "");
  });

  test("a short unknown prefix is refused with Alembic's four-character advice", async () => {
    const show = await project.run(["show", "zz"]);
    assert.equal(show.code, 2, shown(show));
    assert.match(show.stderr, /No such revision or branch 'zz'; please ensure at least four characters/);
  });

  test("an ambiguous prefix exits 2 naming the candidates", async () => {
    const show = await project.run(["show", "000"]);
    assert.equal(show.code, 2, shown(show));
    assert.match(show.stderr, /Multiple revisions start with '000': '0001', '0002', '0003'\.\.\./);
    assert.match(show.stderr, /^hint: /m);
  });
});

describe("offline SQL of the sample graph", { concurrency: true }, () => {
  test("upgrade 0005 --sql prints Alembic's statements, a transaction per revision by default", async () => {
    const sql = await project.run(["upgrade", "0005", "--sql"]);
    assert.equal(sql.code, 0, shown(sql));
    assert.deepEqual(statements(sql.stdout), statements(upgrade0005));
    assert.equal(lines(sql.stdout).filter((l) => l === "BEGIN;").length, 5, "one transaction per revision");
    assert.doesNotMatch(sql.stdout, /^Running/m, "progress goes to stderr, not into the script");
  });

  test("upgrade 0005 --sql --transaction all prints Alembic's block exactly", async () => {
    const sql = await project.run(["upgrade", "0005", "--sql", "--transaction", "all"]);
    assert.equal(sql.code, 0, shown(sql));
    assert.equal(sql.stdout, upgrade0005);
  });

  test("downgrade 0006:0002 --sql unmerges by inserting 0003's row back", async () => {
    const sql = await project.run(["downgrade", "0006:0002", "--sql"]);
    assert.equal(sql.code, 0, shown(sql));
    assert.deepEqual(statements(sql.stdout), statements(downgrade0006to0002));
    const all = await project.run(["downgrade", "0006:0002", "--sql", "--transaction", "all"]);
    assert.equal(all.stdout, downgrade0006to0002);
  });

  test("with the default history table, the script is Alembic's plus athanor_history's table and one row per step", async () => {
    const withHistory = createProject();
    try {
      for (const revision of sampleGraph) addRevision(withHistory, revision);
      const sql = await withHistory.run(["upgrade", "0005", "--sql", "--transaction", "all"]);
      assert.equal(sql.code, 0, shown(sql));
      const historyLines = (l: string) => /athanor_history/.test(l);
      const script = lines(sql.stdout);
      const start = script.findIndex((l) => l.startsWith("CREATE TABLE IF NOT EXISTS athanor_history"));
      assert.ok(start > 0, sql.stdout);
      const end = script.indexOf(");", start);
      const withoutHistory = [...script.slice(0, start), ...script.slice(end + 1)].filter((l) => !historyLines(l));
      assert.deepEqual(withoutHistory, lines(upgrade0005));
      const inserts = script.filter((l) => l.startsWith("INSERT INTO athanor_history"));
      assert.deepEqual(
        inserts.map((l) => /VALUES \('([^']+)', '(\w+)'/.exec(l)?.slice(1, 3).join(" ")),
        ["0001 upgrade", "0002 upgrade", "0004 upgrade", "0003 upgrade", "0005 upgrade"],
      );
    } finally {
      withHistory.remove();
    }
  });

  test("downgrade --sql without a range exits 2 with Alembic's message", async () => {
    const sql = await project.run(["downgrade", "0002", "--sql"]);
    assert.equal(sql.code, 2, shown(sql));
    assert.match(sql.stderr, /downgrade with --sql requires <fromrev>:<torev>/);
  });

  test("upgrade audit@head --sql pulls in 0002 and a101 absorbs its row", async () => {
    const sql = await project.run(["upgrade", "audit@head", "--sql", "--transaction", "all"]);
    assert.equal(sql.code, 0, shown(sql));
    assert.equal(sql.stdout, upgradeAudit);
  });

  test("stamp heads --sql inserts one row per head and runs no revision code", async () => {
    const sql = await project.run(["stamp", "heads", "--sql"]);
    assert.equal(sql.code, 0, shown(sql));
    const out = statements(sql.stdout);
    assert.equal(sql.stdout.split(versionTable).length, 2, "the version table is created once");
    const inserts = out.filter((l) => l.startsWith("INSERT"));
    assert.deepEqual(inserts.sort(), [
      "INSERT INTO alembic_version (version_num) VALUES ('0006') RETURNING alembic_version.version_num;",
      "INSERT INTO alembic_version (version_num) VALUES ('a101') RETURNING alembic_version.version_num;",
    ]);
    assert.deepEqual(out.filter((l) => l.startsWith("-- Running")).sort(), ["-- Running stamp_revision  -> 0006", "-- Running stamp_revision  -> a101"]);
    assert.doesNotMatch(sql.stdout, /SELECT 'up:/);
  });

  test("upgrade head --sql refuses the two heads before printing anything", async () => {
    const sql = await project.run(["upgrade", "head", "--sql"]);
    assert.equal(sql.code, 2, shown(sql));
    assert.equal(sql.stdout, "");
    assert.match(sql.stderr, /Multiple head revisions are present for given argument 'head'/);
  });
});

describe("the sample graph online", () => {
  test("upgrade 0003, upgrade heads, current, history --indicate-current, downgrade base", async () => {
    const db = await postgresEngine.open(project);
    try {
      const url = ["--url", db.url];
      assert.equal((await project.run(["upgrade", "0003", ...url])).code, 0);
      assert.deepEqual(await db.versionRows(), ["0003"]);
      assert.equal((await project.run(["current", ...url])).stdout, "0003\n");

      const heads = await project.run(["upgrade", "heads", ...url]);
      assert.equal(heads.code, 0, shown(heads));
      assert.deepEqual(await db.versionRows(), ["0006", "a101"]);
      const current = await project.run(["current", ...url]);
      // As Alembic's `current`: no labels on these lines (heads shows them).
      assert.deepEqual(lines(current.stdout).sort(), ["0006 (head)", "a101 (head)"]);

      const indicated = await project.run(["history", "--indicate-current", ...url]);
      assert.equal(indicated.code, 0, shown(indicated));
      assert.ok(lines(indicated.stdout).includes("0005 -> 0006 (head) (current), after_merge"), shown(indicated));
      assert.ok(lines(indicated.stdout).includes("a100 (0002) -> a101 (audit) (head) (current), audit_two"), shown(indicated));

      const ambiguous = await project.run(["downgrade", "-1", ...url]);
      assert.equal(ambiguous.code, 2, shown(ambiguous));
      assert.match(ambiguous.stderr, /0006/);
      assert.match(ambiguous.stderr, /a101/);
      assert.deepEqual(await db.versionRows(), ["0006", "a101"], "nothing was undone");

      const base = await project.run(["downgrade", "base", ...url]);
      assert.equal(base.code, 0, shown(base));
      assert.deepEqual(await db.versionRows(), []);
    } finally {
      await db.drop();
    }
  });
});
