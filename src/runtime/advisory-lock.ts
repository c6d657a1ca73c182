// The session advisory lock that makes concurrent runs migrate once. The key is derived
// from the version table's qualified name (two projects sharing a server but not a
// version table do not block each other). It is never released by hand: it dies with
// the session, so a killed run cannot leave a stale lock (knex's failure mode).
import { createHash } from "node:crypto";
import { errors } from "../error-factories.js";
import type { Connection } from "./connection.js";

/** Default wait for another run when lockTimeout is not configured. */
export const defaultLockWait = 300_000;

/** A signed 64-bit key, stable across processes and machines. */
export function advisoryLockKey(versionTableQualifiedName: string): bigint {
  const digest = createHash("sha256").update(`athanor:${versionTableQualifiedName}`).digest();
  return digest.readBigInt64BE(0);
}

export interface LockHolder {
  readonly pid: number;
  readonly applicationName: string;
  readonly clientAddress: string | null;
  readonly since: string | null;
}

export interface AcquireOptions {
  /** Milliseconds to wait before LOCK_TIMEOUT. */
  timeout: number;
  /** Told once, when the lock is busy, who holds it. */
  onNotice?: (message: string) => void;
  pollInterval?: number;
}

/**
 * Holds the lock for `key` on this session, waiting for another holder up to
 * `options.timeout`.
 *
 * ### Examples
 * ```ts
 * await acquireAdvisoryLock(connection, advisoryLockKey("alembic_version"), { timeout: 60_000, onNotice: console.error });
 * ```
 */
export async function acquireAdvisoryLock(connection: Connection, key: bigint, options: AcquireOptions): Promise<void> {
  const deadline = Date.now() + options.timeout;
  // undefined: not looked up yet; null: pg_locks did not show the holder.
  let holder: LockHolder | null | undefined;
  let lookups = 0;
  let told = false;
  for (;;) {
    const { rows } = await connection.query("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key.toString()]);
    if (rows[0]?.locked === true) return;
    if (!told) {
      // The holder may have let go between the try and the look-up: try again before
      // telling anyone about a holder that is not there.
      holder = (await findHolder(connection, key)) ?? null;
      lookups += 1;
      if (holder !== null || lookups === 3) {
        options.onNotice?.(`waiting for the migration lock on ${connection.description}, held by ${describe(holder)}`);
        told = true;
      }
      if (holder === null && lookups < 3) continue;
    }
    if (Date.now() >= deadline) {
      const latest = (await findHolder(connection, key)) ?? holder ?? null;
      const end = latest === null ? "" : ` (SELECT pg_terminate_backend(${latest.pid}) ends it)`;
      throw errors.lockTimeout(
        `another run held the migration lock on ${connection.description} for more than ${Math.round(options.timeout / 1000)} s (${describe(latest)})`,
        {
          hint: `wait for that run to finish and try again, or raise lockTimeout; the lock ends with its session${end}`,
          details: { holder: latest },
        },
      );
    }
    const interval = options.pollInterval ?? 100 + Math.floor(Math.random() * 100);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(interval, deadline - Date.now()))));
  }
}

/**
 * The session holding the lock, from pg_locks and pg_stat_activity. Advisory locks are
 * per database, so a session holding the same key in another database is not the holder.
 */
async function findHolder(connection: Connection, key: bigint): Promise<LockHolder | undefined> {
  const unsigned = BigInt.asUintN(64, key);
  const high = (unsigned >> 32n).toString();
  const low = (unsigned & 0xffffffffn).toString();
  const { rows } = await connection.query(
    `SELECT l.pid, a.application_name, host(a.client_addr) AS client_addr, a.backend_start::text AS since
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid::bigint = $1::bigint
        AND l.objid::bigint = $2::bigint AND l.objsubid = 1
      LIMIT 1`,
    [high, low],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    pid: Number(row.pid),
    applicationName: String(row.application_name ?? ""),
    clientAddress: row.client_addr === null || row.client_addr === undefined ? null : String(row.client_addr),
    since: row.since === null || row.since === undefined ? null : String(row.since),
  };
}

function describe(holder: LockHolder | null): string {
  if (holder === null) return "a session this user cannot see in pg_locks (another role's, or one that just let go)";
  const app = holder.applicationName ? `, application_name ${holder.applicationName}` : "";
  const from = holder.clientAddress ? `, from ${holder.clientAddress}` : "";
  const since = holder.since ? `, connected since ${holder.since}` : "";
  return `pid ${holder.pid}${app}${from}${since}`;
}
