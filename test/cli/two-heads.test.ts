// Two heads, as after a `git pull` that brings a colleague's revision: `upgrade head`
// refuses and names the merge command, `upgrade heads` works, `merge` joins them, and two
// databases that applied the branches in opposite orders end up identical.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addRevision, createProject, engines, lines, postgresEngine, schemaDump, shown, type TempProject } from "./run-cli.js";

function twoHeadsProject(): TempProject {
  const project = createProject();
  addRevision(project, { id: "0001", down: null, message: "initial", up: ["CREATE TABLE users (id int PRIMARY KEY)"], downSql: ["DROP TABLE users"] });
  // Two developers, one parent each: one adds a column, the other a table.
  addRevision(project, {
    id: "0002",
    down: "0001",
    message: "add_email",
    up: ["ALTER TABLE users ADD COLUMN email text"],
    downSql: ["ALTER TABLE users DROP COLUMN email"],
  });
  addRevision(project, {
    id: "0003",
    down: "0001",
    message: "add_posts",
    up: ["CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users (id))"],
    downSql: ["DROP TABLE posts"],
  });
  return project;
}

const mergeFile = (project: TempProject) => project.versionFiles().find((f) => f.endsWith("_merge_heads.ts"));

for (const engine of engines) {
  describe(`two heads on ${engine.name}`, () => {
    test("upgrade head refuses two heads and names both files and the merge command; heads, merge and upgrade then work", async () => {
      const project = twoHeadsProject();
      const db = await engine.open(project);
      try {
        const url = ["--url", db.url];
        const refused = await project.run(["upgrade", "head", ...url]);
        assert.equal(refused.code, 2, shown(refused));
        assert.match(refused.stderr, /Multiple head revisions are present for given argument 'head'/);
        assert.match(refused.stderr, /0002 .*versions\/0002_add_email\.ts/);
        assert.match(refused.stderr, /0003 .*versions\/0003_add_posts\.ts/);
        assert.match(refused.stderr, /^hint: .*athanor merge -m "merge_heads" heads/m);
        assert.equal(refused.stdout, "");
        assert.deepEqual(await db.versionRows(), [], "nothing ran");

        const defaulted = await project.run(["upgrade", ...url]);
        assert.equal(defaulted.code, 2, "plain `upgrade` means head and refuses the same way");

        const heads = await project.run(["upgrade", "heads", ...url]);
        assert.equal(heads.code, 0, shown(heads));
        assert.deepEqual(await db.versionRows(), ["0002", "0003"]);

        const merge = await project.run(["merge", "-m", "merge_heads", "heads"]);
        assert.equal(merge.code, 0, shown(merge));
        const file = mergeFile(project);
        assert.ok(file, `a merge file in ${project.versionFiles().join(", ")}`);
        assert.match(merge.stdout, new RegExp(`Generating versions/${file} \\.\\.\\. done`));
        const source = project.read(`versions/${file}`);
        assert.match(source, /export const downRevision: string \| string\[\] \| null = \["0002", "0003"\];/);
        const id = /export const revision = "([^"]+)";/.exec(source)?.[1];
        assert.ok(id);

        const listed = await project.run(["heads"]);
        // Alembic's `heads` leaves out the branch/merge point markers that `current` shows.
        assert.equal(listed.stdout, `${id} (head)\n`);

        const up = await project.run(["upgrade", ...url]);
        assert.equal(up.code, 0, shown(up));
        assert.match(up.stderr, new RegExp(`Running upgrade 0002, 0003 -> ${id}, merge_heads`));
        assert.deepEqual(await db.versionRows(), [id]);
        assert.equal((await project.run(["current", ...url])).stdout, `${id} (head) (mergepoint)\n`);
      } finally {
        await db.drop();
        project.remove();
      }
    });
  });
}

describe("two developers", () => {
  test("databases that applied the two branches in opposite orders reach the same rows and schema after the merge", async () => {
    const project = twoHeadsProject();
    const first = await postgresEngine.open(project);
    const second = await postgresEngine.open(project);
    try {
      const run = async (args: string[], url: string) => {
        const result = await project.run([...args, "--url", url]);
        assert.equal(result.code, 0, shown(result));
        return result;
      };
      await run(["upgrade", "0002"], first.url);
      await run(["upgrade", "0003"], first.url);
      await run(["upgrade", "0003"], second.url);
      await run(["upgrade", "0002"], second.url);
      assert.deepEqual(await first.versionRows(), ["0002", "0003"]);
      assert.deepEqual(await second.versionRows(), ["0002", "0003"]);

      assert.equal((await project.run(["merge", "-m", "merge_heads", "heads"])).code, 0);
      const id = /export const revision = "([^"]+)";/.exec(project.read(`versions/${mergeFile(project)}`))?.[1];
      assert.ok(id);

      const upFirst = await run(["upgrade"], first.url);
      const upSecond = await run(["upgrade"], second.url);
      for (const result of [upFirst, upSecond]) {
        assert.deepEqual(
          lines(result.stderr).filter((l) => l.startsWith("Running")),
          [`Running upgrade 0002, 0003 -> ${id}, merge_heads`],
        );
      }
      assert.deepEqual(await first.versionRows(), [id]);
      assert.deepEqual(await second.versionRows(), [id]);
      assert.equal(await schemaDump(first.url), await schemaDump(second.url));
      assert.match(await schemaDump(first.url), /CREATE TABLE public\.posts/);
    } finally {
      await first.drop();
      await second.drop();
      project.remove();
    }
  });
});
