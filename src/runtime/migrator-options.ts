// What a Migrator is configured with and what each of its runs takes and returns.
// loadConfig()'s result fits MigratorConfig as is.
import type { RevisionSource } from "../graph/revision-source.js";
import type { RevisionMap } from "../graph/revision-map.js";
import type { RevisionProvider } from "./revision-provider.js";
import type { Step } from "../graph/step.js";
import type { Connection } from "./connection.js";
import type { MigratorConnection } from "./connection-source.js";
import type { StepDone, TransactionMode } from "./execute-plan.js";
import type { StepDependencies } from "./loaded-revision.js";
import type { TextOutput } from "./offline-writer.js";
import type { VersionTableSettings } from "./version-table.js";
import type { RevisionChecksums } from "./history-guard.js";

/** The settings a run needs; `loadConfig()`'s result fits as is. */
export interface MigratorConfig {
  readonly cwd: string;
  readonly databaseUrl?: string | undefined;
  /** Where databaseUrl was set (`DATABASE_URL in secrets/.env`), named when it cannot be parsed. */
  readonly databaseUrlOrigin?: { readonly shown: string; readonly note?: string | undefined } | undefined;
  readonly versionLocations?: readonly string[];
  readonly recursiveVersionLocations?: boolean;
  readonly versionTable?: VersionTableSettings;
  readonly transactionMode?: TransactionMode;
  readonly lockTimeout?: number | undefined;
  readonly statementTimeout?: number | undefined;
  readonly connectTimeout?: number | undefined;
  /** Milliseconds to keep retrying the connection while the server comes up (default: one try). */
  readonly waitForDatabase?: number | undefined;
  readonly lock?: boolean;
  /** The applied-history table (default athanor_history, in the version table's schema); false: none. */
  readonly historyTable?: string | false;
  /** An applied revision whose file changed is an error (EDITED_REVISION), not a warning. */
  readonly strict?: boolean;
}

export interface MigratorOptions {
  /** Default: `{ cwd: process.cwd() }` (revisions in ./versions). */
  readonly config?: MigratorConfig;
  /**
   * Migrate through this instead of opening databaseUrl: a pg Pool (each run checks out
   * one client), a connected pg Client or a PGlite instance (left open), or what
   * fromPgPool/fromPgClient/fromPGlite return.
   */
  readonly connection?: Connection | MigratorConnection;
  /**
   * The revisions, when the caller has read them already: their sources, or the graph
   * built from them (not built again). Else `provider` lists them, else the version
   * locations are scanned.
   */
  readonly revisions?: readonly RevisionSource[] | RevisionMap;
  /** Where revisions are listed and loaded from (default: the revision files, `revisionFiles(config)`). */
  readonly provider?: RevisionProvider;
  readonly dependencies?: Partial<StepDependencies>;
  /** Revision-file checksums shared by the Migrators of one run over many targets (each file hashed once). */
  readonly checksums?: RevisionChecksums;
  /** Progress lines for stderr: `Running upgrade 0001 -> 0002, add users`. */
  readonly onProgress?: (line: string) => void;
  /** Online, after each revision: `{ number, total, step, message, durationMs }` (the CLI's `[2/6] … 12 ms`). */
  readonly onStepDone?: (event: StepDone) => void;
  /** Notices for stderr: waiting for a lock. */
  readonly onNotice?: (line: string) => void;
  /** Warnings for stderr (an edited revision); default: onNotice with a `warning:` prefix. */
  readonly onWarning?: (line: string) => void;
}

export interface RunOptions {
  /** Offline: print the statements to `output` instead of connecting. */
  readonly sql?: boolean;
  readonly output?: TextOutput;
  readonly transactionMode?: TransactionMode;
  /** false: skip the advisory lock for this run. */
  readonly lock?: boolean;
  /** Override the config's `strict` for this run. */
  readonly strict?: boolean;
  /**
   * Online upgrade: runs once the session holds the lock and the plan is known, before
   * the first step (not when there is nothing to run). A throw stops the run with
   * nothing applied; `upgrade --backup` takes its dump here.
   */
  readonly beforeSteps?: (run: BeforeSteps) => Promise<void>;
}

/** What beforeSteps is told: the run's session, where the database is, and what will run. */
export interface BeforeSteps {
  readonly connection: Connection;
  readonly current: readonly string[];
  readonly steps: readonly Step[];
}

export interface RunResult {
  readonly offline: boolean;
  /** The version table's rows before and after (offline: as the script assumes them). */
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly steps: readonly Step[];
}
