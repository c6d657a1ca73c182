// `upgrade --backup`: a copy of the database taken in the run's session, under its lock,
// before the first step. PostgreSQL: `pg_dump -Fc` (restored with pg_restore); the
// embedded database: PGlite's own dump of its data directory, a .tar.gz that unpacks into
// a data directory. The file appears under its final name only once it is complete.
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isAthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { Connection } from "./connection.js";
import type { DatabaseTarget } from "./database-url.js";
import { assertCanDump, runPgDump, serverMajor, type PgDumpTool } from "./pg-dump.js";

export interface Backup {
  /** Where the file is, as given (relative to the current directory when the directory was). */
  readonly path: string;
  readonly format: "pg_dump-custom" | "pglite-datadir-tgz";
  readonly bytes: number;
}

export interface BackupRequest {
  readonly connection: Connection;
  readonly target: DatabaseTarget;
  /** The version table's rows: part of the file name. */
  readonly current: readonly string[];
  readonly directory: string;
  /** pg_dump, found before connecting (PostgreSQL targets only). */
  readonly pgDump?: PgDumpTool | undefined;
  readonly now?: Date;
}

/** Takes the backup; any failure is BACKUP_FAILED and leaves no file behind. */
export async function takeBackup(request: BackupRequest): Promise<Backup> {
  const { connection, target } = request;
  const postgres = target.kind === "postgres";
  const file = path.join(
    request.directory,
    backupFileName(postgres ? target.database : "pglite", request.current, postgres ? ".dump" : ".tar.gz", request.now),
  );
  const partial = `${file}.partial`;
  try {
    mkdirSync(request.directory, { recursive: true, mode: 0o700 });
    if (postgres) {
      if (request.pgDump === undefined) throw new Error("pg_dump was not looked for");
      const row = (await connection.query("SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version")).rows[0]!;
      const version = String(row.version).split(" ")[0]!;
      assertCanDump(request.pgDump, { version, major: serverMajor(Number(row.num)) }, target.description);
      await runPgDump(request.pgDump, target, partial);
    } else {
      if (connection.dumpDataDir === undefined) throw new Error("this PGlite session cannot dump its data directory");
      writeFileSync(partial, await connection.dumpDataDir(), { mode: 0o600 });
    }
    // A dump holds every row: readable by its owner only.
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    if (isAthanorError(error)) throw error;
    throw errors.backupFailed(`cannot write the backup ${file}: ${(error as Error).message}: nothing was applied`, {
      hint: "choose a directory athanor can write with --backup=<dir>, or free some space",
      details: { reason: "write-failed", file },
      cause: error,
    });
  }
  return { path: file, format: postgres ? "pg_dump-custom" : "pglite-datadir-tgz", bytes: statSync(file).size };
}

/** `app_20261203T071500Z_0001.dump`: the database, when (UTC), and the revision(s) it is at. */
export function backupFileName(database: string, current: readonly string[], extension: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
  const at = current.length === 0 ? "base" : [...current].sort().join("+");
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_.+-]/g, "_");
  return `${safe(database)}_${stamp}_${safe(at)}${extension}`;
}
