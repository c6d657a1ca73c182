// Runs a plan's steps through a StatementRunner (online or offline): transactions per
// the mode, the revision's statements, then the step's version-table changes in the
// same transaction — Alembic's MigrationContext.run_migrations, step by step.
import type { RevisionSource } from "../graph/revision-source.js";
import type { Plan, Step, VersionChange } from "../graph/step.js";
import { isTransactionalStatement } from "../dialect/postgres/transactional.js";
import { AthanorError } from "../errors.js";
import { errors, reworded } from "../error-factories.js";
import type { HistoryRecording } from "./history-table.js";
import type { LocatedStatement } from "../dialect/postgres/split-statements.js";
import type { SqlText } from "../dialect/postgres/sql-text.js";
import type { StepDependencies } from "./loaded-revision.js";
import { findLockHolders, type LockHolderSession } from "./lock-holders.js";
import { migrationFailed, timeoutKind, type StepTimeouts } from "./migration-error.js";
import { isPrivilegeError } from "./privilege-error.js";
import { RevisionPrefetch } from "./revision-prefetch.js";
import { RevisionSink } from "./revision-sink.js";
import type { StartedMarkers } from "./started-markers.js";
import type { StatementRunner } from "./statement-runner.js";
import type { VersionTable } from "./version-table.js";

export type TransactionMode = "each" | "all";

export interface ExecuteOptions {
  readonly runner: StatementRunner;
  readonly versionTable: VersionTable;
  readonly transactionMode: TransactionMode;
  /** Create the version table in the first transaction (online: absent; offline: run from base). */
  readonly createTable: boolean;
  /** Offline downgrade to base: DROP TABLE at the end, as Alembic prints it. */
  readonly dropTableAtEnd: boolean;
  readonly sourceOf: (revision: string) => RevisionSource;
  readonly dependencies: StepDependencies;
  readonly onProgress?: ((line: string) => void) | undefined;
  /** Online, after each step's COMMIT (or its bookkeeping, in one big transaction). */
  readonly onStepDone?: ((event: StepDone) => void) | undefined;
  /** Write a history row in each step's transaction (absent: no history). */
  readonly history?: HistoryRecording | undefined;
  /** Online: a "started" row committed before each non-transactional revision (absent: none). */
  readonly markers?: StartedMarkers | undefined;
  /** The run's session-level timeouts, restored after a revision that sets its own. */
  /** Online, the version table recorded nothing when the command began (a failure may mean "stamp"). */
  readonly startedAtBase?: boolean | undefined;
  readonly runTimeouts?: { readonly statementTimeout?: number | undefined; readonly lockTimeout?: number | undefined } | undefined;
}

/** One step finished: its place in the run, what it did and how long it took. */
export interface StepDone {
  /** 1-based. */
  readonly number: number;
  readonly total: number;
  readonly step: Step;
  readonly message: string;
  readonly durationMs: number;
}

/** Executes `plan`; on failure rolls back the open transaction and throws MIGRATION_FAILED. */
export async function executePlan(plan: Plan, options: ExecuteOptions): Promise<void> {
  if (plan.steps.length === 0) return;
  const run = new PlanRun(options, plan.start);
  await run.execute(plan.steps);
}

class PlanRun {
  #options: ExecuteOptions;
  #tableReady: boolean;
  #historyReady: boolean;
  /** Heads as of the last COMMIT, and including the open transaction's changes. */
  #committedHeads: string[];
  #pendingHeads: string[];
  #prefetch: RevisionPrefetch | undefined;
  #markersReady = false;
  /** The file line of the SQL revision statement being run (undefined outside one). */
  #statementLine: number | undefined;

  constructor(options: ExecuteOptions, start: readonly string[]) {
    this.#options = options;
    this.#tableReady = !options.createTable;
    this.#historyReady = !(options.history?.create ?? false);
    this.#committedHeads = [...start];
    this.#pendingHeads = [...start];
  }

  async execute(steps: readonly Step[]): Promise<void> {
    // "all" mode opens its one transaction at the first transactional step and keeps
    // it open across steps; "each" commits at the end of every step.
    const { sourceOf, dependencies } = this.#options;
    this.#prefetch = new RevisionPrefetch(
      steps.map((step) => sourceOf(step.revision)),
      (source) => dependencies.loadRevision(source),
    );
    for (const [index, step] of steps.entries()) {
      const next = steps[index + 1];
      const durationMs = await this.#runStep(step, index, next === undefined ? null : sourceOf(next.revision).transactional);
      if (!this.#options.runner.offline) {
        this.#options.onStepDone?.({ number: index + 1, total: steps.length, step, message: sourceOf(step.revision).message, durationMs });
      }
    }
    if (this.#options.runner.inTransaction) await this.#commit();
  }

  /**
   * `nextTransactional` says whether the step after this one runs in a transaction (null:
   * this is the last). Returns how long the step took, its bookkeeping included.
   */
  async #runStep(step: Step, index: number, nextTransactional: boolean | null): Promise<number> {
    const { runner, transactionMode, sourceOf, onProgress } = this.#options;
    const source = sourceOf(step.revision);
    const transactional = source.transactional;
    const action = `${step.direction} ${step.from.join(", ")} -> ${step.to.join(", ")}`;
    const started = performance.now();
    this.#statementLine = undefined;
    try {
      if (transactional && !runner.inTransaction) await this.#begin();
      // A non-transactional revision in "all" mode: commit what came before, run it in
      // autocommit, then resume (Alembic's autocommit_block does the same).
      if (!transactional && runner.inTransaction) await this.#commit();
      if (!transactional) await this.#markStarted(step);
      await runner.comment(`Running ${action}`);
      onProgress?.(`Running ${action}, ${source.message}`);
      const restore = await this.#setRevisionTimeouts(source, transactional);
      await this.#runRevision(step, index, source, transactional);
      if (restore.length > 0) for (const statement of restore) await runner.run(statement);
      if (!runner.inTransaction) await this.#begin();
      await this.#finishStep(step, source, started, nextTransactional === null);
      // The next step's BEGIN travels with this COMMIT: one round trip instead of two.
      // A non-transactional revision's rows are committed at once in every mode: in the
      // next big transaction a later failure would roll them back while its effects
      // stay, and the rerun would apply it again.
      if (transactionMode === "each" || !transactional) await this.#commit(nextTransactional === true);
      return performance.now() - started;
    } catch (error) {
      const statement = runner.lastStatement;
      await runner.rollback().catch(() => {});
      this.#pendingHeads = [...this.#committedHeads];
      throw migrationFailed(error, {
        step,
        action,
        source,
        statement,
        statementLine: this.#statementLine,
        versionTableHeads: runner.offline ? undefined : this.#committedHeads,
        autocommit: !transactional,
        timeouts: this.#timeoutsFor(source),
        lockHolders: await this.#lockHolders(error, statement),
        // Only the first revision of a run from base meets a database built before migrations;
        // a later one that finds its objects is a conflict of its own (MIGRATION_FAILED).
        startedAtBase: !runner.offline && (this.#options.startedAtBase ?? false) && index === 0,
        role: await roleAfter(error, runner),
      });
    }
  }

  /**
   * SET LOCAL inside the revision's transaction (SET around a non-transactional one).
   * Returns the statements that put the run's values back, when the setting would
   * otherwise outlive the revision: autocommit, or one transaction for the whole plan.
   */
  async #setRevisionTimeouts(source: RevisionSource, transactional: boolean): Promise<string[]> {
    const { runner, transactionMode, runTimeouts } = this.#options;
    const scope = transactional ? "SET LOCAL" : "SET";
    const restore: string[] = [];
    const settings = [
      ["statement_timeout", source.statementTimeout, runTimeouts?.statementTimeout],
      ["lock_timeout", source.lockTimeout, runTimeouts?.lockTimeout],
    ] as const;
    for (const [name, value, runValue] of settings) {
      if (value === undefined) continue;
      await runner.run(`${scope} ${name} = ${Math.round(value)}`);
      if (!transactional || transactionMode === "all") restore.push(`${scope} ${name} = ${runValue === undefined ? "DEFAULT" : Math.round(runValue)}`);
    }
    return restore;
  }

  #timeoutsFor(source: RevisionSource): StepTimeouts {
    const run = this.#options.runTimeouts;
    return {
      statementTimeout: source.statementTimeout ?? run?.statementTimeout,
      lockTimeout: source.lockTimeout ?? run?.lockTimeout,
      statementFromRevision: source.statementTimeout !== undefined,
      lockFromRevision: source.lockTimeout !== undefined,
    };
  }

  /** Who blocked a statement that hit lock_timeout; best effort, never hides the real error. */
  async #lockHolders(error: unknown, statement: string | undefined): Promise<LockHolderSession[] | undefined> {
    const { runner } = this.#options;
    if (runner.offline || statement === undefined || timeoutKind(error) !== "lock") return undefined;
    try {
      return await findLockHolders((sql, params) => runner.run(sql, params), statement);
    } catch {
      return undefined;
    }
  }

  /**
   * The step's bookkeeping in its transaction, in one round trip: the version-table
   * changes (online each UPDATE or DELETE must touch exactly one row, checked before
   * the COMMIT), the history row, and at the end of an offline downgrade to base the DROP.
   */
  async #finishStep(step: Step, source: RevisionSource, started: number, last: boolean): Promise<void> {
    const { runner, versionTable, history } = this.#options;
    const statements = step.versionChanges.map((change) => versionTable.statementFor(change));
    if (history !== undefined) {
      statements.push(
        history.table.insertStatement({
          revision: step.revision,
          direction: step.direction,
          sha256: history.checksumOf(source),
          durationMs: runner.offline ? null : performance.now() - started,
          appliedBy: history.appliedBy,
          athanorVersion: history.athanorVersion,
          message: source.message,
        }),
      );
    }
    const markers = this.#markers();
    if (markers !== undefined && !source.transactional) statements.push(markers.deleteStatement(step.revision));
    if (last && this.#options.dropTableAtEnd) statements.push(versionTable.dropStatement());
    const results = await runner.runBatch(statements);
    for (const [i, change] of step.versionChanges.entries()) {
      const rowCount = results[i]?.rowCount ?? null;
      if (!runner.offline && rowCount !== null && rowCount !== 1) throw versionMismatch(change, rowCount, versionTable.qualified);
      this.#pendingHeads = applyChange(this.#pendingHeads, change);
    }
  }

  async #runRevision(step: Step, index: number, source: RevisionSource, transactional: boolean): Promise<void> {
    const { runner, dependencies } = this.#options;
    const loaded = await this.#prefetch!.get(index);
    if (loaded.format === "sql") {
      const upgrade = step.direction === "upgrade";
      const text = upgrade ? loaded.upgradeSql : loaded.downgradeSql;
      const firstLine = upgrade ? loaded.upgradeLine : loaded.downgradeLine;
      for (const statement of splitSection(dependencies, text, firstLine, source)) {
        // Lines are counted in the file, not the section, so an error points at the text.
        this.#statementLine = firstLine + statement.line - 1;
        if (transactional && !isTransactionalStatement(statement.sql)) throw notInTransaction(step, source, statement.sql);
        await runner.run(statement.sql);
      }
      this.#statementLine = undefined;
      return;
    }
    const sink = new RevisionSink(runner, dependencies.renderOperation);
    const op = dependencies.createOperations(sink, { transactional });
    await (step.direction === "upgrade" ? loaded.upgrade(op) : loaded.downgrade(op));
  }

  #markers(): StartedMarkers | undefined {
    return this.#options.runner.offline ? undefined : this.#options.markers;
  }

  /** Committed (autocommit) before the revision's first statement. */
  async #markStarted(step: Step): Promise<void> {
    const markers = this.#markers();
    if (markers === undefined) return;
    const { runner, history } = this.#options;
    if (!this.#markersReady) {
      await runner.run(markers.createStatement());
      this.#markersReady = true;
    }
    await runner.run(markers.insertStatement(step.revision, step.direction, history?.appliedBy ?? "athanor"));
  }

  async #begin(): Promise<void> {
    await this.#options.runner.begin();
    if (!this.#tableReady) {
      await this.#options.runner.run(this.#options.versionTable.createStatement());
      this.#tableReady = true;
    }
    if (!this.#historyReady && this.#options.history !== undefined) {
      await this.#options.runner.run(this.#options.history.table.createStatement());
      this.#historyReady = true;
    }
  }

  async #commit(reopen = false): Promise<void> {
    await this.#options.runner.commit(reopen);
    this.#committedHeads = [...this.#pendingHeads];
  }
}

/** After a privilege error online, the session's role (the GRANT names it); else undefined. */
export async function roleAfter(error: unknown, runner: StatementRunner): Promise<string | undefined> {
  if (runner.offline || !isPrivilegeError(error)) return undefined;
  try {
    const result = await runner.run("SELECT current_user AS role");
    const row = result.rows?.[0] as { role?: unknown } | undefined;
    return row?.role === undefined ? undefined : String(row.role);
  } catch {
    return undefined;
  }
}

/** The rows after `change`, mirroring what the statement does to the table. */
export function applyChange(heads: readonly string[], change: VersionChange): string[] {
  switch (change.kind) {
    case "insert":
      return [...heads, change.revision];
    case "delete":
      return heads.filter((head) => head !== change.revision);
    case "update":
      return heads.map((head) => (head === change.from ? change.to : head));
  }
}

export function versionMismatch(change: VersionChange, found: number, table: string): AthanorError {
  const wanted =
    change.kind === "update" ? `updating '${change.from}' to '${change.to}'` : `${change.kind === "delete" ? "deleting" : "inserting"} '${change.revision}'`;
  return errors.versionTableMismatch(`expected to match one row when ${wanted} in ${table}; ${found} found`, {
    hint: "another tool changed the version table during the run; check `athanor current` and fix the rows with `athanor stamp`",
    details: { change, found },
  });
}

/**
 * The statements of one section of a SQL revision; an unterminated string or comment
 * names the file line it starts on (the splitter counts lines in the section).
 */
function splitSection(dependencies: StepDependencies, text: SqlText, firstLine: number, source: RevisionSource): Iterable<LocatedStatement> {
  try {
    return dependencies.splitStatements(text);
  } catch (error) {
    const line = (error as AthanorError).details?.line;
    if (!(error instanceof AthanorError) || typeof line !== "number") throw error;
    const fileLine = firstLine + line - 1;
    const message = error.message.replace(/ at line \d+$/, ` at ${source.path}:${fileLine}`);
    throw reworded(error, message, { hint: error.hint, details: { ...error.details, file: source.path, line: fileLine }, cause: error });
  }
}

/** What op.execute refuses for a TypeScript revision, said in an SQL revision's terms. */
function notInTransaction(step: Step, source: RevisionSource, statement: string): AthanorError {
  return errors.invalidOperation(
    `revision ${step.revision} (${source.path}): this statement cannot run inside a transaction, and the revision runs in one: ${statement}`,
    {
      hint: "add `-- transactional: false` to the file's header: the revision then runs in autocommit, its version row written after it succeeds",
      details: { revision: step.revision, file: source.path, statement },
    },
  );
}
