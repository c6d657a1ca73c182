// Edited and missing revisions on PostgreSQL and PGlite: a file changed after it was
// applied is a warning (an error when strict), listed by editedRevisions(); a version
// row naming no file is Alembic's "Can't locate revision", with the way out in the hint.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { appendFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { Migrator, type MigratorConfig, type MigratorOptions } from "../../src/runtime/migrator.js";
import { engines, type EngineDatabase } from "./engines.js";
import { sampleRevisions, writeProject } from "./sample-project.js";

const linear = sampleRevisions.slice(0, 3);

function migratorFor(db: EngineDatabase, dir: string, config: Partial<MigratorConfig> = {}, extra: Partial<MigratorOptions> = {}): Migrator {
  return new Migrator({ config: { cwd: dir, databaseUrl: db.url, ...config }, ...(db.url === undefined ? { connection: db.connection } : {}), ...extra });
}

function fileOf(dir: string, id: string): string {
  const name = readdirSync(path.join(dir, "versions")).find((file) => file.includes(`_${id}_`));
  assert.ok(name);
  return path.join("versions", name);
}

for (const engine of engines) {
  describe(`edited revisions (${engine.name})`, () => {
    test("an applied revision edited afterwards is a warning naming the file and when it was applied", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        await migratorFor(db, project.dir).upgrade("0002");
        const file = fileOf(project.dir, "0001");
        appendFileSync(path.join(project.dir, file), "\n// a later edit\n");
        const warnings: string[] = [];
        const migrator = migratorFor(db, project.dir, {}, { onWarning: (line) => warnings.push(line) });
        await migrator.upgrade("head");
        assert.equal(warnings.length, 1);
        assert.match(
          warnings[0]!,
          new RegExp(
            `^${file.replaceAll(".", "\\.")} changed after it was applied on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: never edit an applied revision; write a new one$`,
          ),
        );
        await migrator.currentHeads();
        assert.equal(warnings.length, 2, "current warns as well");
        const edited = await migrator.editedRevisions();
        assert.deepEqual(
          edited.map((e) => [e.revision, e.path]),
          [["0001", file]],
        );
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("strict turns the warning into EDITED_REVISION before anything runs", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        await migratorFor(db, project.dir).upgrade("0002");
        appendFileSync(path.join(project.dir, fileOf(project.dir, "0002")), "\n-- edited\n");
        await assert.rejects(migratorFor(db, project.dir).upgrade("head", { strict: true }), (error: unknown) => {
          assert.ok(error instanceof AthanorError);
          assert.equal(error.code, "EDITED_REVISION");
          assert.equal(error.exitCode, 1);
          assert.match(error.message, /_0002_add_email\.sql changed after it was applied/);
          assert.match(error.hint ?? "", /new revision/);
          return true;
        });
        assert.deepEqual(
          (await db.rows("SELECT version_num FROM alembic_version")).map((r) => r.version_num),
          ["0002"],
        );
        await assert.rejects(migratorFor(db, project.dir, { strict: true }).currentHeads(), /EDITED|changed after it was applied/);
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("an edit to a revision that was downgraded since is not reported", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        await migratorFor(db, project.dir).upgrade("head");
        await migratorFor(db, project.dir).downgrade("0002");
        appendFileSync(path.join(project.dir, fileOf(project.dir, "0003")), "\n// reworked before re-applying\n");
        const warnings: string[] = [];
        await migratorFor(db, project.dir, {}, { onWarning: (line) => warnings.push(line) }).upgrade("head");
        assert.deepEqual(warnings, []);
        assert.deepEqual(await migratorFor(db, project.dir).editedRevisions(), [], "the new upgrade recorded the new checksum");
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("an applied revision checked out again with CRLF line endings and a BOM is not reported as edited; a real edit still is", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        await migratorFor(db, project.dir).upgrade("head");
        const files = ["0001", "0002"].map((id) => path.join(project.dir, fileOf(project.dir, id)));
        for (const file of files) {
          const text = readFileSync(file, "utf8");
          assert.ok(!text.includes("\r"), "the sample is written with LF");
          writeFileSync(file, `\uFEFF${text.replaceAll("\n", "\r\n")}`);
        }
        assert.deepEqual(await migratorFor(db, project.dir).editedRevisions(), []);
        appendFileSync(files[1]!, "-- edited on Windows\r\n");
        assert.deepEqual(
          (await migratorFor(db, project.dir).editedRevisions()).map((e) => e.revision),
          ["0002"],
        );
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("a checksum recorded by an earlier release (sha256 of the raw bytes of a CRLF file) still matches the file", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        const file = path.join(project.dir, fileOf(project.dir, "0001"));
        writeFileSync(file, readFileSync(file, "utf8").replaceAll("\n", "\r\n"));
        await migratorFor(db, project.dir).upgrade("0001");
        const rawBytes = createHash("sha256").update(readFileSync(file)).digest("hex");
        const [row] = await db.rows("SELECT sha256 FROM athanor_history WHERE revision = '0001'");
        assert.notEqual(String(row?.sha256).trim(), rawBytes, "today's checksum is of the normalised text");
        await db.rows(`UPDATE athanor_history SET sha256 = '${rawBytes}' WHERE revision = '0001'`);
        assert.deepEqual(await migratorFor(db, project.dir).editedRevisions(), []);
        writeFileSync(file, readFileSync(file, "utf8").replaceAll("\r\n", "\n"));
        assert.deepEqual(await migratorFor(db, project.dir).editedRevisions(), [], "the same text with LF is the same revision");
      } finally {
        await db.cleanup();
        project.remove();
      }
    });

    test("a version row naming a deleted file is Can't locate revision, with stamp --purge or restoring it as the way out", async () => {
      const project = writeProject(linear);
      const db = await engine.open();
      try {
        await migratorFor(db, project.dir).upgrade("head");
        rmSync(path.join(project.dir, fileOf(project.dir, "0003")));
        for (const run of [(m: Migrator) => m.upgrade("head"), (m: Migrator) => m.currentHeads(), (m: Migrator) => m.downgrade("-1")]) {
          await assert.rejects(run(migratorFor(db, project.dir)), (error: unknown) => {
            assert.ok(error instanceof AthanorError);
            assert.equal(error.code, "UNKNOWN_DATABASE_REVISION");
            assert.match(error.message, /^Can't locate revision identified by '0003'/);
            assert.match(error.hint ?? "", /athanor stamp --purge <revision>/);
            assert.match(error.hint ?? "", /restore/);
            return true;
          });
        }
      } finally {
        await db.cleanup();
        project.remove();
      }
    });
  });
}
