// The bases of commands that work on the project through a Migrator (ProjectCommand)
// and of those that reach a database (DatabaseCommand): where it is (--url), how a run
// behaves (--sql, --transaction, the lock, timeouts), and the one notice that the
// embedded database is in use.
import { Option } from "clipanion";
import * as t from "typanion";
import type { AthanorConfigInput } from "../config/index.js";
import type { Connection } from "../runtime/connection.js";
import { embeddedDataDir, parseDatabaseUrl } from "../runtime/database-url.js";
import type { InterruptedRevision, Migrator, RunOptions, RunResult, StepDone } from "../runtime/migrator.js";
import { interruptedRevision } from "../runtime/started-markers.js";
import { errors } from "../error-factories.js";
import { AthanorCommand } from "./athanor-command.js";
import { OfflineOutput } from "./offline-output.js";
import { migratorFor, openProject, type Project } from "../commands/project.js";
import { describeHeads } from "./revision-text.js";
import { confirmDestructive } from "./confirm.js";
import { StepProgress } from "./step-progress.js";
import { paint } from "./terminal.js";
import type { TargetFlags } from "./target-options.js";
import { printTargetScripts, runOnTargets, targetSpec, type TargetsCli } from "./targets-run.js";

/**
 * A command that works on the project's revisions through a Migrator. Offline-only
 * commands (`sql`) stop here, so their help lists no connection options.
 */
export abstract class ProjectCommand extends AthanorCommand {
  protected readonly progress = new StepProgress();

  /** What the command line overrides in the config; flags left out are absent. */
  protected overrides(): AthanorConfigInput {
    return {};
  }

  #project: Project | undefined;

  /** The project (opened once); online, also the one notice that the embedded database is in use. */
  protected async project(options: { offline?: boolean } = {}): Promise<Project> {
    if (this.#project !== undefined) return this.#project;
    const project = await openProject({ configFile: this.config, overrides: this.overrides() });
    for (const warning of project.config.warnings) this.warn(warning);
    if (!options.offline) this.note(databaseNotice(project.config));
    this.#project = project;
    return project;
  }

  /** What a --targets run prints through. */
  protected get targetsCli(): TargetsCli {
    return { terminal: this.terminal, output: this };
  }

  /** The project's Migrator; with `connection`, working in that open session. */
  protected migrator(project: Project, connection?: Connection): Promise<Migrator> {
    return migratorFor(
      project,
      {
        onProgress: (line) => this.note(paint(this.terminal.colour, "dim", line)),
        onStepDone: (event) => this.note(paint(this.terminal.colour, "dim", this.progress.record(event))),
        onNotice: (line) => this.note(line),
        onWarning: (line) => this.warn(line),
      },
      connection,
    );
  }
}

/** The database as messages name it: host:port/db (never the password), or the embedded one's directory. */
function databaseName(config: Project["config"]): string {
  if (config.databaseUrl === undefined) return `the embedded database in ${embeddedDataDir}`;
  return parseDatabaseUrl(config.databaseUrl, config.cwd, config.databaseUrlOrigin).description;
}

/** The one line naming the database an online command uses, and where it was set. */
export function databaseNotice(config: Project["config"]): string {
  if (config.databaseUrl === undefined) return `Using the embedded database in ${embeddedDataDir} (no DATABASE_URL set)`;
  return `Database: ${databaseName(config)} (${config.databaseUrlOrigin?.shown ?? "configured"})`;
}

/** --wait-for-database on every command that connects (also the config's `waitForDatabase`). */
export const waitForDatabaseOption = () =>
  Option.String("--wait-for-database", {
    description: "Keep retrying the connection this long while the server comes up, e.g. 60s (default: the config's waitForDatabase, else one try)",
  });

/** --yes on the commands that destroy schema or bookkeeping. */
export const yesOption = () => Option.Boolean("-y,--yes", false, { description: "Go ahead without asking (nothing is asked when stdin is not a terminal)" });

/** A command that reads a database and runs nothing on it (pull): where it is, and how long to wait for it. */
export abstract class ConnectedCommand extends ProjectCommand {
  url = Option.String("--url", { description: "Database URL (default: DATABASE_URL from the environment or secrets/.env; else the embedded database)" });
  waitForDatabase = waitForDatabaseOption();

  protected override overrides(): AthanorConfigInput {
    return { databaseUrl: this.url, waitForDatabase: this.waitForDatabase };
  }
}

/** A command that works on the database's revisions: also the lock, the timeouts of a run, and --strict. */
export abstract class DatabaseCommand extends ConnectedCommand {
  // No default here: an absent flag leaves the config's `lock` (default true) in force.
  lock = Option.Boolean("--lock", { description: "Hold the migration advisory lock for the run (--no-lock to skip; default: the config's lock, else on)" });
  lockTimeout = Option.String("--lock-timeout", { description: "How long to wait for another run's lock, e.g. 30s (default: wait)" });
  statementTimeout = Option.String("--statement-timeout", { description: "Postgres statement_timeout for the run, e.g. 5min" });
  strict = Option.Boolean("--strict", false, { description: "Fail (exit 1) when an applied revision's file was edited, instead of warning" });

  /** On a terminal, asks before `action` (e.g. "reset reverts every revision") on the project's database; see confirm.ts. */
  protected async confirm(project: Project, action: string, yes: boolean): Promise<void> {
    await confirmDestructive({ action: `${action} on ${databaseName(project.config)}`, yes, stderr: this.terminal.stderr, stdin: this.context.stdin });
  }

  /** A warning and its hint on stderr: an earlier run of a non-transactional revision did not finish. */
  protected warnInterrupted(marker: InterruptedRevision, current: readonly string[]): void {
    const error = interruptedRevision(marker, marker.path, current);
    this.warn(error.message);
    if (error.hint) this.note(`hint: ${error.hint}`);
  }

  protected override overrides(): AthanorConfigInput {
    return {
      ...super.overrides(),
      lock: this.lock,
      lockTimeout: this.lockTimeout,
      statementTimeout: this.statementTimeout,
      ...(this.strict ? { strict: true } : {}),
    };
  }
}

/** What upgrade, downgrade and reset share: run online, or print the script with --sql. */
export abstract class MigrationCommand extends DatabaseCommand {
  sql = Option.Boolean("--sql", false, { description: "Print the SQL instead of running it (no connection)" });
  output = Option.String("-o,--output", { description: "With --sql: write the script to this file" });
  transaction = transactionModeOption();
  asJson = Option.Boolean("--json", false, { description: "Print what ran and where the database ends as JSON (online runs)" });

  /**
   * With --targets (or a config `targets`): the run on every target, or their scripts
   * with --sql, and its exit code; undefined when the command runs on the one database.
   */
  protected async migrateTargets(
    verb: "upgrade" | "downgrade",
    flags: TargetFlags,
    revision: string | undefined,
    refused?: string,
  ): Promise<number | undefined> {
    const project = await this.project({ offline: this.sql });
    const spec = targetSpec(project, flags);
    if (spec === undefined) return undefined;
    if (refused !== undefined) throw errors.usage(`${refused} does not go with --targets`, { hint: `run it per database without --targets` });
    refuseJsonWithSql(verb, this.asJson, this.sql);
    const transactionMode = this.transaction;
    if (this.sql) {
      const range = revision ?? (verb === "upgrade" ? "head" : "-1");
      return printTargetScripts(this.targetsCli, project, spec, { range, direction: verb, output: this.output, transactionMode });
    }
    return runOnTargets(this.targetsCli, project, spec, flags, { command: verb, revision, transactionMode, asJson: this.asJson });
  }

  /** Runs `action` with the run options the flags say; online, reports where the database ends up. */
  protected async migrate(
    verb: string,
    action: (migrator: Migrator, options: RunOptions, project: Project) => Promise<RunResult>,
    destructive?: { readonly action: string; readonly yes: boolean },
    /** More members of the --json report (upgrade's `backup`). */
    report: () => Record<string, unknown> = () => ({}),
  ): Promise<number> {
    refuseJsonWithSql(verb, this.asJson, this.sql);
    const project = await this.project({ offline: this.sql });
    if (destructive && !this.sql) await this.confirm(project, destructive.action, destructive.yes);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const migrator = await this.migrator(project);
    const started = performance.now();
    const result = await action(
      migrator,
      {
        sql: this.sql,
        output,
        ...(this.transaction ? { transactionMode: this.transaction } : {}),
      },
      project,
    ).catch((error: unknown) => {
      output.abandon();
      throw error;
    });
    output.finish();
    if (this.sql) return 0;
    if (this.asJson) {
      this.json({ ...runJson(migrator.target.description, result, this.progress.done, performance.now() - started), ...report() });
      return 0;
    }
    if (result.steps.length === 0) this.note(`Nothing to ${verb}: the database is already at the target.`);
    const summary = this.progress.summary();
    if (summary !== null) this.note(summary);
    this.note(`Now at: ${describeHeads(project.revisionMap().forRows(result.after), result.after)}`);
    return 0;
  }
}

/** --sql's output is the SQL script: a JSON report of it would be a second answer on stdout. */
export function refuseJsonWithSql(verb: string, json: boolean, sql: boolean): void {
  if (json && sql) {
    throw errors.usage("--json and --sql do not go together: --sql prints the SQL script", {
      hint: `drop one of them (athanor ${verb} --sql prints SQL; --json reports an online run)`,
    });
  }
}

/** The --json report of an online run (its shape is in schemas/cli-output.schema.json, "run"). */
export function runJson(database: string, result: Pick<RunResult, "before" | "after">, steps: readonly StepDone[], durationMs: number) {
  return {
    database,
    before: result.before,
    after: result.after,
    steps: steps.map((event) => ({
      direction: event.step.direction,
      revision: event.step.revision,
      from: event.step.from,
      to: event.step.to,
      message: event.message,
      durationMs: Math.round(event.durationMs),
    })),
    durationMs: Math.round(durationMs),
  };
}

export const transactionModeOption = () =>
  Option.String("--transaction", {
    description: "each: a transaction per revision (default); all: the whole run in one",
    validator: t.isEnum(["each", "all"] as const),
  });
