// The connections a many-target run shares: at most `maxPerHost` open to one server, and
// one kept open per database between targets, so a thousand schemas in one database are
// migrated over a handful of sessions (each target sets its own search_path, version
// table and lock on it) instead of a thousand connects. A host at its cap closes an idle
// session to another of its databases before opening one to the database asked for.
import type { Connection } from "../connection.js";
import type { DatabaseTarget } from "../database-url.js";

export interface ConnectionPoolOptions {
  /** Sessions open at once to one server (host:port); PGlite is always one per data directory. */
  readonly maxPerHost: number;
  readonly open: (database: DatabaseTarget) => Promise<Connection>;
}

interface Held {
  readonly database: string;
  readonly host: string;
}

/** The database a target names, as a key: two targets with the same key share sessions. */
export function databaseKey(database: DatabaseTarget): string {
  return database.kind === "postgres" ? `postgres:${database.connectionString}` : `pglite:${database.dataDir ?? ":memory:"}`;
}

function hostKey(database: DatabaseTarget): string {
  return database.kind === "postgres" ? `postgres:${database.host}:${database.port}` : databaseKey(database);
}

export class ConnectionPool {
  readonly #options: ConnectionPoolOptions;
  readonly #idle = new Map<string, Connection[]>();
  readonly #open = new Map<string, number>();
  readonly #held = new Map<Connection, Held>();
  #wakeups: (() => void)[] = [];

  constructor(options: ConnectionPoolOptions) {
    this.#options = options;
  }

  /** A session on `database`: an idle one if there is one, else a new one once its host has room. */
  async acquire(database: DatabaseTarget): Promise<Connection> {
    const key = databaseKey(database);
    const host = hostKey(database);
    const cap = database.kind === "pglite" ? 1 : Math.max(1, this.#options.maxPerHost);
    for (;;) {
      const idle = this.#idle.get(key)?.pop();
      if (idle !== undefined) return idle;
      if ((this.#open.get(host) ?? 0) < cap) return this.#openOn(database, key, host);
      if (!(await this.#closeIdleOn(host))) await new Promise<void>((resolve) => this.#wakeups.push(resolve));
    }
  }

  /** Gives a session back; `broken` (a failed target may have left state on it) closes it instead. */
  async release(connection: Connection, broken = false): Promise<void> {
    const held = this.#held.get(connection);
    if (held === undefined) return;
    if (broken) await this.#close(connection, held);
    else {
      const idle = this.#idle.get(held.database) ?? [];
      idle.push(connection);
      this.#idle.set(held.database, idle);
    }
    this.#wake();
  }

  /** Closes every session, idle or not (the run is over). */
  async close(): Promise<void> {
    const all = [...this.#held.entries()];
    this.#idle.clear();
    await Promise.all(all.map(([connection, held]) => this.#close(connection, held)));
  }

  async #openOn(database: DatabaseTarget, key: string, host: string): Promise<Connection> {
    this.#open.set(host, (this.#open.get(host) ?? 0) + 1);
    try {
      const connection = await this.#options.open(database);
      this.#held.set(connection, { database: key, host });
      return connection;
    } catch (error) {
      this.#open.set(host, (this.#open.get(host) ?? 1) - 1);
      this.#wake();
      throw error;
    }
  }

  /** Makes room on a host at its cap by closing a session idle on another of its databases. */
  async #closeIdleOn(host: string): Promise<boolean> {
    for (const [database, idle] of this.#idle) {
      const connection = idle[0];
      if (connection === undefined || this.#held.get(connection)?.host !== host) continue;
      idle.shift();
      if (idle.length === 0) this.#idle.delete(database);
      await this.#close(connection, this.#held.get(connection)!);
      return true;
    }
    return false;
  }

  async #close(connection: Connection, held: Held): Promise<void> {
    this.#held.delete(connection);
    this.#open.set(held.host, (this.#open.get(held.host) ?? 1) - 1);
    await connection.close().catch(() => {});
  }

  #wake(): void {
    const waiting = this.#wakeups;
    this.#wakeups = [];
    for (const wake of waiting) wake();
  }
}
