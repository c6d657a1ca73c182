// Many databases or schemas in one run (tenants, shards, environments): the SPEC is
// resolved once, then each target runs the command on a session from a shared pool, at
// most `parallel` at once, each revision in its own transaction. A failing target stops
// only itself (with failFast no new target starts); a rerun continues where each stands.
import { errors } from "../error-factories.js";
import { parseRevSpec } from "../graph/rev-spec.js";
import { isAthanorError } from "../errors.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import type { Connection } from "../runtime/connection.js";
import { openConnection } from "../runtime/connection.js";
import { parseDatabaseUrl, type DatabaseTarget } from "../runtime/database-url.js";
import type { TransactionMode } from "../runtime/execute-plan.js";
import { ConnectionPool } from "../runtime/targets/connection-pool.js";
import { RevisionChecksums } from "../runtime/history-guard.js";
import { resolveTargets, type MigrationTarget } from "../runtime/targets/resolve-targets.js";
import { runBounded } from "../runtime/targets/run-bounded.js";
import { runTarget, sharedLoader, targetVersionTable, type TargetCommand } from "../runtime/targets/target-run.js";
import { parseTargetSpec } from "../runtime/targets/target-spec.js";
import { VersionTable } from "../runtime/version-table.js";
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_TARGETS, defaultConnectionsPerHost, defaultParallelism } from "../config/defaults.js";
import type { Project } from "./project.js";
import { silentReporter, type Reporter } from "./reporter.js";
import { DriftOf, type DriftStatus } from "./target-drift.js";

export type TargetsCommand = "upgrade" | "downgrade" | "current" | "status" | "check";

/** applied / up-to-date / failed / not-run for upgrade and downgrade; at-head / behind / other-head for the read commands. */
export type TargetStatus = "applied" | "up-to-date" | "failed" | "not-run" | DriftStatus;

export interface TargetError {
  readonly code: string;
  /** The whole message; its first line says what failed, the next ones why. */
  readonly message: string;
  readonly hint: string | null;
}

export interface TargetResult {
  /** The target as output names it (`tenant_1`, `db2:5432/app#billing`); never a password. */
  readonly target: string;
  readonly status: TargetStatus;
  /** The version table's rows when the target started ([] for not run, or when unknown). */
  readonly before: readonly string[];
  /** Its rows at the end: a failed target's last good revision(s). */
  readonly after: readonly string[];
  /** Revisions this run applied or reverted on it. */
  readonly steps: number;
  /** Revisions an upgrade to the heads would still run. */
  readonly behind: number;
  readonly error: TargetError | null;
}

export interface TargetsProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly remaining: number;
}

export interface RunTargetsOptions {
  readonly project: Project;
  /** A SPEC (README, Many targets) or a list of items; default the config's `targets`. */
  readonly targets?: string | readonly string[] | undefined;
  readonly command: TargetsCommand;
  /** upgrade's target (default head), downgrade's (default -1). */
  readonly revision?: string | undefined;
  /** Targets run at once (default os.availableParallelism()). */
  readonly parallel?: number | undefined;
  /** Sessions open to one server at once (default `parallel`). */
  readonly maxConnectionsPerHost?: number | undefined;
  /** After the first failure start no new target: the rest are reported "not-run". */
  readonly failFast?: boolean | undefined;
  readonly transactionMode?: TransactionMode | undefined;
  readonly reporter?: Reporter | undefined;
  /** Once the targets are known, before any runs. */
  readonly onResolved?: ((targets: readonly string[]) => void) | undefined;
  readonly onTargetDone?: ((result: TargetResult, progress: TargetsProgress) => void) | undefined;
}

export interface RunTargetsResult {
  /** No target failed; for check also every target at the heads and a single head. */
  readonly ok: boolean;
  readonly command: TargetsCommand;
  /** The project's heads. */
  readonly heads: readonly string[];
  readonly results: readonly TargetResult[];
}

/**
 * ### Examples
 * ```ts
 * import { openProject, runTargets } from "athanor";
 * const project = await openProject({ overrides: { databaseUrl: process.env.DATABASE_URL } });
 * const { ok, results } = await runTargets({ project, targets: "tenant_*", command: "upgrade", parallel: 8 });
 * for (const r of results.filter((r) => r.status === "failed")) console.error(r.target, r.error?.message);
 * ```
 */
export async function runTargets(options: RunTargetsOptions): Promise<RunTargetsResult> {
  const { project, command } = options;
  const { config } = project;
  const reporter = options.reporter ?? silentReporter;
  const spec = options.targets ?? config.targets ?? DEFAULT_TARGETS;
  if (spec === undefined) throw errors.usage("no targets given", { hint: "pass --targets SPEC, or set `targets` in the config file" });
  const items = parseTargetSpec(spec, config.cwd);
  const map = project.revisionMap();
  // A rev spec the graph refuses (several heads for `head`, an unknown id) is refused once,
  // before any target runs, not once per target. Relative steps depend on each target.
  const revision = options.revision ?? (command === "upgrade" ? "head" : undefined);
  if (command === "upgrade" && !/^[+-]/.test(revision!)) planUpgrade(map, [], parseRevSpec(revision!));
  const parallel = Math.max(1, options.parallel ?? defaultParallelism());
  const pool = new ConnectionPool({
    maxPerHost: options.maxConnectionsPerHost ?? defaultConnectionsPerHost(parallel),
    open: (database) => openTargetConnection(database, config, reporter),
  });
  try {
    const configured = parseDatabaseUrl(config.databaseUrl, config.cwd, config.databaseUrlOrigin);
    const targets = await resolveTargets(items, { configured, cwd: config.cwd, withConnection: (database, body) => borrow(pool, database, body) });
    options.onResolved?.(targets.map((target) => target.label));
    const drift = new DriftOf(map);
    const loadRevision = sharedLoader(config.cwd);
    const checksums = new RevisionChecksums(config.cwd);
    const progress = { total: targets.length, done: 0, failed: 0, remaining: targets.length };
    const runCommand: TargetCommand = command === "upgrade" || command === "downgrade" ? command : "current";
    const settled = await runBounded(
      targets,
      parallel,
      async (target) => {
        const result = await runOne(target, pool, { ...options, command: runCommand, drift, loadRevision, checksums });
        progress.done += 1;
        progress.remaining -= 1;
        if (result.status === "failed") progress.failed += 1;
        options.onTargetDone?.(result, { ...progress });
        return result;
      },
      () => (options.failFast ?? false) && progress.failed > 0,
    );
    const results = settled.map((result, i) => result ?? notRun(targets[i]!));
    const heads = [...map.heads];
    const failed = results.some((result) => result.status === "failed" || result.status === "not-run");
    const drifted = results.some((result) => result.status !== "at-head");
    return { ok: !failed && (command !== "check" || (!drifted && heads.length <= 1)), command, heads, results };
  } finally {
    await pool.close();
  }
}

interface RunOneOptions extends Omit<RunTargetsOptions, "command"> {
  /** What each target runs: current serves status and check too. */
  readonly command: TargetCommand;
  readonly drift: DriftOf;
  readonly loadRevision: ReturnType<typeof sharedLoader>;
  readonly checksums: RevisionChecksums;
}

async function runOne(target: MigrationTarget, pool: ConnectionPool, options: RunOneOptions): Promise<TargetResult> {
  const { project, drift } = options;
  let connection: Connection | undefined;
  let started: readonly string[] | undefined;
  try {
    connection = await pool.acquire(target.database);
    const run = await runTarget(target, connection, {
      config: project.config,
      revisions: project.revisionMap(),
      command: options.command,
      revision: options.revision,
      transactionMode: options.transactionMode,
      onNotice: (line) => options.reporter?.note(`${target.label}: ${line}`),
      onWarning: (line) => options.reporter?.warn(`${target.label}: ${line}`),
      onStart: (current) => (started = current),
      loadRevision: options.loadRevision,
      checksums: options.checksums,
    });
    await pool.release(connection);
    const where = drift.of(run.after);
    const status: TargetStatus = options.command === "current" ? where.status : run.steps > 0 ? "applied" : "up-to-date";
    return { target: target.label, status, before: run.before, after: run.after, steps: run.steps, behind: where.behind, error: null };
  } catch (error) {
    // The rows the failure left (a failed revision rolled back: its parent's), then the
    // session is closed rather than lent again, whatever state the failure left on it.
    const after = connection === undefined ? undefined : await rowsNow(target, connection, options).catch(() => undefined);
    if (connection !== undefined) await pool.release(connection, true);
    const before = [...(started ?? beforeOf(error) ?? after ?? [])];
    return {
      target: target.label,
      status: "failed",
      before,
      after: after ?? before,
      steps: 0,
      behind: after === undefined ? 0 : drift.of(after).behind,
      error: targetError(error),
    };
  }
}

async function rowsNow(target: MigrationTarget, connection: Connection, options: RunOneOptions): Promise<string[]> {
  const settings = targetVersionTable(target, options.project.config.versionTable);
  return new VersionTable(settings).read(connection);
}

/** MIGRATION_FAILED says which rows the version table had when the run began its failed step. */
function beforeOf(error: unknown): string[] | undefined {
  const rows = isAthanorError(error) ? error.details?.versionTable : undefined;
  return Array.isArray(rows) ? rows.map(String) : undefined;
}

function targetError(error: unknown): TargetError {
  if (isAthanorError(error)) return { code: error.code, message: error.message, hint: error.hint ?? null };
  return { code: "INTERNAL", message: error instanceof Error ? error.message : String(error), hint: null };
}

function notRun(target: MigrationTarget): TargetResult {
  return { target: target.label, status: "not-run", before: [], after: [], steps: 0, behind: 0, error: null };
}

async function borrow<T>(pool: ConnectionPool, database: DatabaseTarget, body: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await pool.acquire(database);
  try {
    const result = await body(connection);
    await pool.release(connection);
    return result;
  } catch (error) {
    await pool.release(connection, true);
    throw error;
  }
}

function openTargetConnection(database: DatabaseTarget, config: Project["config"], reporter: Reporter): Promise<Connection> {
  return openConnection(database, {
    connectTimeout: config.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_MS,
    waitForDatabase: config.waitForDatabase,
    ...(config.lockTimeout === undefined ? {} : { lockTimeout: config.lockTimeout }),
    onNotice: (line) => reporter.note(line),
  });
}
