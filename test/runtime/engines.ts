// The two engines every runtime integration test runs on: a fresh database on the
// suite's PostgreSQL server, and PGlite in memory (one instance per test file, its
// public schema recreated between tests because a fresh PGlite costs seconds).
import { PGlite } from "@electric-sql/pglite";
import { createTestDatabase } from "../helpers/database.js";
import { openConnection, type Connection } from "../../src/runtime/connection.js";
import { parseDatabaseUrl } from "../../src/runtime/database-url.js";
import { pgliteConnection } from "../../src/runtime/pglite-connection.js";

export interface EngineDatabase {
  readonly connection: Connection;
  /** The database URL (PostgreSQL only). */
  readonly url: string | undefined;
  /** A second, independent look at the same database, for assertions. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

export interface Engine {
  readonly name: "postgres" | "pglite";
  open(): Promise<EngineDatabase>;
}

let shared: PGlite | undefined;

export const engines: readonly Engine[] = [
  {
    name: "postgres",
    async open() {
      const database = await createTestDatabase("rt");
      const connection = await openConnection(parseDatabaseUrl(database.url, process.cwd()));
      const observer = await openConnection(parseDatabaseUrl(database.url, process.cwd()));
      return {
        connection,
        url: database.url,
        rows: async (sql) => (await observer.query(sql)).rows,
        async cleanup() {
          await connection.close();
          await observer.close();
          await database.drop();
        },
      };
    },
  },
  {
    name: "pglite",
    async open() {
      shared ??= await PGlite.create();
      const db = shared;
      await db.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      const connection = pgliteConnection(db);
      return {
        connection,
        url: undefined,
        rows: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
        async cleanup() {
          await db.exec("ROLLBACK").catch(() => {});
        },
      };
    },
  },
];

/** The version table's rows, sorted (row order is not meaningful). */
export async function versionRows(database: EngineDatabase, table = "alembic_version"): Promise<string[]> {
  const present = await database.rows(`SELECT to_regclass('${table}') IS NOT NULL AS present`);
  if (present[0]?.present !== true) return [];
  return (await database.rows(`SELECT version_num FROM ${table}`)).map((row) => String(row.version_num)).sort();
}
