// One small interface over the two ways athanor talks to Postgres (node-postgres and
// PGlite), and the function that opens the right one. Drivers are imported lazily, so
// a command that never opens a connection never loads them.
import type { DatabaseTarget } from "./database-url.js";

export type Row = Record<string, unknown>;

export interface QueryResult {
  readonly rows: Row[];
  /** Rows touched by INSERT/UPDATE/DELETE; null when the driver does not say. */
  readonly rowCount: number | null;
}

export interface Connection {
  readonly kind: "postgres" | "pglite";
  /** `host:port/db` or `pglite:<dir>`; never contains a password. */
  readonly description: string;
  /** One statement, with optional $1… parameters. */
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  /** A text of several statements, sent as-is (simple protocol). */
  exec(sql: string): Promise<void>;
  /**
   * Several statements without parameters in one round trip (simple protocol), one
   * result each. The server stops at the first error, and so does the batch.
   */
  queryBatch(statements: readonly string[]): Promise<QueryResult[]>;
  /** PGlite only: its data directory as a .tar.gz (upgrade --backup). */
  dumpDataDir?(): Promise<Uint8Array>;
  /** The backend's process id, shown to other runners waiting for the lock. */
  backendPid(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Milliseconds to wait for the server (pg) or for another process's PGlite lock. */
  connectTimeout?: number;
  lockTimeout?: number;
  /** Told once when the open waits on someone else (e.g. a PGlite data dir in use), and at each retry. */
  onNotice?: (message: string) => void;
  /** Milliseconds to keep retrying a server that is not up yet (pg only; see wait-for-database.ts). */
  waitForDatabase?: number | undefined;
}

/**
 * Opens `target`. pg errors become CONNECTION_FAILED with host:port/db and a hint.
 *
 * ### Examples
 * ```ts
 * const connection = await openConnection(parseDatabaseUrl(config.databaseUrl, config.cwd), { connectTimeout: 10_000 });
 * try { console.log(await connection.query("select 1 as one")); } finally { await connection.close(); }
 * ```
 */
export async function openConnection(target: DatabaseTarget, options: OpenOptions = {}): Promise<Connection> {
  if (target.kind === "postgres") {
    const { openPgConnection } = await import("./pg-connection.js");
    const { withConnectRetry } = await import("./wait-for-database.js");
    return withConnectRetry(() => openPgConnection(target, options), {
      waitMs: options.waitForDatabase,
      description: target.description,
      onNotice: options.onNotice,
    });
  }
  const { openPgliteConnection } = await import("./pglite-connection.js");
  return openPgliteConnection(target, options);
}
