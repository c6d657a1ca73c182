// What an application hands the Migrator to migrate through: a node-postgres Pool, a
// connected Client, or a PGlite instance (recognised by shape, or wrapped by the
// from… adapters). A run leases one session for its whole length: a pool lends one
// dedicated client, so the advisory lock and the SET values stay on it; a single
// session (a Client, a PGlite instance) is used by one run at a time in this process,
// since two runs sharing one session would interleave their transactions.
import { errors } from "../error-factories.js";
import type { Connection } from "./connection.js";
import { pgClientConnection, type PgClientLike } from "./pg-connection.js";
import { pgliteConnection } from "./pglite-connection.js";

/** One run's session, given back with release(). */
export interface ConnectionLease {
  readonly connection: Connection;
  /** `broken`: the session may hold state (a failed unlock); a pool then discards it. */
  release(broken?: boolean): Promise<void>;
}

const sourceBrand: unique symbol = Symbol.for("athanor.connectionSource");

/** Where a Migrator's runs get their session; made by fromPgPool, fromPgClient, fromPGlite. */
export interface ConnectionSource {
  readonly [sourceBrand]: true;
  lease(): Promise<ConnectionLease>;
}

/** The part of a node-postgres Pool athanor uses. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike & { release(destroy?: boolean | Error): void }>;
  readonly totalCount: number;
  readonly options?: { host?: string; port?: number; database?: string };
}

/** The part of a PGlite instance athanor uses. */
export interface PGliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
  readonly waitReady: Promise<void>;
  readonly dataDir?: string;
}

/** Anything `new Migrator({ connection })` accepts. */
export type MigratorConnection = ConnectionSource | PgPoolLike | PgClientLike | PGliteLike;

// Runs waiting for a single session, per session object.
const queues = new WeakMap<object, Promise<void>>();

async function exclusive(owner: object, make: () => Connection): Promise<ConnectionLease> {
  const previous = queues.get(owner) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  queues.set(
    owner,
    previous.then(() => mine),
  );
  await previous;
  return { connection: make(), release: async () => done() };
}

function source(lease: () => Promise<ConnectionLease>): ConnectionSource {
  return { [sourceBrand]: true, lease };
}

function describePg(settings: { host?: string; port?: number; database?: string } | undefined): string {
  return `${settings?.host ?? "localhost"}:${settings?.port ?? 5432}/${settings?.database ?? ""}`;
}

/**
 * Migrate through a node-postgres Pool: each run checks out one client for its whole
 * length (the advisory lock lives on it) and gives it back after.
 *
 * ### Examples
 * ```ts
 * const migrator = new Migrator({ connection: fromPgPool(pool) });
 * ```
 */
export function fromPgPool(pool: PgPoolLike): ConnectionSource {
  return source(async () => {
    const client = await pool.connect();
    return {
      connection: pgClientConnection(client, describePg(pool.options)),
      release: async (broken = false) => client.release(broken),
    };
  });
}

/** Migrate through a connected node-postgres Client (left open; one run at a time). */
export function fromPgClient(client: PgClientLike): ConnectionSource {
  const settings = client as { host?: string; port?: number; database?: string };
  return source(() => exclusive(client, () => pgClientConnection(client, describePg(settings))));
}

/** Migrate through a PGlite instance (left open; one run at a time). */
export function fromPGlite(db: PGliteLike): ConnectionSource {
  return source(async () => {
    await db.waitReady;
    return exclusive(db, () => pgliteConnection(db as never, `pglite:${db.dataDir ?? "memory"}`));
  });
}

function isConnectionSource(value: unknown): value is ConnectionSource {
  return typeof value === "object" && value !== null && sourceBrand in value;
}

/** The source for what an application passed, recognised by its shape. */
export function toConnectionSource(value: MigratorConnection): ConnectionSource {
  if (isConnectionSource(value)) return value;
  const shape = value as unknown as Record<string, unknown>;
  if (typeof shape.exec === "function" && "waitReady" in shape) return fromPGlite(value as PGliteLike);
  if (typeof shape.connect === "function" && "totalCount" in shape) return fromPgPool(value as PgPoolLike);
  if (typeof shape.query === "function") return fromPgClient(value as PgClientLike);
  throw errors.usage("Migrator's connection is not a pg Pool, a pg Client or a PGlite instance", {
    hint: "pass one of those, or wrap it: fromPgPool(pool), fromPgClient(client), fromPGlite(db)",
  });
}
