// The embedded database: PGlite (Postgres compiled to WebAssembly) in a data directory
// or in memory. Imported only when used; a data directory is held with a lock file so a
// second process waits instead of corrupting it.
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { AthanorError } from "../graph/errors.js";
import type { Connection, OpenOptions, QueryResult } from "./connection.js";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.js";
import type { PgliteTarget } from "./database-url.js";

export async function openPgliteConnection(target: PgliteTarget, options: OpenOptions): Promise<Connection> {
  // First: without PGlite installed, no data directory is made.
  const { PGlite } = await importPglite(target);
  let lock: DataDirLock | undefined;
  if (target.dataDir !== null) {
    mkdirSync(target.dataDir, { recursive: true });
    lock = await lockDataDir(target.dataDir, { timeout: options.lockTimeout ?? 60_000, onNotice: options.onNotice });
  }
  let db: PGlite;
  try {
    db = target.dataDir === null ? await PGlite.create() : await PGlite.create(target.dataDir);
  } catch (cause) {
    lock?.release();
    throw new AthanorError("CONNECTION_FAILED", `cannot open the PGlite database ${target.description}: ${(cause as Error).message}`, {
      hint: target.dataDir ? `check that ${target.dataDir} is a PGlite data directory athanor can write` : undefined,
      cause,
    });
  }
  return pgliteConnection(db, target.description, async () => {
    try {
      await db.close();
    } finally {
      lock?.release();
    }
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
    throw new AthanorError("CONNECTION_FAILED", `the embedded database (${target.description}) needs @electric-sql/pglite, which is not installed`, {
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
    async backendPid() {
      return process.pid;
    },
    close: onClose,
  };
}
