// One bad input, checked the same way every time: the command exits with the
// documented code, stderr names the culprit and says what to do next, no stack trace,
// no password, and the project's files and the database are exactly as they were.
import assert from "node:assert/strict";
import path from "node:path";
import pg from "pg";
import { createTestDatabase } from "../helpers/database.js";
import { makeProject, runCli, type Project, type RunOptions, type RunResult } from "./cli-harness.js";
import { pgliteSnapshot, postgresSnapshot, treeSnapshot } from "./state-snapshot.js";

export interface Refusal {
  /** The documented exit code (README, Exit codes); a list where the README allows either. */
  exit: number | readonly number[];
  /** What stderr must name: file:line, revision ids, the option, host:port/db. */
  names: readonly (string | RegExp)[];
  /** Text that must not appear anywhere in the output (passwords). */
  secrets?: readonly string[];
  /** At most this many characters on stderr (an argument echoed whole would be more). */
  maxStderr?: number;
}

export interface BadInput extends Refusal {
  files: Record<string, string>;
  /** The bad command; `--url <the test database>` is appended unless `database` is "none". */
  args: readonly string[];
  /** Where the database lives: a fresh PostgreSQL database (default), PGlite in the project, or none. */
  database?: "postgres" | "pglite" | "none";
  /** Statements run on the database first, to give it a state worth keeping. */
  seed?: readonly string[];
  /** Commands run first (with --url), each of which must succeed. */
  prepare?: readonly (readonly string[])[];
  /** Last touches to the project before the snapshot (chmod, a file in place of a folder). */
  setup?(project: Project): void;
  run?: RunOptions;
  /** Marks a known athanor bug: the test is reported as todo with this reason. */
  todo?: string;
  skip?: string | false;
}

/** A row of a catalogue table: the input and the behaviour its test is named after. */
export interface BadInputCase extends BadInput {
  name: string;
}

/** A database seeded the way a project that ran 0001 would be, without running athanor. */
export const seededAt0001 = [
  "CREATE TABLE ran (revision text NOT NULL)",
  "INSERT INTO ran VALUES ('0001')",
  "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)",
  "INSERT INTO alembic_version VALUES ('0001')",
];

const genericHint = "run again with --debug for the stack trace";

/** Asserts everything a refusal must be, except the unchanged state. */
export function assertRefusal(result: RunResult, expected: Refusal): void {
  const shown = `exit ${result.code}\n--- stderr\n${result.stderr}--- stdout\n${result.stdout}`;
  const allowed: readonly number[] = typeof expected.exit === "number" ? [expected.exit] : expected.exit;
  assert.ok(result.code !== null && allowed.includes(result.code), `wrong exit code: expected ${allowed.join(" or ")}\n${shown}`);
  assert.match(result.stderr, /^error: \S/m, `no error line\n${shown}`);
  for (const name of expected.names) {
    if (typeof name === "string") assert.ok(result.stderr.includes(name), `stderr does not name ${JSON.stringify(name)}\n${shown}`);
    else assert.match(result.stderr, name, `stderr does not match ${name}\n${shown}`);
  }
  assert.match(result.stderr, /^hint: \S/m, `no hint line\n${shown}`);
  if (expected.maxStderr !== undefined)
    assert.ok(result.stderr.length <= expected.maxStderr, `${result.stderr.length} characters on stderr\n${shown.slice(0, 2_000)}`);
  assert.ok(!result.stderr.includes(genericHint), `the error was not one of athanor's (it fell through to "unexpected error")\n${shown}`);
  assert.doesNotMatch(`${result.stderr}\n${result.stdout}`, /^\s+at \S/m, `a stack trace reached the user\n${shown}`);
  for (const secret of expected.secrets ?? []) {
    assert.ok(!`${result.stderr}${result.stdout}`.includes(secret), `the password ${secret} reached the output\n${shown}`);
  }
}

interface Target {
  url: string | undefined;
  snapshot(): Promise<string>;
  drop(): Promise<void>;
}

async function openTarget(kind: BadInput["database"], project: Project): Promise<Target> {
  if (kind === "none") return { url: undefined, snapshot: async () => "", drop: async () => {} };
  if (kind === "pglite") {
    // Inside .athanor/, which the file snapshot leaves out: the database is compared by catalog.
    const dataDir = path.join(project.dir, ".athanor", "db");
    return { url: `pglite://${dataDir}`, snapshot: () => pgliteSnapshot(dataDir), drop: async () => {} };
  }
  const db = await createTestDatabase("bad");
  return { url: db.url, snapshot: () => postgresSnapshot(db.url), drop: () => db.drop() };
}

export async function runSql(url: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs one catalogue entry: set up, snapshot, run the bad command, check the refusal and the state. */
export async function checkBadInput(input: BadInput): Promise<RunResult> {
  const project = makeProject(input.files);
  const target = await openTarget(input.database ?? "postgres", project);
  try {
    const withUrl = (args: readonly string[]) => (target.url === undefined ? [...args] : [...args, "--url", target.url]);
    if (input.seed) await runSql(target.url!, input.seed);
    for (const args of input.prepare ?? []) {
      const prepared = await runCli(project.dir, withUrl(args), input.run?.killAfterMs === undefined ? {} : { killAfterMs: input.run.killAfterMs });
      assert.equal(prepared.code, 0, `preparing with ${args.join(" ")} failed:\n${prepared.stderr}`);
    }
    input.setup?.(project);
    const filesBefore = treeSnapshot(project.dir);
    const databaseBefore = await target.snapshot();
    const result = await runCli(project.dir, withUrl(input.args), input.run);
    // BAD_INPUT_SHOW=1 prints what the user saw, to review the messages themselves.
    if (process.env.BAD_INPUT_SHOW) process.stdout.write(`$ athanor ${input.args.join(" ")}  -> exit ${result.code}\n${result.stderr}\n`);
    assertRefusal(result, input);
    assert.equal(treeSnapshot(project.dir), filesBefore, "the project's files changed");
    assert.equal(await target.snapshot(), databaseBefore, "the database changed");
    return result;
  } finally {
    await target.drop();
    project.remove();
  }
}
