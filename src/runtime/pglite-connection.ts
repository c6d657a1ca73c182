// The embedded database: PGlite (Postgres compiled to WebAssembly) in a data directory
// or in memory. Imported only when used; a data directory is held with an OS lock so a
// second process waits instead of corrupting it, and kept private to its owner.
import { chmodSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { Connection, OpenOptions, QueryResult } from "./connection.js";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.js";
import { createFromTemplate, isNewDataDir, templatePath } from "./pglite-template.js";
import type { PgliteTarget } from "./database-url.js";

export async function openPgliteConnection(target: PgliteTarget, options: OpenOptions): Promise<Connection> {
  const dataDir = target.dataDir;
  // First: without PGlite installed, no data directory is made.
  const { PGlite } = await importPglite(target);
  let lock: DataDirLock | undefined;
  if (dataDir !== null) {
    try {
      lock = await lockDataDir(dataDir, { timeout: options.lockTimeout ?? 60_000, onNotice: options.onNotice });
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      chmodSync(dataDir, 0o700);
    } catch (cause) {
      lock?.release();
      if (cause instanceof AthanorError) throw cause;
      throw openFailed(target, cause);
    }
  }
  let db: PGlite;
  try {
    db = dataDir === null || isNewDataDir(dataDir) ? await createFromTemplate(PGlite, dataDir, templatePath()) : await PGlite.create(dataDir);
    if (dataDir !== null) makePrivate(dataDir);
  } catch (cause) {
    lock?.release();
    throw openFailed(target, cause);
  }
  return pgliteConnection(db, target.description, async () => {
    try {
      await db.close();
      // Files created during the run carry PGlite's 0666 (less the umask); the 0700
      // directory already keeps them private, this keeps them so if it is ever opened up.
      if (dataDir !== null) makePrivate(dataDir);
    } finally {
      lock?.release();
    }
  });
}

/** 0700 directories and 0600 files under `dir` (PGlite creates its files 0666). */
function makePrivate(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(full);
    else if (entry.isFile()) chmodSync(full, 0o600);
  }
}

// Emscripten's file-system errors carry only a number (its own errno table).
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: "permission denied (EACCES)",
  10: "device or resource busy (EBUSY)",
  20: "a file already exists there (EEXIST)",
  28: "invalid argument (EINVAL)",
  29: "input/output error (EIO)",
  31: "is a directory (EISDIR)",
  33: "too many open files (EMFILE)",
  44: "no such file or directory (ENOENT)",
  51: "no space left on device (ENOSPC)",
  54: "not a directory (ENOTDIR)",
  55: "directory not empty (ENOTEMPTY)",
  63: "operation not permitted (EPERM)",
  69: "read-only file system (EROFS)",
};

/** Why the open failed, in words: PGlite's file errors have no message of their own. */
function describeOpenFailure(cause: unknown): string {
  if (cause instanceof Error || (typeof cause === "object" && cause !== null)) {
    const { message, errno, code } = cause as { message?: unknown; errno?: unknown; code?: unknown };
    if (typeof message === "string" && message.trim() !== "") return message;
    if (typeof errno === "number") return `file system error: ${EMSCRIPTEN_ERRNO[errno] ?? `errno ${errno}`}`;
    if (typeof code === "string") return code;
  }
  const text = String(cause);
  return text === "[object Object]" || text === "" ? "unknown error" : text;
}

function openFailed(target: PgliteTarget, cause: unknown): AthanorError {
  const dir = target.dataDir;
  return errors.connectionFailed(`cannot open the PGlite database ${target.description}: ${describeOpenFailure(cause)}`, {
    hint: dir
      ? `check that ${dir} is a directory athanor can write, holding a PGlite data directory (or nothing, to create one); a data directory written by another PGlite version cannot be opened`
      : undefined,
    cause,
  });
}

/**
 * PGlite is an optional dependency (an install can leave it out with --omit=optional):
 * a project on PostgreSQL never needs its 27 MB.
 */
async function importPglite(target: PgliteTarget): Promise<typeof import("@electric-sql/pglite")> {
  try {
    return await import("@electric-sql/pglite");
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String((cause as Error).message).includes("@electric-sql/pglite");
    if (!missing) throw cause;
    throw errors.connectionFailed(`the embedded database (${target.description}) needs @electric-sql/pglite, which is not installed`, {
      hint: "install it next to athanor (npm install @electric-sql/pglite), or set DATABASE_URL to a PostgreSQL server",
      details: { target: target.description, package: "@electric-sql/pglite" },
    });
  }
}

/**
 * A Connection over a PGlite instance the caller already has (tests, embedding apps).
 * `onClose` runs on close(); by default the instance stays open.
 */
export function pgliteConnection(db: PGlite, description = "pglite:memory", onClose: () => Promise<void> = async () => {}): Connection {
  return {
    kind: "pglite",
    description,
    async query(sql, params) {
      const result = await db.query<Record<string, unknown>>(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? null };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async queryBatch(statements) {
      // In process there is no round trip to save; and exec() adds up affectedRows across
      // its statements, so each runs on its own to keep its own count.
      const results: QueryResult[] = [];
      for (const sql of statements) {
        const result = await db.query<Record<string, unknown>>(sql);
        results.push({ rows: result.rows, rowCount: result.affectedRows ?? null });
      }
      return results;
    },
    async dumpDataDir() {
      // PGlite's own tar of the data directory, taken between queries of this session.
      const blob = await db.dumpDataDir("gzip");
      return new Uint8Array(await blob.arrayBuffer());
    },
    async backendPid() {
      return process.pid;
    },
    close: onClose,
  };
}
