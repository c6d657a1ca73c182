// `athanor rebase` on real git repositories made here: two clones of one origin each add
// a revision on the same head; after the second pulls, rebase moves its revision onto
// the first's, history is one line, and both databases upgrade to the same tables, rows
// and version row. And it refuses, changing nothing, what would rewrite shared history.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { repoRoot, runCli, shown, type CliResult } from "../cli/run-cli.js";
import { validate } from "../helpers/json-schema-subset.js";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "cli-output.schema.json"), "utf8")) as Record<string, unknown>;

const root = mkdtempSync(path.join(tmpdir(), "athanor-rebase-"));
after(() => rmSync(root, { recursive: true, force: true }));
// Every clone below resolves "athanor" from here, as an installed project would.
mkdirSync(path.join(root, "node_modules"));
symlinkSync(repoRoot, path.join(root, "node_modules", "athanor"), "dir");

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "dev",
  GIT_AUTHOR_EMAIL: "dev@example.com",
  GIT_COMMITTER_NAME: "dev",
  GIT_COMMITTER_EMAIL: "dev@example.com",
};
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const athanor = (cwd: string, ...args: string[]): Promise<CliResult> => runCli(args, { cwd });

/** origin.git with the example project committed on main; returns a function making clones. */
function origin(name: string): (clone: string) => string {
  const base = path.join(root, name);
  const seed = path.join(base, "seed");
  mkdirSync(seed, { recursive: true });
  for (const entry of ["athanor.config.ts", "app", "versions"]) cpSync(path.join(repoRoot, entry), path.join(seed, entry), { recursive: true });
  writeFileSync(path.join(seed, "package.json"), `${JSON.stringify({ name: "app", private: true, type: "module" })}\n`);
  writeFileSync(path.join(seed, ".gitignore"), "db/\n.athanor/\n");
  git(base, "init", "--bare", "--initial-branch=main", "origin.git");
  git(seed, "init", "--initial-branch=main");
  git(seed, "add", ".");
  git(seed, "commit", "-m", "example project");
  git(seed, "remote", "add", "origin", path.join(base, "origin.git"));
  git(seed, "push", "-u", "origin", "main");
  return (clone) => {
    const dir = path.join(base, clone);
    git(base, "clone", "origin.git", clone);
    return dir;
  };
}

/** A revision on `head` whose upgrade makes `table` with one row, written as a developer would, committed. */
async function addRevision(dir: string, id: string, table: string): Promise<string> {
  const made = await athanor(dir, "revision", "-m", `add ${table}`, "--rev-id", id, "--sql", "--json");
  assert.equal(made.code, 0, shown(made));
  const file = (JSON.parse(made.stdout) as { path: string }).path;
  const text = readFileSync(path.join(dir, file), "utf8")
    .replace("-- +upgrade\n", `-- +upgrade\nCREATE TABLE ${table} (id int PRIMARY KEY, note text);\nINSERT INTO ${table} VALUES (1, '${id}');\n`)
    .replace("-- +downgrade\n", `-- +downgrade\nDROP TABLE ${table};\n`);
  writeFileSync(path.join(dir, file), text);
  git(dir, "add", file);
  git(dir, "commit", "-m", `revision ${id}`);
  return file;
}

async function tablesAndRows(dir: string): Promise<unknown> {
  const db = await PGlite.create(path.join(dir, "db"));
  try {
    const tables = (
      await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
    ).rows.map((r) => r.table_name);
    const rows: Record<string, unknown> = {};
    for (const t of tables.filter((name) => name.endsWith("_things"))) rows[t] = (await db.query(`SELECT * FROM ${t} ORDER BY id`)).rows;
    const version = (await db.query("SELECT version_num FROM alembic_version")).rows;
    return { tables, rows, version };
  } finally {
    await db.close();
  }
}

const url = ["--url", "pglite://db"];

describe("rebase after a pull", { concurrency: false }, () => {
  let clone: (name: string) => string;
  let alice: string;
  let bob: string;
  let bobFile: string;

  before(async () => {
    clone = origin("team");
    alice = clone("alice");
    bob = clone("bob");
    assert.equal((await athanor(alice, "upgrade", ...url)).code, 0);
    assert.equal((await athanor(bob, "upgrade", ...url)).code, 0);
    await addRevision(alice, "a1", "alice_things");
    git(alice, "push");
    assert.equal((await athanor(alice, "upgrade", ...url)).code, 0);
    bobFile = await addRevision(bob, "b1", "bob_things");
    git(bob, "pull", "--no-rebase", "--no-edit");
  });

  test("the pull leaves two heads; --dry-run prints the move and writes nothing", async () => {
    const heads = await athanor(bob, "heads");
    assert.deepEqual(
      heads.stdout
        .trim()
        .split("\n")
        .map((l) => l.split(" ")[0])
        .sort(),
      ["a1", "b1"],
    );
    const before = readFileSync(path.join(bob, bobFile), "utf8");
    const plan = await athanor(bob, "rebase", "--dry-run", ...url);
    assert.equal(plan.code, 0, shown(plan));
    assert.match(plan.stdout, /^Would rebase 1 revision onto a1:$/m);
    assert.match(plan.stdout, new RegExp(`^  b1  downRevision 0002 -> a1  \\(${bobFile.replace(/\./g, "\\.")}\\)$`, "m"));
    assert.equal(readFileSync(path.join(bob, bobFile), "utf8"), before);
    const json = await athanor(bob, "rebase", "--dry-run", "--json", ...url);
    const value = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.deepEqual(validate(schema, { $ref: "#/$defs/rebase" }, value), [], json.stdout);
    assert.deepEqual(
      { onto: value.onto, head: value.head, local: value.local, written: value.written, upstream: value.upstream },
      { onto: "a1", head: "b1", local: ["b1"], written: false, upstream: "origin/main" },
    );
  });

  test("rebase moves bob's revision onto alice's: one head, only the downRevision line changed", async () => {
    const run = await athanor(bob, "rebase", ...url);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^Rebased 1 revision onto a1:$/m);
    assert.match(run.stdout, /^One head now: b1$/m);
    assert.deepEqual(
      (await athanor(bob, "heads")).stdout
        .trim()
        .split("\n")
        .map((l) => l.split(" ")[0]),
      ["b1"],
    );
    const diff = git(bob, "diff", "-U0", "--", bobFile)
      .split("\n")
      .filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) (a|b)\//.test(l));
    assert.deepEqual(diff, ["--- down_revision: 0002", "+-- down_revision: a1"]);
    const again = await athanor(bob, "rebase", ...url);
    assert.match(again.stdout, /Nothing to rebase/);
  });

  test("both databases upgrade to the same tables, rows and version row", async () => {
    git(bob, "commit", "-am", "rebase b1 onto a1");
    git(bob, "push");
    git(alice, "pull", "--no-rebase", "--no-edit");
    for (const dir of [alice, bob]) {
      const up = await athanor(dir, "upgrade", ...url);
      assert.equal(up.code, 0, shown(up));
    }
    const a = await tablesAndRows(alice);
    assert.deepEqual(a, await tablesAndRows(bob));
    assert.deepEqual((a as { version: unknown }).version, [{ version_num: "b1" }]);
    assert.deepEqual(
      (a as { tables: string[] }).tables.filter((t) => t.endsWith("_things")),
      ["alice_things", "bob_things"],
    );
  });
});

describe("rebase refuses and changes nothing", () => {
  test("when the revision to move is applied on the database given", async () => {
    const clone = origin("applied");
    const alice = clone("alice");
    const bob = clone("bob");
    await addRevision(alice, "a1", "alice_things");
    git(alice, "push");
    const file = await addRevision(bob, "b1", "bob_things");
    assert.equal((await athanor(bob, "upgrade", ...url)).code, 0);
    git(bob, "pull", "--no-rebase", "--no-edit");
    const before = readFileSync(path.join(bob, file), "utf8");
    const run = await athanor(bob, "rebase", ...url);
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /Revision b1 \(versions\/.*\) is applied on pglite:db/);
    assert.match(run.stderr, /athanor merge/);
    assert.equal(readFileSync(path.join(bob, file), "utf8"), before);
  });

  test("when the file to rewrite has changes not committed", async () => {
    const clone = origin("dirty");
    const alice = clone("alice");
    const bob = clone("bob");
    await addRevision(alice, "a1", "alice_things");
    git(alice, "push");
    const file = await addRevision(bob, "b1", "bob_things");
    git(bob, "pull", "--no-rebase", "--no-edit");
    writeFileSync(path.join(bob, file), `${readFileSync(path.join(bob, file), "utf8")}-- a note not committed\n`);
    const before = readFileSync(path.join(bob, file), "utf8");
    const run = await athanor(bob, "rebase", ...url);
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /has changes not committed: rebase rewrites it/);
    assert.equal(readFileSync(path.join(bob, file), "utf8"), before);
    assert.equal(readdirSync(path.join(bob, "versions")).filter((f) => f.startsWith(".")).length, 0, "no temporary file left");
  });
});
