// A non-transactional revision a killed run started and never recorded (the "started"
// mark is what the kill leaves): status and current warn, naming it and stamp, and
// check fails on it, so a CI gate catches it before anyone runs upgrade again.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { StartedMarkers } from "../../src/runtime/started-markers.js";
import { addRevision, createProject, engines, shown, tsRevision } from "./run-cli.js";

for (const engine of engines) {
  describe(`an interrupted revision on ${engine.name}`, () => {
    test("status and current warn, check fails naming it, and stamp settles it", async () => {
      const project = createProject();
      addRevision(project, { id: "0001", down: null, message: "initial", up: ["CREATE TABLE users (id int)"], downSql: ["DROP TABLE users"] });
      project.write(
        "versions/0002_add_index.ts",
        tsRevision({ id: "0002", down: "0001", message: "add_index", up: ["CREATE INDEX CONCURRENTLY users_id ON users (id)"], downSql: [] }).replace(
          "export const message",
          "export const transactional = false;\nexport const message",
        ),
      );
      const db = await engine.open(project);
      const url = ["--url", db.url];
      try {
        assert.equal((await project.run(["upgrade", "0001", ...url])).code, 0);
        // What a kill -9 during 0002 leaves behind.
        const markers = new StartedMarkers({ name: "athanor_history" });
        await db.query(markers.createStatement());
        await db.query(markers.insertStatement("0002", "upgrade", "deploy@host"));

        for (const command of ["status", "current"]) {
          const result = await project.run([command, ...url]);
          assert.equal(result.code, 0, shown(result));
          assert.match(
            result.stderr,
            /^warning: revision 0002 \(versions\/0002_add_index\.ts\) runs outside a transaction and an earlier upgrade of it .* did not finish/m,
            `${command}\n${shown(result)}`,
          );
          assert.match(result.stderr, /^hint: check its effects.*`athanor stamp 0002`/m);
        }
        const check = await project.run(["check", "--json", ...url]);
        assert.equal(check.code, 1, shown(check));
        const problems = (JSON.parse(check.stdout) as { problems: { kind: string; message: string }[] }).problems;
        assert.ok(
          problems.some((p) => p.kind === "interrupted-revision" && /revision 0002/.test(p.message)),
          check.stdout,
        );

        assert.equal((await project.run(["stamp", "0002", ...url])).code, 0);
        const after = await project.run(["status", ...url]);
        assert.doesNotMatch(after.stderr, /did not finish/, shown(after));
      } finally {
        await db.drop();
        project.remove();
      }
    });
  });
}
