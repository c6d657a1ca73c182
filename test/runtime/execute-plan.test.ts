// executePlan with hand-built plans (the reference's sample graph), SQL revisions and
// both runners: the offline text must be Alembic's, and the online run must leave the
// version table where each step says.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { locateStatements } from "../../src/dialect/postgres/split-statements.js";
import { AthanorError } from "../../src/errors.js";
import type { RevisionSource } from "../../src/graph/revision-source.js";
import type { Plan, Step, VersionChange } from "../../src/graph/step.js";
import { executePlan, type TransactionMode } from "../../src/runtime/execute-plan.js";
import { executeStamp } from "../../src/runtime/execute-stamp.js";
import type { StepDependencies } from "../../src/runtime/loaded-revision.js";
import { OfflineWriter } from "../../src/runtime/offline-writer.js";
import { OnlineRunner } from "../../src/runtime/statement-runner.js";
import { VersionTable } from "../../src/runtime/version-table.js";
import { engines, versionRows } from "./engines.js";

function source(revision: string, extra: Partial<RevisionSource> = {}): RevisionSource {
  return {
    revision,
    downRevisions: [],
    branchLabels: [],
    dependsOn: [],
    message: `msg_${revision}`,
    createDate: null,
    path: `versions/${revision}.sql`,
    transactional: true,
    format: "sql",
    ...extra,
  };
}

function step(revision: string, from: string[], to: string[], versionChanges: VersionChange[], direction: "upgrade" | "downgrade" = "upgrade"): Step {
  return { direction, revision, from, to, versionChanges };
}

const ins = (revision: string): VersionChange => ({ kind: "insert", revision });
const upd = (from: string, to: string): VersionChange => ({ kind: "update", from, to });
const del = (revision: string): VersionChange => ({ kind: "delete", revision });

// The reference's `upgrade 0005 --sql`, with 0003 before 0004 (file-name order).
const upgradeTo0005: Plan = {
  direction: "upgrade",
  start: [],
  end: ["0005"],
  steps: [
    step("0001", [], ["0001"], [ins("0001")]),
    step("0002", ["0001"], ["0002"], [upd("0001", "0002")]),
    step("0003", ["0002"], ["0003"], [upd("0002", "0003")]),
    step("0004", ["0002"], ["0004"], [ins("0004")]),
    step("0005", ["0003", "0004"], ["0005"], [del("0003"), upd("0004", "0005")]),
  ],
};

// The reference's `downgrade 0005:0002 --sql` (after the 0006 step).
const downgradeTo0002: Plan = {
  direction: "downgrade",
  start: ["0005"],
  end: ["0002"],
  steps: [
    step("0005", ["0005"], ["0003", "0004"], [ins("0003"), upd("0005", "0004")], "downgrade"),
    step("0003", ["0003"], ["0002"], [del("0003")], "downgrade"),
    step("0004", ["0004"], ["0002"], [upd("0004", "0002")], "downgrade"),
  ],
};

function dependencies(sql: Record<string, string> = {}, seen: string[] = []): StepDependencies {
  return {
    loadRevision: async (s) => {
      seen.push(s.revision);
      return {
        format: "sql",
        upgradeSql: sql[`up:${s.revision}`] ?? `SELECT 'up:${s.revision}';`,
        upgradeLine: 1,
        downgradeSql: sql[`down:${s.revision}`] ?? `SELECT 'down:${s.revision}';`,
        downgradeLine: 1,
      };
    },
    createOperations: () => {
      throw new Error("not used by SQL revisions");
    },
    renderOperation: () => [],
    splitStatements: locateStatements,
  };
}

const sources = new Map(["0001", "0002", "0003", "0004", "0005"].map((id) => [id, source(id)]));
const sourceOf = (id: string) => sources.get(id)!;

async function offline(plan: Plan, mode: TransactionMode, fromBase: boolean, toBase = false): Promise<string> {
  let text = "";
  await executePlan(plan, {
    runner: new OfflineWriter({ write: (t: string) => (text += t) }),
    versionTable: new VersionTable(),
    transactionMode: mode,
    createTable: fromBase,
    dropTableAtEnd: toBase,
    sourceOf,
    dependencies: dependencies(),
  });
  return text;
}

describe("executePlan offline", () => {
  test("transaction mode all prints Alembic's upgrade 0005 --sql script", async () => {
    assert.equal(
      await offline(upgradeTo0005, "all", true),
      `BEGIN;
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
-- Running upgrade  -> 0001
SELECT 'up:0001';
INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;
-- Running upgrade 0001 -> 0002
SELECT 'up:0002';
UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';
-- Running upgrade 0002 -> 0003
SELECT 'up:0003';
UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';
-- Running upgrade 0002 -> 0004
SELECT 'up:0004';
INSERT INTO alembic_version (version_num) VALUES ('0004') RETURNING alembic_version.version_num;
-- Running upgrade 0003, 0004 -> 0005
SELECT 'up:0005';
DELETE FROM alembic_version WHERE alembic_version.version_num = '0003';
UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';
COMMIT;
`,
    );
  });

  test("transaction mode each wraps every revision in its own BEGIN/COMMIT, the table created in the first", async () => {
    const text = await offline({ ...upgradeTo0005, steps: upgradeTo0005.steps.slice(0, 2), end: ["0002"] }, "each", true);
    assert.equal(
      text,
      `BEGIN;
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
-- Running upgrade  -> 0001
SELECT 'up:0001';
INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;
COMMIT;
BEGIN;
-- Running upgrade 0001 -> 0002
SELECT 'up:0002';
UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';
COMMIT;
`,
    );
  });

  test("a downgrade through a merge inserts the parent row back, as Alembic's unmerge does", async () => {
    const text = await offline(downgradeTo0002, "all", false);
    assert.match(
      text,
      /^BEGIN;\n-- Running downgrade 0005 -> 0003, 0004\nSELECT 'down:0005';\nINSERT INTO alembic_version \(version_num\) VALUES \('0003'\) RETURNING alembic_version.version_num;\nUPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';\n/,
    );
    assert.ok(text.endsWith("UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0004';\nCOMMIT;\n"));
  });

  test("a downgrade to base drops the version table before the last COMMIT", async () => {
    const plan: Plan = { direction: "downgrade", start: ["0001"], end: [], steps: [step("0001", ["0001"], [], [del("0001")], "downgrade")] };
    assert.equal(
      await offline(plan, "all", false, true),
      "BEGIN;\n-- Running downgrade 0001 -> \nSELECT 'down:0001';\nDELETE FROM alembic_version WHERE alembic_version.version_num = '0001';\nDROP TABLE alembic_version;\nCOMMIT;\n",
    );
  });

  test("a non-transactional revision is printed between transactions, its version row committed right after it", async () => {
    sources.set("0002", source("0002", { transactional: false }));
    try {
      const text = await offline({ ...upgradeTo0005, steps: upgradeTo0005.steps.slice(0, 3), end: ["0003"] }, "all", false);
      assert.equal(
        text,
        `BEGIN;
-- Running upgrade  -> 0001
SELECT 'up:0001';
INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;
COMMIT;
-- Running upgrade 0001 -> 0002
SELECT 'up:0002';
BEGIN;
UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';
COMMIT;
BEGIN;
-- Running upgrade 0002 -> 0003
SELECT 'up:0003';
UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';
COMMIT;
`,
      );
    } finally {
      sources.set("0002", source("0002"));
    }
  });

  test("stamp prints Alembic's stamp_revision blocks", async () => {
    let text = "";
    await executeStamp(
      [
        { from: [], to: ["a101"], versionChanges: [ins("a101")] },
        { from: [], to: ["0006"], versionChanges: [ins("0006")] },
      ],
      { runner: new OfflineWriter({ write: (t: string) => (text += t) }), versionTable: new VersionTable(), createTable: true, start: [] },
    );
    assert.match(text, /^BEGIN;\nCREATE TABLE alembic_version \(/);
    assert.ok(
      text.endsWith(`-- Running stamp_revision  -> a101
INSERT INTO alembic_version (version_num) VALUES ('a101') RETURNING alembic_version.version_num;
-- Running stamp_revision  -> 0006
INSERT INTO alembic_version (version_num) VALUES ('0006') RETURNING alembic_version.version_num;
COMMIT;
`),
    );
  });
});

for (const engine of engines) {
  describe(`executePlan online (${engine.name})`, () => {
    test("each step leaves the version table where its changes say, up through a merge and back", async () => {
      const db = await engine.open();
      try {
        const progress: string[] = [];
        const table = new VersionTable();
        const seen: string[] = [];
        const expectedAfter = [["0001"], ["0002"], ["0003"], ["0003", "0004"], ["0005"]];
        for (const [index, s] of upgradeTo0005.steps.entries()) {
          await executePlan(
            { direction: "upgrade", start: [], end: [], steps: [s] },
            {
              runner: new OnlineRunner(db.connection),
              versionTable: table,
              transactionMode: "each",
              createTable: index === 0,
              dropTableAtEnd: false,
              sourceOf,
              dependencies: dependencies({}, seen),
              onProgress: (l) => progress.push(l),
            },
          );
          assert.deepEqual(await versionRows(db), expectedAfter[index]);
        }
        assert.deepEqual(seen, ["0001", "0002", "0003", "0004", "0005"]);
        assert.deepEqual(progress, [
          "Running upgrade  -> 0001, msg_0001",
          "Running upgrade 0001 -> 0002, msg_0002",
          "Running upgrade 0002 -> 0003, msg_0003",
          "Running upgrade 0002 -> 0004, msg_0004",
          "Running upgrade 0003, 0004 -> 0005, msg_0005",
        ]);
        await executePlan(downgradeTo0002, {
          runner: new OnlineRunner(db.connection),
          versionTable: table,
          transactionMode: "each",
          createTable: false,
          dropTableAtEnd: false,
          sourceOf,
          dependencies: dependencies(),
        });
        assert.deepEqual(await versionRows(db), ["0002"]);
      } finally {
        await db.cleanup();
      }
    });

    test("a failing revision rolls back alone: earlier ones stay and the table names the last good one", async () => {
      const db = await engine.open();
      try {
        const sql = { "up:0001": "CREATE TABLE kept (id int);", "up:0002": "CREATE TABLE lost (id int);\nINSERT INTO missing_table VALUES (1);" };
        await assert.rejects(
          executePlan(upgradeTo0005, {
            runner: new OnlineRunner(db.connection),
            versionTable: new VersionTable(),
            transactionMode: "each",
            createTable: true,
            dropTableAtEnd: false,
            sourceOf,
            dependencies: dependencies(sql),
          }),
          (error: unknown) => {
            assert.ok(error instanceof AthanorError);
            assert.equal(error.code, "MIGRATION_FAILED");
            assert.match(error.message, /^upgrade 0001 -> 0002 failed \(revision 0002, versions\/0002\.sql:2\)/);
            assert.match(error.message, /statement: INSERT INTO missing_table VALUES \(1\)/);
            assert.match(error.message, /error: relation "missing_table" does not exist/);
            assert.match(error.message, /position: character 13 \(line 1, column 13\), at versions\/0002\.sql:2:13/);
            assert.match(error.hint ?? "", /version table is at 0001/);
            return true;
          },
        );
        assert.deepEqual(await versionRows(db), ["0001"]);
        const tables = (await db.rows("SELECT relname FROM pg_class WHERE relname IN ('kept', 'lost') ORDER BY 1")).map((r) => r.relname);
        assert.deepEqual(tables, ["kept"]);
      } finally {
        await db.cleanup();
      }
    });

    test("transaction mode all rolls the whole plan back on failure", async () => {
      const db = await engine.open();
      try {
        const sql = { "up:0001": "CREATE TABLE kept (id int);", "up:0003": "SELECT 1/0;" };
        await assert.rejects(
          executePlan(upgradeTo0005, {
            runner: new OnlineRunner(db.connection),
            versionTable: new VersionTable(),
            transactionMode: "all",
            createTable: true,
            dropTableAtEnd: false,
            sourceOf,
            dependencies: dependencies(sql),
          }),
          /upgrade 0002 -> 0003 failed[\s\S]*division by zero/,
        );
        assert.deepEqual(await versionRows(db), []);
        assert.deepEqual(await db.rows("SELECT to_regclass('kept') IS NULL AS gone"), [{ gone: true }]);
      } finally {
        await db.cleanup();
      }
    });

    test("an UPDATE of the version table that matches no row is an error, not silence", async () => {
      const db = await engine.open();
      try {
        const table = new VersionTable();
        await db.connection.exec(`${table.createStatement()}; ${table.insertStatement("0009")}`);
        await assert.rejects(
          executePlan(
            { direction: "upgrade", start: ["0001"], end: ["0002"], steps: [upgradeTo0005.steps[1]!] },
            {
              runner: new OnlineRunner(db.connection),
              versionTable: table,
              transactionMode: "each",
              createTable: false,
              dropTableAtEnd: false,
              sourceOf,
              dependencies: dependencies(),
            },
          ),
          (error: unknown) =>
            error instanceof AthanorError &&
            error.code === "VERSION_TABLE_MISMATCH" &&
            /updating '0001' to '0002' in alembic_version; 0 found/.test(error.message),
        );
        assert.deepEqual(await versionRows(db), ["0009"]);
      } finally {
        await db.cleanup();
      }
    });
  });
}
