// A read-only session for commands that look at the database without migrating it
// (`generate`, `check`): no advisory lock, the version table's rows read first.
import type { AthanorConfig } from "../config/index.js";
import type { Connection, Row } from "./connection.js";
import { parseDatabaseUrl } from "./database-url.js";
import { withSession } from "./session.js";
import { VersionTable } from "./version-table.js";

export interface DatabaseView {
  /** The version table's rows ([] when it is empty or absent). */
  readonly currentHeads: readonly string[];
  /** `host:port/db` or `pglite:<dir>`, never with a password. */
  readonly description: string;
  /** The version table as written in SQL (`alembic_version`, `schema.name`), for messages. */
  readonly versionTable: string;
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** The session itself, for a Migrator to look in the same session (`check`). */
  readonly connection: Connection;
}

/**
 * Opens the configured database, reads its version rows, and hands `body` a query function.
 *
 * ### Examples
 * ```ts
 * const heads = await inspectDatabase(config, async (db) => db.currentHeads);
 * ```
 */
export async function inspectDatabase<T>(
  config: Pick<AthanorConfig, "databaseUrl" | "databaseUrlOrigin" | "cwd" | "versionTable" | "connectTimeout" | "statementTimeout" | "waitForDatabase">,
  body: (view: DatabaseView) => Promise<T>,
  onNotice?: (line: string) => void,
): Promise<T> {
  const versionTable = new VersionTable(config.versionTable);
  return withSession(
    {
      target: parseDatabaseUrl(config.databaseUrl, config.cwd, config.databaseUrlOrigin),
      versionTable,
      lock: false,
      connectTimeout: config.connectTimeout,
      waitForDatabase: config.waitForDatabase,
      statementTimeout: config.statementTimeout,
      onNotice,
    },
    async (connection) => {
      const currentHeads = (await versionTable.exists(connection)) ? await versionTable.read(connection) : [];
      return body({
        currentHeads,
        description: connection.description,
        versionTable: versionTable.qualified,
        query: async (sql, params) => (await connection.query(sql, params)).rows,
        connection,
      });
    },
  );
}
