// The project the fault tests kill and interrupt: four revisions, 0003 sleeping 30 s
// inside its transaction (after creating a table, so a rollback is visible) unless the
// table `fast_rerun` exists, which lets the rerun finish at once. Also runs the built
// CLI (dist/cli/bin.js) as a separate process, the way a deployment does.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { writeProject, type RevisionSpec, type SampleProject } from "../runtime/sample-project.js";

const record = (id: string) => `INSERT INTO ran (revision) VALUES ('${id}')`;

export const slowRevisions: readonly RevisionSpec[] = [
  {
    id: "0001",
    down: null,
    format: "sql",
    message: "initial_schema",
    up: ["CREATE TABLE ran (revision text NOT NULL)", record("0001")],
    downSql: ["DROP TABLE ran"],
  },
  {
    id: "0002",
    down: "0001",
    format: "ts",
    message: "add_users",
    up: ["CREATE TABLE users (id serial PRIMARY KEY)", record("0002")],
    downSql: ["DROP TABLE users"],
  },
  {
    id: "0003",
    down: "0002",
    format: "sql",
    message: "long_backfill",
    up: ["CREATE TABLE slow_work (id int)", "SELECT pg_sleep(CASE WHEN to_regclass('fast_rerun') IS NULL THEN 30 ELSE 0 END)", record("0003")],
    downSql: ["DROP TABLE slow_work"],
  },
  { id: "0004", down: "0003", format: "ts", message: "after_backfill", up: [record("0004")], downSql: [] },
];

export function writeSlowProject(): SampleProject {
  return writeProject(slowRevisions);
}

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "cli", "bin.js");

export interface CliRun {
  readonly child: ChildProcess;
  /** Resolves when the process ends, with its exit code (null when a signal ended it). */
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `node dist/cli/bin.js <args>` in `cwd`, without the developer's DATABASE_URL or node:test's context. */
export function startCli(cwd: string, args: readonly string[]): CliRun {
  const env = { ...process.env };
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "NODE_OPTIONS", "NODE_TEST_CONTEXT", "FORCE_COLOR"]) delete env[name];
  env.NO_COLOR = "1";
  const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** One short-lived query on its own connection (the server may have restarted in between). */
export async function query(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Polls `check` every 100 ms until it returns true; fails after `timeout` ms naming `what`. */
export async function waitFor(what: string, timeout: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The backend of this database running 0003's pg_sleep, once it is running. */
export async function sleepingBackend(url: string, database: string): Promise<number | undefined> {
  const rows = await query(
    url,
    "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE 'SELECT pg_sleep(%' AND pid <> pg_backend_pid()",
    [database],
  );
  return rows[0] === undefined ? undefined : Number(rows[0].pid);
}
