// The base of commands that reach a database: where it is (--url), how a run behaves
// (--sql, --transaction, the lock, timeouts), and the one notice that the embedded
// database is in use.
import { Option } from "clipanion";
import * as t from "typanion";
import type { Connection } from "../runtime/connection.js";
import { embeddedDataDir } from "../runtime/database-url.js";
import type { Migrator, RunOptions, RunResult } from "../runtime/migrator.js";
import { AthanorCommand } from "./athanor-command.js";
import { OfflineOutput } from "./offline-output.js";
import { migratorFor, openProject, type Project } from "./project.js";
import { describeHeads } from "./revision-text.js";
import { paint } from "./terminal.js";

export abstract class DatabaseCommand extends AthanorCommand {
  url = Option.String("--url", { description: "Database URL (default: DATABASE_URL from the environment or secrets/.env; else the embedded database)" });
  lock = Option.Boolean("--lock", true, { description: "Hold the migration advisory lock for the run (--no-lock to skip)" });
  lockTimeout = Option.String("--lock-timeout", { description: "How long to wait for another run's lock, e.g. 30s (default: wait)" });
  statementTimeout = Option.String("--statement-timeout", { description: "Postgres statement_timeout for the run, e.g. 5min" });
  strict = Option.Boolean("--strict", false, { description: "Fail (exit 1) when an applied revision's file was edited, instead of warning" });

  /** The project; online, also the one notice that the embedded database is in use. */
  protected async project(options: { offline?: boolean } = {}): Promise<Project> {
    const project = await openProject({
      configFile: this.config,
      overrides: {
        databaseUrl: this.url,
        lock: this.lock,
        lockTimeout: this.lockTimeout,
        statementTimeout: this.statementTimeout,
        ...(this.strict ? { strict: true } : {}),
      },
    });
    for (const warning of project.config.warnings) this.warn(warning);
    if (!options.offline && project.config.databaseUrl === undefined) {
      this.note(`Using the embedded database in ${embeddedDataDir} (no DATABASE_URL set)`);
    }
    return project;
  }

  /** The project's Migrator; with `connection`, working in that open session. */
  protected migrator(project: Project, connection?: Connection): Promise<Migrator> {
    return migratorFor(
      project,
      {
        onProgress: (line) => this.note(paint(this.terminal.colour, "dim", line)),
        onNotice: (line) => this.note(line),
        onWarning: (line) => this.warn(line),
      },
      connection,
    );
  }
}

/** What upgrade, downgrade and reset share: run online, or print the script with --sql. */
export abstract class MigrationCommand extends DatabaseCommand {
  sql = Option.Boolean("--sql", false, { description: "Print the SQL instead of running it (no connection)" });
  output = Option.String("-o,--output", { description: "With --sql: write the script to this file" });
  transaction = transactionModeOption();

  /** Runs `action` with the run options the flags say; online, reports where the database ends up. */
  protected async migrate(verb: string, action: (migrator: Migrator, options: RunOptions) => Promise<RunResult>): Promise<number> {
    const project = await this.project({ offline: this.sql });
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const result = await action(await this.migrator(project), {
      sql: this.sql,
      output,
      ...(this.transaction ? { transactionMode: this.transaction } : {}),
    }).catch((error: unknown) => {
      output.abandon();
      throw error;
    });
    output.finish();
    if (!this.sql) {
      if (result.steps.length === 0) this.note(`Nothing to ${verb}: the database is already at the target.`);
      this.note(`Now at: ${describeHeads(project.revisionMap(), result.after)}`);
    }
    return 0;
  }
}

export const transactionModeOption = () =>
  Option.String("--transaction", {
    description: "each: a transaction per revision (default); all: the whole run in one",
    validator: t.isEnum(["each", "all"] as const),
  });
