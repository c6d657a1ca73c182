// The API the CLI calls for every command that reads or changes a database's revision:
// upgrade, downgrade, stamp, reset, currentHeads — online through a session, or offline
// (`sql: true`) printing the same statements. Revision files are read (and the graph
// checked) before anything touches the database.
import { assertKnownRows } from "../graph/current-heads.js";
import { errors } from "../error-factories.js";
import { planDowngrade } from "../graph/plan-downgrade.js";
import { planOfflineStamp } from "../graph/plan-offline-stamp.js";
import { planStampSteps } from "../graph/plan-stamp.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import { reversedUpgradeRange } from "../graph/empty-range.js";
import { resolveRevisions } from "../graph/resolve-rev-spec.js";
import { BASE, HEAD, type RevSpec, revSpecText, targetText } from "../graph/rev-spec.js";
import { shownArgument } from "../graph/shown-argument.js";
import { RevisionMap } from "../graph/revision-map.js";
import type { RevisionSource } from "../graph/revision-source.js";
import type { Plan } from "../graph/step.js";
import type { Connection } from "./connection.js";
import type { EditedRevision } from "./edited-revisions.js";
import { HistoryGuard } from "./history-guard.js";
import { HistoryTable, type HistoryEntry } from "./history-table.js";
import { parseDatabaseUrl, type DatabaseTarget } from "./database-url.js";
import { executePlan } from "./execute-plan.js";
import { executeStamp } from "./execute-stamp.js";
import { missingOfflineStart, offlineDowngradePlan } from "./offline-range.js";
import { onlineTarget, parseRunTarget, parseStampTargets, stampDestinations, type RunTarget, type StampTarget } from "./run-target.js";
import { OfflineWriter } from "./offline-writer.js";
import { defaultStepDependencies } from "./step-dependencies.js";
import { revisionFiles, type RevisionProvider } from "./revision-provider.js";
import { interruptedRevision, StartedMarkers, type StartedMarker } from "./started-markers.js";
import { OnlineRunner, type StatementRunner } from "./statement-runner.js";
import { withSession } from "./session.js";
import { VersionTable } from "./version-table.js";
import type { MigratorConfig, MigratorOptions, RunOptions, RunResult } from "./migrator-options.js";
import { type ConnectionSource, toConnectionSource } from "./connection-source.js";
import { DEFAULT_HISTORY_TABLE, DEFAULT_TRANSACTION_MODE, DEFAULT_VERSION_TABLE } from "../config/defaults.js";

/** athanor's own Connection (the CLI's, tests'), as opposed to an application's driver object. */
function isInternalConnection(value: unknown): value is Connection {
  const shape = value as Record<string, unknown> | undefined;
  return typeof shape?.queryBatch === "function" && typeof shape.backendPid === "function";
}

export type { BeforeSteps, MigratorConfig, MigratorOptions, RunOptions, RunResult } from "./migrator-options.js";
export type { StepDone } from "./execute-plan.js";

/** A non-transactional revision whose run started and was never recorded; `path` is its file, when there is one. */
export interface InterruptedRevision extends StartedMarker {
  readonly path: string | undefined;
}

/** What an online body learns once the session holds the lock. */
interface OnlineState {
  readonly connection: Connection;
  readonly current: string[];
  readonly tableExists: boolean;
  readonly historyExists: boolean;
  /** The graph to plan in for these rows: the squashed view, or the one a database inside a squashed range continues on. */
  readonly map: RevisionMap;
}

/**
 * Runs a project's revisions against one database: what `athanor upgrade`, `downgrade`,
 * `stamp` and `current` do, as calls. Nothing connects until a method needs the
 * database; each online call opens (or borrows) one session, takes the advisory lock,
 * runs, and gives the session back. With `sql: true` a call prints the script instead.
 *
 * ### Examples
 * Upgrade before the application starts, through the application's own pool:
 * ```ts
 * import { Migrator } from "athanor";
 * const migrator = new Migrator({ config: { cwd: import.meta.dirname }, connection: pool });
 * const { before, after } = await migrator.upgrade("head");
 * ```
 * Where the database stands, and a downgrade by one revision:
 * ```ts
 * const migrator = new Migrator({ config: { cwd: ".", databaseUrl: process.env.DATABASE_URL } });
 * console.log(await migrator.currentHeads()); // ["0002"]
 * await migrator.downgrade("-1");
 * ```
 * The SQL a DBA reviews, without a connection:
 * ```ts
 * await new Migrator({ config: { cwd: "." } }).upgrade("0001:head", { sql: true, output: process.stdout });
 * ```
 * Revisions bundled into the application instead of files: pass `provider` (list + load).
 */
export class Migrator {
  readonly #options: MigratorOptions;
  readonly #config: MigratorConfig;
  readonly #connection: Connection | undefined;
  readonly #source: ConnectionSource | undefined;
  readonly #versionTable: VersionTable;
  readonly #history: HistoryTable | undefined;
  /** Beside the history table; with history off (Alembic's tables only) there are none. */
  readonly #markers: StartedMarkers | undefined;
  readonly #guard: HistoryGuard;
  #map: RevisionMap | undefined;
  #sources: Map<string, RevisionSource> | undefined;

  constructor(options: MigratorOptions) {
    this.#options = options;
    this.#config = options.config ?? { cwd: process.cwd() };
    const given = options.connection;
    if (isInternalConnection(given)) this.#connection = given;
    else if (given !== undefined) this.#source = toConnectionSource(given);
    this.#versionTable = new VersionTable(this.#config.versionTable ?? { name: DEFAULT_VERSION_TABLE });
    const historyName = this.#config.historyTable ?? DEFAULT_HISTORY_TABLE;
    this.#history = historyName === false ? undefined : new HistoryTable({ name: historyName, schema: this.#versionTable.schema });
    this.#markers = historyName === false ? undefined : new StartedMarkers({ name: historyName, schema: this.#versionTable.schema });
    this.#guard = new HistoryGuard({
      table: this.#history,
      cwd: this.#config.cwd,
      strict: this.#config.strict ?? false,
      warn: options.onWarning ?? ((line) => options.onNotice?.(`warning: ${line}`)),
      checksums: options.checksums,
    });
  }

  /** Where online runs connect; `embeddedDefault` is true when no URL was configured. */
  get target(): DatabaseTarget {
    const { databaseUrl, cwd, databaseUrlOrigin } = this.#config;
    return parseDatabaseUrl(databaseUrl, cwd, databaseUrlOrigin);
  }

  get versionTable(): VersionTable {
    return this.#versionTable;
  }

  /** The applied-history table; undefined when the config turns history off. */
  get historyTable(): HistoryTable | undefined {
    return this.#history;
  }

  /** The revision graph: the one given, else built once from the sources given or listed. */
  revisionMap(): RevisionMap {
    if (this.#map === undefined) {
      const given = this.#options.revisions;
      // A caller that built the graph already (the CLI) hands it over: it is not built twice.
      // A list of sources, or a map (not instanceof: the CLI bundle and the library are two copies).
      const map = given === undefined || Array.isArray(given) ? RevisionMap.fromSources(given ?? this.#provider().list()) : (given as RevisionMap);
      this.#map = map;
      // Every file's source, those a squash hides too: a database inside a squashed range runs them.
      this.#sources = new Map(map.allSources.map((source) => [source.revision, source]));
    }
    return this.#map;
  }

  #provider(): RevisionProvider {
    return this.#options.provider ?? revisionFiles(this.#config);
  }

  /**
   * Applies revisions up to `target` (default `head`); offline `from:to` ranges print
   * a script that starts at `from`. A string is parsed here (parseRunTarget).
   *
   * ### Examples
   * ```ts
   * await migrator.upgrade("head");
   * await migrator.upgrade("0001:0003", { sql: true, output: process.stdout });
   * ```
   */
  async upgrade(target: string | RunTarget = "head", options: RunOptions = {}): Promise<RunResult> {
    const map = this.revisionMap();
    const parsed = typeof target === "string" ? parseRunTarget(map, target, "upgrade", options.sql ?? false) : target;
    if (options.sql) {
      const from = parsed.kind === "range" ? parsed.from : undefined;
      const to = parsed.kind === "range" ? parsed.to : parsed;
      const view = this.#viewForStart(map, from);
      const start = from === undefined ? [] : this.#resolveStart(from, view);
      const plan = planUpgrade(view, start, to);
      if (plan.steps.length === 0) {
        const reversed = reversedUpgradeRange(view, parsed.kind === "range" ? from : BASE, start, to);
        if (reversed) throw reversed;
      }
      return this.#offline(options, start, (writer) =>
        plan.steps.length === 0
          ? this.#emptyScript(writer, "upgrade", targetText(parsed))
          : this.#runPlan(writer, plan, options, { createTable: start.length === 0 }),
      );
    }
    const to = onlineTarget(parsed, "upgrade");
    return this.#online(options, async (runner, state) => {
      const plan = planUpgrade(state.map, state.current, to);
      // Under the lock, before anything runs: e.g. upgrade --backup's dump.
      if (plan.steps.length > 0) await options.beforeSteps?.({ connection: state.connection, current: state.current, steps: plan.steps });
      const startedAtBase = state.current.length === 0;
      await this.#runPlan(runner, plan, options, { createTable: !state.tableExists, createHistory: !state.historyExists, startedAtBase });
      return { before: state.current, after: plan.end, steps: plan.steps };
    });
  }

  /**
   * Reverts revisions down to `target` (default `-1`). Offline needs a `from:to` range.
   * A string is parsed here (parseRunTarget).
   *
   * ### Examples
   * ```ts
   * await migrator.downgrade("-1");
   * await migrator.downgrade("0003:0001", { sql: true, output: process.stdout });
   * ```
   */
  async downgrade(target: string | RunTarget = "-1", options: RunOptions = {}): Promise<RunResult> {
    const map = this.revisionMap();
    const parsed = typeof target === "string" ? parseRunTarget(map, target, "downgrade", options.sql ?? false) : target;
    if (options.sql) {
      if (parsed.kind !== "range") throw missingOfflineStart(map, revSpecText(parsed));
      const view = this.#viewForStart(map, parsed.from);
      const start = parsed.from === undefined ? [] : this.#resolveStart(parsed.from, view);
      const plan = offlineDowngradePlan(view, parsed, start);
      return this.#offline(options, start, (writer) =>
        plan.steps.length === 0
          ? this.#emptyScript(writer, "downgrade", parsed.text)
          : this.#runPlan(writer, plan, options, { dropTableAtEnd: plan.end.length === 0 }),
      );
    }
    const to = onlineTarget(parsed, "downgrade");
    return this.#online(options, async (runner, state) => {
      const plan = planDowngrade(state.map, state.current, to);
      await this.#runPlan(runner, plan, options, { createTable: !state.tableExists, createHistory: !state.historyExists });
      return { before: state.current, after: plan.end, steps: plan.steps };
    });
  }

  /**
   * Runs a plan the caller built (from planUpgrade/planDowngrade, or single steps of
   * them), online. The version table must hold exactly the plan's start, so a plan made
   * for another state is refused before anything runs. `athanor test` upgrades and
   * downgrades one revision at a time with it.
   *
   * ### Examples
   * ```ts
   * const [first] = planUpgrade(migrator.revisionMap(), [], parseRevSpec("heads")).steps;
   * await migrator.runPlan({ direction: "upgrade", start: [], steps: [first], end: [first.revision] });
   * ```
   */
  async runPlan(plan: Plan, options: RunOptions = {}): Promise<RunResult> {
    return this.#online(options, async (runner, state) => {
      const start = new Set(plan.start);
      if (start.size !== state.current.length || state.current.some((id) => !start.has(id))) {
        throw errors.usage(`the plan starts at ${plan.start.join(", ") || "base"} but the database is at ${state.current.join(", ") || "base"}`, {
          hint: "plan again from the version table's rows (migrator.currentHeads())",
          details: { start: [...plan.start], current: state.current },
        });
      }
      return this.#runPlan(runner, plan, options, { createTable: !state.tableExists, createHistory: !state.historyExists });
    });
  }

  /**
   * Sets the version table to `targets` without running revision code (`purge` empties
   * it first, for rows naming revisions that no longer exist). Strings are parsed here
   * (parseStampTargets).
   *
   * ### Examples
   * ```ts
   * await migrator.stamp(["0001"]);
   * await migrator.stamp(["heads"], { purge: true });
   * ```
   */
  async stamp(targets: readonly (string | StampTarget)[], options: RunOptions & { purge?: boolean } = {}): Promise<RunResult> {
    const map = this.revisionMap();
    const purge = options.purge ?? false;
    const parsed = parseStampTargets(targets, { offline: options.sql ?? false, purge });
    if (options.sql && purge) {
      return this.#offline(options, [], async (writer) => {
        const after = await executeStamp(planStampSteps(map, [], stampDestinations(parsed), purge), {
          runner: writer,
          versionTable: this.#versionTable,
          createTable: true,
          start: [],
          purge,
          onProgress: this.#options.onProgress,
          history: this.#guard.recording(true),
          sourceOf: (revision) => this.#sources?.get(revision),
        });
        return { before: [], after, steps: [] };
      });
    }
    if (options.sql) {
      const plan = planOfflineStamp(map, parsed);
      return this.#offline(options, plan.start, async (writer) => {
        if (plan.steps.length === 0 && !plan.dropsVersionTable) return this.#emptyScript(writer, "stamp", parsed.map(targetText).join(" "), plan.start);
        const after = await executeStamp(plan.steps, {
          runner: writer,
          versionTable: this.#versionTable,
          createTable: plan.createsVersionTable,
          dropTableAtEnd: plan.dropsVersionTable,
          start: plan.start,
          onProgress: this.#options.onProgress,
          history: this.#guard.recording(true),
          sourceOf: (revision) => this.#sources?.get(revision),
        });
        return { before: plan.start, after, steps: [] };
      });
    }
    const destinations = stampDestinations(parsed);
    return this.#online(
      options,
      async (runner, { current, tableExists, historyExists, map: view }) => {
        const after = await executeStamp(planStampSteps(view, current, destinations, purge), {
          runner,
          versionTable: this.#versionTable,
          createTable: !tableExists,
          start: current,
          purge,
          onProgress: this.#options.onProgress,
          history: this.#guard.recording(!historyExists),
          sourceOf: (revision) => this.#sources?.get(revision),
        });
        // A stamp says where the database is, after checking: interrupted revisions are settled.
        if (this.#markers !== undefined && (await this.#markers.read((sql, params) => runner.run(sql, params))).length > 0)
          await runner.run(this.#markers.clearStatement());
        return { before: current, after, steps: [] };
      },
      !purge,
      false,
    );
  }

  /**
   * Downgrades to base, then upgrades to head, under one lock. The upgrade is planned
   * first, so several heads are refused before anything is undone.
   */
  async reset(options: RunOptions = {}): Promise<RunResult> {
    const map = this.revisionMap();
    planUpgrade(map, [], HEAD);
    if (options.sql) {
      const heads = [...map.heads];
      return this.#offline(options, heads, async (writer) => {
        const down = planDowngrade(map, heads, BASE);
        await this.#runPlan(writer, down, options, {});
        const up = planUpgrade(map, [], HEAD);
        await this.#runPlan(writer, up, options, {});
        return { before: heads, after: up.end, steps: [...down.steps, ...up.steps] };
      });
    }
    return this.#online(options, async (runner, { current, tableExists, historyExists, map: view }) => {
      // Down on the view the rows need (inside a squashed range: the old revisions), up on the squashed one.
      const down = planDowngrade(view, current, BASE);
      await this.#runPlan(runner, down, options, { createTable: !tableExists, createHistory: !historyExists });
      const up = planUpgrade(map, down.end, HEAD);
      const nothingRan = down.steps.length === 0;
      await this.#runPlan(runner, up, options, { createTable: !tableExists && nothingRan, createHistory: !historyExists && nothingRan });
      return { before: current, after: up.end, steps: [...down.steps, ...up.steps] };
    });
  }

  /**
   * The version table's rows (current heads); [] for a database never migrated. No lock.
   * Rows naming no revision file are an error; edited revisions are warned about.
   */
  async currentHeads(options: { strict?: boolean } = {}): Promise<string[]> {
    return (await this.currentState(options)).heads;
  }

  /**
   * currentHeads and interruptedRevisions in one session: what `current` and `status`
   * show (opening the embedded database twice would double their time).
   */
  async currentState(options: { strict?: boolean } = {}): Promise<{ heads: string[]; interrupted: InterruptedRevision[] }> {
    return withSession(this.#sessionOptions(false), async (connection) => {
      const current = await this.#versionTable.read(connection);
      this.#checkRows(current);
      await this.#guard.check(connection, current, this.revisionMap().forRows(current), (id) => this.#sources?.get(id), options.strict);
      return { heads: current, interrupted: await this.#interrupted(connection) };
    });
  }

  /**
   * Non-transactional revisions an earlier run started and never recorded (a kill, a lost
   * connection): their statements may have run. upgrade and downgrade stop on them; this
   * lets current, status and check say so first. [] when there are none. No lock.
   */
  async interruptedRevisions(): Promise<InterruptedRevision[]> {
    if (this.#markers === undefined) return [];
    return withSession(this.#sessionOptions(false), (connection) => this.#interrupted(connection));
  }

  async #interrupted(connection: Connection): Promise<InterruptedRevision[]> {
    if (this.#markers === undefined) return [];
    const found = await this.#markers.read((sql, params) => connection.query(sql, params));
    if (found.length > 0) this.revisionMap();
    return found.map((marker) => ({ ...marker, path: this.#sources?.get(marker.revision)?.path }));
  }

  /**
   * Applied revisions whose file changed since (by sha256 against the history table).
   *
   * ### Examples
   * ```ts
   * for (const edit of await migrator.editedRevisions()) console.warn(`${edit.path} changed`);
   * ```
   */
  async editedRevisions(): Promise<EditedRevision[]> {
    return withSession(this.#sessionOptions(false), async (connection) => {
      const current = await this.#versionTable.read(connection);
      return this.#guard.find(connection, current, this.revisionMap().forRows(current), (id) => this.#sources?.get(id));
    });
  }

  /**
   * The history table's rows, newest first ([] when it does not exist or history is off).
   *
   * ### Examples
   * ```ts
   * const [last] = await migrator.appliedHistory(1);
   * ```
   */
  async appliedHistory(limit?: number): Promise<HistoryEntry[]> {
    const history = this.#history;
    if (history === undefined) return [];
    return withSession(this.#sessionOptions(false), (connection) => history.read(connection, limit));
  }

  async #online(
    options: RunOptions,
    body: (runner: StatementRunner, state: OnlineState) => Promise<Omit<RunResult, "offline">>,
    checkRows = true,
    checkMarkers = true,
  ): Promise<RunResult> {
    const lock = options.lock ?? this.#config.lock ?? true;
    return withSession(this.#sessionOptions(lock), async (connection) => {
      // Read after taking the lock: another runner may just have migrated.
      const tableExists = await this.#versionTable.exists(connection);
      const current = tableExists ? await this.#versionTable.read(connection) : [];
      if (checkRows) this.#checkRows(current);
      if (checkMarkers) await this.#refuseInterrupted(connection, current);
      // Rows inside a squashed range: plan on the replaced revisions. Unchecked rows (stamp --purge): the squashed view.
      const map = checkRows ? this.revisionMap().forRows(current) : this.revisionMap();
      const historyExists = this.#history === undefined ? true : await this.#history.exists(connection);
      if (historyExists) await this.#guard.check(connection, current, map, (id) => this.#sources?.get(id), options.strict);
      const result = await body(new OnlineRunner(connection), { connection, current, tableExists, historyExists, map });
      return { offline: false, ...result };
    });
  }

  async #offline(
    options: RunOptions,
    start: readonly string[],
    body: (writer: OfflineWriter) => Promise<Omit<RunResult, "offline">> | Promise<void>,
  ): Promise<RunResult> {
    const writer = new OfflineWriter(options.output ?? process.stdout);
    const { statementTimeout, lockTimeout } = this.#config;
    if (statementTimeout !== undefined) await writer.run(`SET statement_timeout = ${Math.round(statementTimeout)}`);
    if (lockTimeout !== undefined) await writer.run(`SET lock_timeout = ${Math.round(lockTimeout)}`);
    const result = await body(writer);
    return { offline: true, ...(result ?? { before: start, after: start, steps: [] }) };
  }

  /** A range whose ends coincide: Alembic's empty transaction, and a notice saying why. */
  async #emptyScript(writer: OfflineWriter, command: string, range: string, start: readonly string[] = []): Promise<Omit<RunResult, "offline">> {
    this.#options.onNotice?.(`Nothing to ${command}: ${shownArgument(range)} starts where it ends, so the script is an empty transaction.`);
    await writer.begin();
    await writer.commit();
    return { before: [...start], after: [...start], steps: [] };
  }

  /** Offline, the history table is created IF NOT EXISTS in the script's first transaction. */
  async #runPlan(
    runner: StatementRunner,
    plan: Plan,
    options: RunOptions,
    tables: { createTable?: boolean; createHistory?: boolean; dropTableAtEnd?: boolean; startedAtBase?: boolean },
  ): Promise<Omit<RunResult, "offline">> {
    const config = this.#config;
    await executePlan(plan, {
      runner,
      versionTable: this.#versionTable,
      transactionMode: options.transactionMode ?? config.transactionMode ?? DEFAULT_TRANSACTION_MODE,
      createTable: tables.createTable ?? false,
      dropTableAtEnd: tables.dropTableAtEnd ?? false,
      startedAtBase: tables.startedAtBase ?? false,
      history: this.#guard.recording(runner.offline || (tables.createHistory ?? false)),
      markers: this.#markers,
      runTimeouts: { statementTimeout: config.statementTimeout, lockTimeout: config.lockTimeout },
      sourceOf: (revision) => this.#sourceOf(revision),
      dependencies: {
        ...defaultStepDependencies(this.#config.cwd),
        ...(this.#options.provider ? { loadRevision: (source: RevisionSource) => this.#provider().load(source) } : {}),
        ...this.#options.dependencies,
      },
      onProgress: this.#options.onProgress,
      onStepDone: this.#options.onStepDone,
    });
    return { before: plan.start, after: plan.end, steps: plan.steps };
  }

  #sessionOptions(lock: boolean) {
    const config = this.#config;
    return {
      connection: this.#connection,
      source: this.#source,
      target: this.target,
      versionTable: this.#versionTable,
      lock,
      lockTimeout: config.lockTimeout,
      statementTimeout: config.statementTimeout,
      connectTimeout: config.connectTimeout,
      waitForDatabase: config.waitForDatabase,
      onNotice: this.#options.onNotice,
    };
  }

  #sourceOf(revision: string): RevisionSource {
    this.revisionMap();
    const source = this.#sources?.get(revision);
    if (source === undefined) throw errors.revisionNotFound(`Can't locate revision identified by '${revision}'`);
    return source;
  }

  /** A non-transactional revision an earlier run started and never recorded: stop before planning. */
  async #refuseInterrupted(connection: Connection, current: readonly string[]): Promise<void> {
    if (this.#markers === undefined) return;
    const [marker] = await this.#markers.read((sql, params) => connection.query(sql, params));
    if (marker === undefined) return;
    this.revisionMap();
    throw interruptedRevision(marker, this.#sources?.get(marker.revision)?.path, current);
  }

  /** Rows naming no revision file: say so before planning (Alembic fails obscurely here). */
  #checkRows(current: readonly string[]): void {
    assertKnownRows(this.revisionMap().forRows(current), current, this.#versionTable.qualified);
  }

  /** The `a` of an offline `a:b` range, as the ids the script assumes are current (none for base). */
  #resolveStart(from: RevSpec, map: RevisionMap = this.revisionMap()): string[] {
    return resolveRevisions(map, from).map((revision) => revision.id);
  }

  /** An offline range starting at a revision a squash replaces is planned on the replaced revisions, as online. */
  #viewForStart(map: RevisionMap, from: RevSpec | undefined): RevisionMap {
    if (from === undefined) return map;
    const ids = revSpecText(from)
      .split(",")
      .map((id) => id.trim());
    return ids.some((id) => map.replacedBy(id) !== undefined) ? map.forRows(ids) : map;
  }
}
