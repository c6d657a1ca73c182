// The offline script is what an online run sends: `upgrade head --sql` applied with
// psql to an empty database must give the same schema (pg_dump --schema-only) and the
// same version rows as an online upgrade; likewise for a downgrade range.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { Migrator } from "../../src/runtime/migrator.js";
import { writeProject } from "./sample-project.js";

function schemaOf(database: TestDatabase): string {
  const dump = execFileSync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", database.url], { encoding: "utf8" });
  // Drop comments and blank lines (they carry the database name and dump times).
  return dump
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("--") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
    .join("\n");
}

function versionRows(database: TestDatabase): string {
  return execFileSync("psql", ["-X", "-A", "-t", "-c", "SELECT version_num FROM alembic_version ORDER BY 1", database.url], { encoding: "utf8" });
}

function applyScript(database: TestDatabase, script: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-sql-"));
  try {
    const file = path.join(dir, "upgrade.sql");
    writeFileSync(file, script);
    execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file, database.url], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const transactionMode of ["each", "all"] as const) {
  test(`upgrade head --sql (transaction mode ${transactionMode}) applied with psql equals an online upgrade`, async () => {
    const project = writeProject();
    const online = await createTestDatabase("online");
    const offline = await createTestDatabase("offline");
    try {
      await new Migrator({ config: { cwd: project.dir, databaseUrl: online.url, transactionMode } }).upgrade("head");
      let script = "";
      await new Migrator({ config: { cwd: project.dir, transactionMode } }).upgrade("head", { sql: true, output: { write: (t: string) => (script += t) } });
      applyScript(offline, script);
      assert.match(schemaOf(online), /CREATE FUNCTION public\.shout[\s\S]*CREATE TABLE public\.feature_a/);
      assert.equal(schemaOf(offline), schemaOf(online));
      assert.equal(versionRows(offline), "0006\n");
      assert.equal(versionRows(online), "0006\n");

      // And back: downgrade head:0002 offline vs online.
      await new Migrator({ config: { cwd: project.dir, databaseUrl: online.url, transactionMode } }).downgrade("0002");
      let down = "";
      await new Migrator({ config: { cwd: project.dir, transactionMode } }).downgrade("0006:0002", {
        sql: true,
        output: { write: (t: string) => (down += t) },
      });
      applyScript(offline, down);
      assert.equal(schemaOf(offline), schemaOf(online));
      assert.equal(versionRows(offline), "0002\n");
    } finally {
      await online.drop();
      await offline.drop();
      project.remove();
    }
  });
}
