// `athanor status`: per head, what the database has and what an upgrade to that head
// would run, on both engines, as text and as JSON.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addRevision, createProject, engines, shown, type TempProject } from "./run-cli.js";

// 0001 ← 0002 ← 0003 (head) and 0001 ← a101 (head, labelled audit).
function branchedProject(): TempProject {
  const project = createProject();
  addRevision(project, { id: "0001", down: null, message: "initial", up: ["CREATE TABLE users (id int PRIMARY KEY)"], downSql: ["DROP TABLE users"] });
  addRevision(project, {
    id: "0002",
    down: "0001",
    message: "add_email",
    up: ["ALTER TABLE users ADD COLUMN email text"],
    downSql: ["ALTER TABLE users DROP COLUMN email"],
  });
  addRevision(project, {
    id: "0003",
    down: "0002",
    message: "add_name",
    up: ["ALTER TABLE users ADD COLUMN name text"],
    downSql: ["ALTER TABLE users DROP COLUMN name"],
  });
  addRevision(project, {
    id: "a101",
    down: "0001",
    message: "audit_log",
    branchLabels: ["audit"],
    up: ["CREATE TABLE audit (id int)"],
    downSql: ["DROP TABLE audit"],
  });
  return project;
}

for (const engine of engines) {
  describe(`status on ${engine.name}`, () => {
    test("lists, for each head, the applied count and the pending revisions in upgrade order, without changing the database", async () => {
      const project = branchedProject();
      const db = await engine.open(project);
      try {
        const url = ["--url", db.url];
        const fresh = await project.run(["status", ...url]);
        assert.equal(fresh.code, 0, shown(fresh));
        assert.match(fresh.stdout, /^Current: +base \(no revision applied\)$/m);
        assert.match(fresh.stdout, /^Head 0003: 0 applied, 3 pending\n {2}0001 +initial\n {2}0002 +add_email\n {2}0003 +add_name$/m);
        assert.match(fresh.stdout, /^Head a101 \(audit\): 0 applied, 2 pending\n {2}0001 +initial\n {2}a101 +audit_log$/m);
        assert.match(fresh.stdout, /^4 revisions pending on 2 of 2 heads: run `athanor upgrade heads`\.$/m);
        assert.deepEqual(await db.versionRows(), [], "status applies nothing");

        const upgraded = await project.run(["upgrade", "0002", ...url]);
        assert.equal(upgraded.code, 0, shown(upgraded));
        const partway = await project.run(["status", "--json", ...url]);
        assert.equal(partway.code, 0, shown(partway));
        const report = JSON.parse(partway.stdout) as {
          database: string;
          current: { revision: string }[];
          pendingCount: number;
          heads: {
            revision: string;
            branchLabels: string[];
            appliedCount: number;
            upToDate: boolean;
            pending: { revision: string; message: string; path: string }[];
          }[];
        };
        assert.deepEqual(
          report.current.map((r) => r.revision),
          ["0002"],
        );
        assert.equal(report.pendingCount, 2);
        assert.deepEqual(
          report.heads.map((h) => [h.revision, h.branchLabels, h.appliedCount, h.upToDate, h.pending.map((p) => p.revision)]),
          [
            ["0003", [], 2, false, ["0003"]],
            ["a101", ["audit"], 1, false, ["a101"]],
          ],
        );
        assert.match(report.heads[1]!.pending[0]!.path, /versions\/a101_audit_log\.ts$/);
        assert.doesNotMatch(report.database, /secret|:[^@/]*@/, "no password in the database description");

        const all = await project.run(["upgrade", "heads", ...url]);
        assert.equal(all.code, 0, shown(all));
        const done = await project.run(["status", ...url]);
        assert.match(done.stdout, /^Head 0003: 3 applied, 0 pending \(up to date\)$/m);
        assert.match(done.stdout, /^Head a101 \(audit\): 2 applied, 0 pending \(up to date\)$/m);
        assert.match(done.stdout, /^Up to date: nothing pending on any head\.$/m);
      } finally {
        await db.drop();
        project.remove();
      }
    });

    test("a version row naming no revision file is refused with the stamp --purge hint", async () => {
      const project = branchedProject();
      const db = await engine.open(project);
      try {
        const url = ["--url", db.url];
        assert.equal((await project.run(["stamp", "0002", ...url])).code, 0);
        await db.query("UPDATE alembic_version SET version_num = 'gone1234'");
        const result = await project.run(["status", ...url]);
        assert.equal(result.code, 4, shown(result));
        assert.match(result.stderr, /Can't locate revision identified by 'gone1234'/);
        assert.match(result.stderr, /stamp --purge/);
      } finally {
        await db.drop();
        project.remove();
      }
    });
  });
}
