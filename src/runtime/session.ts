// One online run's session: open the connection, apply the run's timeouts, take the
// advisory lock (when the run changes the database), run the body, close. The lock is
// never released by hand; closing the session ends it.
import type { Connection } from "./connection.js";
import type { ConnectionLease, ConnectionSource } from "./connection-source.js";
import { openConnection } from "./connection.js";
import { acquireAdvisoryLock, advisoryLockKey, defaultLockWait } from "./advisory-lock.js";
import type { DatabaseTarget } from "./database-url.js";
import type { VersionTable } from "./version-table.js";
import { isAthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import { isConnectionLost } from "./migration-error.js";

export interface SessionOptions {
  /** An already open connection to use (and leave open); otherwise `target` is opened. */
  readonly connection?: Connection | undefined;
  /** An application's pool, client or PGlite: the run leases one session from it. */
  readonly source?: ConnectionSource | undefined;
  readonly target: DatabaseTarget;
  readonly versionTable: VersionTable;
  /** Take the advisory lock for the run (commands that change the database). */
  readonly lock: boolean;
  readonly lockTimeout?: number | undefined;
  readonly statementTimeout?: number | undefined;
  readonly connectTimeout?: number | undefined;
  /** Milliseconds to keep retrying a server that is not up yet (--wait-for-database). */
  readonly waitForDatabase?: number | undefined;
  readonly onNotice?: ((message: string) => void) | undefined;
}

export async function withSession<T>(options: SessionOptions, body: (connection: Connection) => Promise<T>): Promise<T> {
  const lease: ConnectionLease | undefined = options.source === undefined ? undefined : await options.source.lease();
  const borrowed = lease?.connection ?? options.connection;
  const owned = borrowed === undefined;
  const connection =
    borrowed ??
    (await openConnection(options.target, {
      connectTimeout: options.connectTimeout,
      waitForDatabase: options.waitForDatabase,
      lockTimeout: options.lockTimeout ?? defaultLockWait,
      onNotice: options.onNotice,
    }));
  // An application's session goes back to it: what the run SETs is put back as it was.
  // (athanor's own open connection, passed by its commands, needs no such round trips.)
  const restore = lease === undefined ? null : await sessionSettings(connection);
  try {
    if (options.statementTimeout !== undefined) await connection.query(`SET statement_timeout = ${Math.round(options.statementTimeout)}`);
    if (options.lockTimeout !== undefined) await connection.query(`SET lock_timeout = ${Math.round(options.lockTimeout)}`);
    if (connection.kind === "postgres") await watchForDeadClient(connection);
    // PGlite is single-process and its data directory is already held by a lock file.
    if (options.lock && connection.kind === "postgres") {
      const key = advisoryLockKey(options.versionTable.qualified);
      await acquireAdvisoryLock(connection, key, { timeout: options.lockTimeout ?? defaultLockWait, onNotice: options.onNotice }).catch((error: unknown) => {
        throw lostWhile(error, connection, "while waiting for the migration lock: nothing was changed");
      });
    }
    return await body(connection).catch((error: unknown) => {
      throw lostWhile(error, connection, "");
    });
  } catch (error) {
    throw lostWhile(error, connection, "before the run started: nothing was changed");
  } finally {
    if (owned) await connection.close();
    else {
      let broken = false;
      if (options.lock && connection.kind === "postgres") {
        // A borrowed session outlives the run, so here (only here) the lock is let go.
        await connection
          .query("SELECT pg_advisory_unlock($1::bigint)", [advisoryLockKey(options.versionTable.qualified).toString()])
          .catch(() => (broken = true));
      }
      if (restore !== null && !broken) await restoreSettings(connection, restore).catch(() => (broken = true));
      await lease?.release(broken);
    }
  }
}

/** The settings a run changes on its session (the run's timeouts, the dead-client check). */
const runSettings = ["statement_timeout", "lock_timeout", "client_connection_check_interval"] as const;

/** Their values now, so an application's pooled client gets them back; null where the server has no such setting. */
async function sessionSettings(connection: Connection): Promise<Map<string, string | null>> {
  const columns = runSettings.map((name, i) => `current_setting('${name}', true) AS s${i}`).join(", ");
  const row = (await connection.query(`SELECT ${columns}`)).rows[0] as Record<string, string | null> | undefined;
  return new Map(runSettings.map((name, i) => [name, row?.[`s${i}`] ?? null]));
}

async function restoreSettings(connection: Connection, settings: Map<string, string | null>): Promise<void> {
  const known = [...settings].filter(([, value]) => value !== null);
  if (known.length === 0) return;
  const calls = known.map(([,], i) => `set_config($${2 * i + 1}, $${2 * i + 2}, false)`).join(", ");
  await connection.query(`SELECT ${calls}`, known.flat() as string[]);
}

/**
 * A killed athanor (kill -9, a crashed deploy) leaves its backend running the current
 * statement, holding its locks and the advisory lock, until the statement ends and
 * the server finds the socket closed. PostgreSQL 14+ can check the socket during a
 * statement: then the backend cancels, rolls back and lets go within a second.
 * Older servers (and non-Linux ones) refuse the setting; that is fine.
 */
async function watchForDeadClient(connection: Connection): Promise<void> {
  await connection.query("SET client_connection_check_interval = 1000").catch(() => {});
}

/**
 * A driver error saying the session is gone (a server restart, a dropped network),
 * outside any revision: CONNECTION_LOST (exit 4). athanor's own errors pass unchanged.
 */
function lostWhile(error: unknown, connection: Connection, when: string): unknown {
  if (isAthanorError(error) || !isConnectionLost(error)) return error;
  const message = (error as Error).message;
  return errors.connectionLost(`the connection to ${connection.description} was lost${when === "" ? "" : ` ${when}`} (${message})`, {
    hint: "once the server is back, run the command again (`athanor current` shows where the database is)",
    cause: error,
  });
}
