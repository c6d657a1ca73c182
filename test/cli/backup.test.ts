// upgrade --backup: the dump is taken before anything is applied, names itself, and
// restores what the database held (schema and rows) with the tools README "Backups"
// names: pg_restore for PostgreSQL, unpacking the .tar.gz into the data directory for the
// embedded database. Without a usable pg_dump the upgrade is refused with nothing applied.
import { PGlite } from "@electric-sql/pglite";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { createTestDatabase } from "../helpers/database.js";
import { validate } from "../helpers/json-schema-subset.js";
import { addRevision, createProject, pgliteEngine, postgresEngine, repoRoot, schemaDump, shown, type TempProject } from "./run-cli.js";

const outputSchema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "cli-output.schema.json"), "utf8")) as Record<string, unknown>;

/** upgrade --json with a backup member, as the published schema has it. */
function runReport(stdout: string): Record<string, unknown> {
  const value = JSON.parse(stdout) as Record<string, unknown>;
  assert.deepEqual(validate(outputSchema, { $ref: "#/$defs/run" }, value), [], stdout);
  return value;
}

function twoRevisions(project: TempProject): void {
  addRevision(project, {
    id: "0001",
    down: null,
    message: "users",
    up: ["CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL)", "CREATE INDEX ix_users_email ON users (email)"],
    downSql: ["DROP TABLE users"],
  });
  addRevision(project, {
    id: "0002",
    down: "0001",
    message: "posts",
    up: ["CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users (id))", "ALTER TABLE users ADD COLUMN nickname text"],
    downSql: ["ALTER TABLE users DROP COLUMN nickname", "DROP TABLE posts"],
  });
}

/**
 * `pg_dump -s` text, with the one line PostgreSQL itself does not carry through a dump and
 * restore: athanor_history's `direction IN (…)` on a varchar column is printed with its
 * casts placed differently once it has been reloaded (same constraint, other spelling).
 */
async function schemaOf(url: string): Promise<string> {
  return (await schemaDump(url)).replace(/CONSTRAINT athanor_history_direction_check CHECK .*/, "CONSTRAINT athanor_history_direction_check CHECK (…)");
}

/** The path the upgrade printed in "Backup written: <path> (…)". */
function writtenPath(stderr: string): string {
  const match = /^Backup written: (.+?) \(/m.exec(stderr);
  assert.ok(match, `a "Backup written" line\n${stderr}`);
  return match[1]!;
}

describe("upgrade --backup on PostgreSQL", { concurrency: true }, () => {
  test("the dump is taken before the upgrade and pg_restore brings back the same schema and rows", async () => {
    const project = createProject();
    twoRevisions(project);
    const db = await postgresEngine.open(project);
    const restored = await createTestDatabase("restored");
    try {
      assert.equal((await project.run(["upgrade", "0001", "--url", db.url])).code, 0);
      await db.query("INSERT INTO users VALUES (1, 'ada@example.com'), (2, 'grace@example.com')");
      const schemaBefore = await schemaOf(db.url);
      const upgrade = await project.run(["upgrade", "--backup", "--url", db.url, "--json"]);
      assert.equal(upgrade.code, 0, shown(upgrade));
      const file = writtenPath(upgrade.stderr);
      const report = runReport(upgrade.stdout) as { backup: { format: string; path: string } };
      assert.equal(report.backup.format, "pg_dump-custom");
      assert.equal(path.resolve(project.dir, report.backup.path), path.resolve(project.dir, file));
      assert.match(path.basename(file), /_\d{8}T\d{6}Z_0001\.dump$/);
      assert.equal(path.dirname(path.resolve(project.dir, file)), path.join(project.dir, "backups"));
      assert.equal(statSync(path.resolve(project.dir, file)).mode & 0o777, 0o600, "only its owner reads a dump");
      assert.deepEqual(await db.versionRows(), ["0002"], "the upgrade ran after the backup");
      // The data changes after the backup; the backup still holds what was there before.
      await db.query("DELETE FROM users WHERE id = 1; UPDATE users SET email = 'changed' WHERE id = 2");
      execFileSync("pg_restore", ["--no-owner", "-d", restored.url, path.resolve(project.dir, file)], { stdio: "pipe" });
      assert.equal(await schemaOf(restored.url), schemaBefore, "the restored database has the schema of before the upgrade");
      const rows = await new (await import("pg")).default.Client({ connectionString: restored.url });
      await rows.connect();
      try {
        assert.deepEqual((await rows.query("SELECT id, email FROM users ORDER BY id")).rows, [
          { id: 1, email: "ada@example.com" },
          { id: 2, email: "grace@example.com" },
        ]);
        assert.deepEqual((await rows.query("SELECT version_num FROM alembic_version")).rows, [{ version_num: "0001" }]);
      } finally {
        await rows.end();
      }
      // In place, as README says: the objects later revisions made are not in the dump, so the schema goes first.
      await db.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      execFileSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "-d", db.url, path.resolve(project.dir, file)], { stdio: "pipe" });
      assert.deepEqual(await db.versionRows(), ["0001"]);
      assert.equal((await db.query("SELECT to_regclass('public.posts') IS NULL AS gone"))[0]?.gone, true);
      assert.deepEqual(await db.query("SELECT id, email FROM users ORDER BY id"), [
        { id: 1, email: "ada@example.com" },
        { id: 2, email: "grace@example.com" },
      ]);
    } finally {
      await restored.drop();
      await db.drop();
      project.remove();
    }
  });

  test("--backup=DIR writes there; with nothing to apply no backup is taken", async () => {
    const project = createProject();
    twoRevisions(project);
    const db = await postgresEngine.open(project);
    const dir = mkdtempSync(path.join(tmpdir(), "athanor-backups-"));
    try {
      const first = await project.run(["upgrade", `--backup=${dir}/nested`, "--url", db.url]);
      assert.equal(first.code, 0, shown(first));
      assert.match(writtenPath(first.stderr), /_base\.dump$/, "at base before the first revision");
      assert.equal(readdirSync(path.join(dir, "nested")).length, 1);
      const again = await project.run(["upgrade", `--backup=${dir}/nested`, "--url", db.url, "--json"]);
      assert.equal(again.code, 0, shown(again));
      assert.equal(runReport(again.stdout).backup, null);
      assert.match(again.stderr, /No backup taken: there was nothing to apply/);
      assert.equal(readdirSync(path.join(dir, "nested")).length, 1);
      // `--backup <dir>` would make the directory the target revision: refused, saying how to write it.
      const spaced = await project.run(["upgrade", "--backup", dir, "--url", db.url]);
      assert.equal(spaced.code, 2, shown(spaced));
      assert.match(spaced.stderr, /--backup=/);
      const offline = await project.run(["upgrade", "--backup", "--sql"]);
      assert.equal(offline.code, 2, shown(offline));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
      project.remove();
    }
  });

  test("without pg_dump on PATH, or with one older than the server, the upgrade is refused and nothing is applied", async () => {
    const project = createProject();
    twoRevisions(project);
    const db = await postgresEngine.open(project);
    const bin = mkdtempSync(path.join(tmpdir(), "athanor-path-"));
    try {
      assert.equal((await project.run(["upgrade", "0001", "--url", db.url])).code, 0);
      const missing = await project.run(["upgrade", "--backup", "--url", db.url, "--json"], { PATH: bin });
      assert.equal(missing.code, 4, shown(missing));
      assert.match(missing.stderr, /--backup needs pg_dump, which is not on PATH: nothing was applied/);
      assert.equal(JSON.parse(missing.stdout).error.code, "BACKUP_FAILED");
      assert.deepEqual(await db.versionRows(), ["0001"]);
      // A pg_dump of an old release: it says its version and would refuse the server.
      writeFileSync(path.join(bin, "pg_dump"), "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n");
      chmodSync(path.join(bin, "pg_dump"), 0o755);
      const old = await project.run(["upgrade", "--backup", "--url", db.url], { PATH: bin });
      assert.equal(old.code, 4, shown(old));
      assert.match(old.stderr, /pg_dump 9\.6 is older than the server \(PostgreSQL 1\d\.\d+ at [^)]+\) and cannot dump it: nothing was applied/, shown(old));
      assert.match(old.stderr, /hint: install pg_dump 1\d or newer/);
      assert.deepEqual(await db.versionRows(), ["0001"]);
      assert.ok(!existsSync(path.join(project.dir, "backups")) || readdirSync(path.join(project.dir, "backups")).length === 0, "no half-written file");
    } finally {
      rmSync(bin, { recursive: true, force: true });
      await db.drop();
      project.remove();
    }
  });
});

test("upgrade --backup on the embedded database: the data directory's .tar.gz, unpacked in its place, is the database of before", async () => {
  const project = createProject();
  twoRevisions(project);
  const db = await pgliteEngine.open(project);
  try {
    assert.equal((await project.run(["upgrade", "0001", "--url", db.url])).code, 0);
    await db.query("INSERT INTO users VALUES (1, 'ada@example.com')");
    const upgrade = await project.run(["upgrade", "--backup", "--url", db.url]);
    assert.equal(upgrade.code, 0, shown(upgrade));
    const file = path.resolve(project.dir, writtenPath(upgrade.stderr));
    assert.match(path.basename(file), /^pglite_\d{8}T\d{6}Z_0001\.tar\.gz$/);
    assert.deepEqual(await db.versionRows(), ["0002"]);
    // README: stop the application, replace the directory with the unpacked backup.
    const dataDir = path.join(project.dir, "db");
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    execFileSync("tar", ["-xzf", file, "-C", dataDir], { stdio: "pipe" });
    const restored = await PGlite.create(dataDir);
    try {
      assert.deepEqual((await restored.query("SELECT version_num FROM alembic_version")).rows, [{ version_num: "0001" }]);
      assert.deepEqual((await restored.query("SELECT id, email FROM users")).rows, [{ id: 1, email: "ada@example.com" }]);
      assert.equal((await restored.query<{ gone: boolean }>("SELECT to_regclass('posts') IS NULL AS gone")).rows[0]?.gone, true);
    } finally {
      await restored.close();
    }
  } finally {
    project.remove();
  }
});
