// The throwaway database `athanor test` runs revisions on: an in-memory PGlite by
// default, or a database of its own created on a PostgreSQL server (`athanor_test_<hex>`)
// and dropped afterwards, whatever happened. The server's other databases, the
// configured one included, are never touched.
import { randomBytes } from "node:crypto";
import { type AthanorError, isAthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import { openConnection, type Connection, type OpenOptions } from "./connection.js";
import { parseDatabaseUrl, type PostgresTarget } from "./database-url.js";

export interface ScratchDatabase {
  readonly connection: Connection;
  /** `in-memory PGlite` or `host:port/athanor_test_…`, never a password. */
  readonly description: string;
  /** Closes and (on a server) drops it; what could not be dropped is returned as a warning. */
  dispose(): Promise<string | undefined>;
}

export interface ScratchOptions extends Pick<OpenOptions, "connectTimeout" | "waitForDatabase" | "onNotice"> {
  readonly cwd: string;
}

/** Opens the scratch database: `url` names a PostgreSQL server, or nothing (in-memory PGlite). */
export async function openScratchDatabase(url: string | undefined, options: ScratchOptions): Promise<ScratchDatabase> {
  const target = parseDatabaseUrl(url ?? "pglite://memory", options.cwd, { shown: "--url" });
  if (target.kind === "pglite") {
    if (target.dataDir !== null) {
      throw errors.usage(`athanor test runs on a scratch database: ${target.description} is a data directory it would change`, {
        hint: "leave out --url for an in-memory PGlite, or give a PostgreSQL server's URL (a database athanor_test_<random> is created on it and dropped after)",
      });
    }
    const connection = await openConnection(target, options);
    return {
      connection,
      description: "in-memory PGlite",
      async dispose() {
        await connection.close();
        return undefined;
      },
    };
  }
  return createOnServer(target, options);
}

async function createOnServer(server: PostgresTarget, options: ScratchOptions): Promise<ScratchDatabase> {
  const name = `athanor_test_${randomBytes(6).toString("hex")}`;
  await onServer(server, options, async (admin) => {
    await admin.query(`CREATE DATABASE "${name}"`).catch((error: unknown) => {
      throw cannotCreate(server, name, error);
    });
  });
  const target = parseDatabaseUrl(withDatabase(server.connectionString, name), options.cwd, { shown: "--url" }) as PostgresTarget;
  let connection: Connection;
  try {
    connection = await openConnection(target, options);
  } catch (error) {
    await drop(server, name, options).catch(() => undefined);
    throw error;
  }
  return {
    connection,
    description: target.description,
    async dispose() {
      await connection.close().catch(() => undefined);
      try {
        await drop(server, name, options);
        return undefined;
      } catch (error) {
        return `the scratch database ${name} on ${server.host}:${server.port} could not be dropped (${(error as Error).message}); drop it with: DROP DATABASE "${name}"`;
      }
    },
  };
}

async function onServer(server: PostgresTarget, options: ScratchOptions, body: (admin: Connection) => Promise<void>): Promise<void> {
  const admin = await openConnection(server, options);
  try {
    await body(admin);
  } finally {
    await admin.close();
  }
}

async function drop(server: PostgresTarget, name: string, options: ScratchOptions): Promise<void> {
  await onServer(server, { ...options, waitForDatabase: undefined }, async (admin) => {
    // WITH (FORCE) (PostgreSQL 13+) ends a session a killed revision left behind.
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => admin.query(`DROP DATABASE IF EXISTS "${name}"`));
  });
}

function cannotCreate(server: PostgresTarget, name: string, error: unknown): AthanorError {
  if (isAthanorError(error)) return error;
  const { code, message } = error as { code?: string; message?: string };
  const text = `cannot create the scratch database ${name} on ${server.description}: ${message ?? String(error)}`;
  const details = { target: server.description, code };
  if (code === "42501") {
    return errors.permissionDenied(text, {
      hint: `athanor test creates a database of its own and drops it after: give the role CREATEDB (ALTER ROLE ${server.user ?? "<role>"} CREATEDB), or leave out --url to test on an in-memory PGlite`,
      details,
    });
  }
  return errors.connectionFailed(text, { hint: "check the server URL given with --url", details });
}

/** The same URL with another database name (query parameters kept). */
function withDatabase(connectionString: string, name: string): string {
  const match = /^(postgresql:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/s.exec(connectionString);
  if (match === null) return connectionString;
  return `${match[1]}/${name}${match[3]}`;
}
