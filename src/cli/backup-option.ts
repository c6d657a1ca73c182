// upgrade's --backup [DIR]: where the backup goes, the checks made before connecting
// (pg_dump on PATH), and the line that names the file. The dump itself is the runtime's
// (runtime/backup.ts), taken under the run's lock before the first step.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";
import type { Backup } from "../runtime/backup.js";
import type { DatabaseTarget } from "../runtime/database-url.js";
import type { BeforeSteps } from "../runtime/migrator-options.js";
import type { PgDumpTool } from "../runtime/pg-dump.js";

/** The default directory, in the project folder (the config file's). */
export const DEFAULT_BACKUP_DIR = "backups";

export class BackupOption {
  #taken: Backup | undefined;
  #pgDump: PgDumpTool | undefined;

  private constructor(
    readonly directory: string,
    private readonly note: (line: string) => void,
  ) {}

  /**
   * The flag's value (`true` for a bare --backup, a string for --backup=DIR); undefined
   * when absent. `target` is the positional revision: `--backup dir` puts the directory there.
   */
  static from(value: string | boolean, target: string | undefined, sql: boolean, projectDir: string, note: (line: string) => void): BackupOption | undefined {
    if (value === false) return undefined;
    if (sql) {
      throw errors.usage("--backup goes with an online upgrade: --sql only prints the script and changes nothing", {
        hint: "drop --backup, or drop --sql to run the upgrade with a backup first",
      });
    }
    if (value === true && target !== undefined && looksLikeDirectory(target)) {
      throw errors.usage(`\`--backup ${target}\`: the backup directory is written --backup=${target} (a bare --backup is followed by the revision)`, {
        hint: `athanor upgrade --backup=${target}${target === "head" ? "" : " [revision]"}`,
        details: { argument: target },
      });
    }
    if (value === "") throw errors.usage("--backup= needs a directory", { hint: "athanor upgrade --backup=backups" });
    const directory = value === true ? path.relative(process.cwd(), path.join(projectDir, DEFAULT_BACKUP_DIR)) || DEFAULT_BACKUP_DIR : value;
    return new BackupOption(directory, note);
  }

  /** The backup written, if one was (an upgrade with nothing to apply takes none). */
  get taken(): Backup | undefined {
    return this.#taken;
  }

  /** Before connecting: a PostgreSQL target needs pg_dump, and refusing now leaves the database alone. */
  async prepare(target: DatabaseTarget): Promise<void> {
    if (target.kind !== "postgres") return;
    const { findPgDump } = await import("../runtime/pg-dump.js");
    this.#pgDump = findPgDump();
  }

  /** For RunOptions.beforeSteps: the dump, then the line naming it. */
  async take(run: BeforeSteps, target: DatabaseTarget): Promise<void> {
    const { takeBackup } = await import("../runtime/backup.js");
    this.#taken = await takeBackup({ connection: run.connection, target, current: run.current, directory: this.directory, pgDump: this.#pgDump });
    const kind = this.#taken.format === "pg_dump-custom" ? "pg_dump custom format" : "the embedded database's data directory, .tar.gz";
    this.note(
      `Backup written: ${this.#taken.path} (${megabytes(this.#taken.bytes)}, ${kind}) before applying ${run.steps.length} revision${run.steps.length === 1 ? "" : "s"}`,
    );
  }
}

/** A path, not a revision: revision ids hold no separators, and a directory of that name exists. */
function looksLikeDirectory(text: string): boolean {
  if (/[\\/]/.test(text) || text.startsWith(".")) return true;
  return existsSync(text) && statSync(text).isDirectory();
}

function megabytes(bytes: number): string {
  return bytes < 100_000 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}
