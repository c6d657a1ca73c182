// A failing statement of a SQL revision is named by its line in the FILE (not in its
// section), and PostgreSQL's error position by file line and column, on both engines.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { Migrator } from "../../src/runtime/migrator.js";
import { engines, versionRows, type EngineDatabase } from "./engines.js";

const FILE = "versions/20250101_0001_lines.sql";

/** Header (lines 1–4), upgrade from line 5, downgrade marker on line 11, filler, then the failing statement. */
function revisionText(downgrade: string): string {
  const filler = Array.from({ length: 30 }, (_, i) => `-- filler ${i + 1}\nSELECT ${i + 1};`).join("\n");
  return [
    "-- revision: 0001",
    "-- down_revision: none",
    "-- message: lines",
    "",
    "-- +upgrade",
    "",
    "CREATE TABLE kept (id int);",
    "CREATE TABLE other (id int);",
    "",
    "",
    "-- +downgrade", // line 11
    "",
    filler, // lines 13–72
    downgrade, // from line 73
    "DROP TABLE kept;",
    "",
  ].join("\n");
}

function project(text: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-lines-"));
  mkdirSync(path.join(dir, "versions"));
  writeFileSync(path.join(dir, FILE), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function migratorFor(db: EngineDatabase, dir: string): Migrator {
  return new Migrator({ config: { cwd: dir, databaseUrl: db.url }, ...(db.url === undefined ? { connection: db.connection } : {}) });
}

for (const engine of engines) {
  describe(`SQL revision errors count lines in the file (${engine.name})`, () => {
    test("a failing statement deep in the downgrade section names file:line of the statement and of the error position", async () => {
      // The statement starts on line 74 (after a comment on 73); the bad column is on line 76, column 19.
      const p = project(revisionText("-- the failing one\nSELECT id,\n       1\n  FROM kept WHERE nosuch = 1;"));
      const db = await engine.open();
      try {
        const migrator = migratorFor(db, p.dir);
        await migrator.upgrade("head");
        await assert.rejects(migrator.downgrade("base"), (error: unknown) => {
          assert.ok(error instanceof AthanorError);
          assert.equal(error.code, "MIGRATION_FAILED");
          assert.match(error.message, new RegExp(`^downgrade 0001 ->  failed \\(revision 0001, ${FILE.replace(/\./g, "\\.")}:73\\)`));
          assert.match(error.message, /error: column "nosuch" does not exist/);
          assert.match(error.message, new RegExp(`position: character \\d+ \\(line 4, column 19\\), at ${FILE.replace(/\./g, "\\.")}:76:19`));
          assert.equal(error.details?.line, 73);
          return true;
        });
        assert.deepEqual(await versionRows(db), ["0001"], "the downgrade rolled back");
      } finally {
        await db.cleanup();
        p.remove();
      }
    });

    test("an unterminated string in the downgrade section names the file line it starts on, before any statement runs", async () => {
      const p = project(revisionText("SELECT 'never closed;"));
      const db = await engine.open();
      try {
        const migrator = migratorFor(db, p.dir);
        await migrator.upgrade("head");
        await assert.rejects(migrator.downgrade("base"), (error: unknown) => {
          assert.ok(error instanceof AthanorError);
          assert.match(error.message, new RegExp(`unterminated quoted string starting at ${FILE.replace(/\./g, "\\.")}:73`));
          return true;
        });
        assert.deepEqual(await versionRows(db), ["0001"]);
        assert.deepEqual(await db.rows("SELECT to_regclass('kept') IS NOT NULL AS kept"), [{ kept: true }]);
      } finally {
        await db.cleanup();
        p.remove();
      }
    });
  });
}
