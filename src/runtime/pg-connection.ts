// The node-postgres connection: one Client (a session, so the advisory lock and SET
// values hold for the run), application_name "athanor", connect timeout, and connect
// errors turned into one clear line naming host:port/db but never the password.
import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { Connection, OpenOptions, QueryResult } from "./connection.js";
import type { PostgresTarget } from "./database-url.js";
import type { QueryResult as PgQueryResult } from "pg";

export async function openPgConnection(target: PostgresTarget, options: OpenOptions): Promise<Connection> {
  const { default: pg } = await import("pg");
  const timeout = options.connectTimeout ?? 10_000;
  const client = new pg.Client({
    connectionString: target.connectionString,
    application_name: "athanor",
    connectionTimeoutMillis: timeout,
  });
  // An error on an idle client (server restart) must not crash the process; the next
  // query reports it.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => {});
    throw connectionError(target, cause, timeout);
  }
  return pgClientConnection(client, target.description, async () => {
    await client.end().catch(() => {});
  });
}

/** The part of a node-postgres Client (or pooled client) athanor uses. */
export interface PgClientLike {
  query(text: string | { text: string; values?: unknown[] | undefined }): Promise<unknown>;
}

/** A Connection over a node-postgres client someone already connected; `onClose` runs on close(). */
export function pgClientConnection(pgClient: PgClientLike, description: string, onClose: () => Promise<void> = async () => {}): Connection {
  const client = pgClient as unknown as { query(config: unknown): Promise<PgQueryResult | PgQueryResult[]> };
  return {
    kind: "postgres",
    description,
    async query(sql, params) {
      const result = (await client.query({ text: sql, values: params as unknown[] | undefined })) as PgQueryResult;
      return { rows: result.rows, rowCount: result.rowCount } satisfies QueryResult;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async queryBatch(statements) {
      // pg answers one statement with a result and several with an array of them.
      const answer = await client.query(statements.join(";\n"));
      return (Array.isArray(answer) ? answer : [answer]).map((result) => ({ rows: result.rows, rowCount: result.rowCount }));
    },
    async backendPid() {
      const { rows } = (await client.query("SELECT pg_backend_pid() AS pid")) as PgQueryResult;
      return Number(rows[0].pid);
    },
    close: onClose,
  };
}

function connectionError(target: PostgresTarget, cause: unknown, timeout: number): AthanorError {
  const where = target.description;
  const error = cause as { code?: string; message?: string };
  const said = scrub(String(error.message ?? cause), target);
  const fail = (reason: string, hint: string) =>
    errors.connectionFailed(`cannot connect to ${where}: ${reason}`, {
      hint,
      cause: undefined,
      details: { target: where, code: error.code },
    });
  switch (error.code) {
    case "ECONNREFUSED":
      return fail("connection refused", `is PostgreSQL running and listening on ${target.host}:${target.port}? Check the host and port in DATABASE_URL`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return fail(`unknown host ${target.host}`, "check the host name in DATABASE_URL");
    case "28P01":
      return fail(
        `password authentication failed for user "${target.user ?? ""}"`,
        "check the user and password in DATABASE_URL (secrets/.env or the environment)",
      );
    case "28000":
      return fail(said, "check the user in DATABASE_URL and the server's pg_hba.conf");
    case "3D000":
      return fail(`database "${target.database}" does not exist`, `create it (createdb ${target.database}) or fix the database name in DATABASE_URL`);
    case "ETIMEDOUT":
      return fail(`timed out`, `the server did not answer; check the host, the firewall, or raise connectTimeout`);
  }
  if (/timeout/i.test(said)) {
    return fail(`no answer within ${timeout} ms`, "check the host and the firewall, or raise connectTimeout in athanor.config.ts");
  }
  return fail(said, "check DATABASE_URL and that the server accepts connections");
}

/** Drivers sometimes echo connection parameters; make sure a password cannot leak. */
function scrub(message: string, target: PostgresTarget): string {
  try {
    const password = decodeURIComponent(new URL(target.connectionString).password);
    return password ? message.split(password).join("***") : message;
  } catch {
    return message;
  }
}
