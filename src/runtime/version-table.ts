// Alembic's version table: `alembic_version(version_num varchar(32) primary key)`, one
// row per current head, so athanor and Alembic can share a database. The statement
// texts are Alembic's own (its offline output), and online runs send the same text.
import { qualifiedName, quoteIdentifier } from "../dialect/postgres/quote.js";
import type { VersionChange } from "../graph/step.js";
import type { Connection } from "./connection.js";
import { foreignVersionTable, isPrivilegeError, privilegeDenied } from "./privilege-error.js";
import { DEFAULT_VERSION_TABLE } from "../config/defaults.js";

export interface VersionTableSettings {
  readonly name: string;
  readonly schema?: string | undefined;
}

export class VersionTable {
  readonly name: string;
  readonly schema: string | undefined;
  /** `schema.name` as written in SQL (quoted only where Postgres needs it). */
  readonly qualified: string;

  constructor(settings: VersionTableSettings = { name: DEFAULT_VERSION_TABLE }) {
    this.name = settings.name;
    this.schema = settings.schema;
    this.qualified = qualifiedName(settings.name, settings.schema);
  }

  /** The CREATE TABLE exactly as Alembic prints it (trailing space after the column included). */
  createStatement(): string {
    return [
      `CREATE TABLE ${this.qualified} (`,
      `    version_num VARCHAR(32) NOT NULL, `,
      `    CONSTRAINT ${quoteIdentifier(`${this.name}_pkc`)} PRIMARY KEY (version_num)`,
      `)`,
    ].join("\n");
  }

  dropStatement(): string {
    return `DROP TABLE ${this.qualified}`;
  }

  insertStatement(revision: string): string {
    return `INSERT INTO ${this.qualified} (version_num) VALUES (${literal(revision)}) RETURNING ${this.qualified}.version_num`;
  }

  updateStatement(from: string, to: string): string {
    return `UPDATE ${this.qualified} SET version_num=${literal(to)} WHERE ${this.qualified}.version_num = ${literal(from)}`;
  }

  deleteStatement(revision: string): string {
    return `DELETE FROM ${this.qualified} WHERE ${this.qualified}.version_num = ${literal(revision)}`;
  }

  /** `stamp --purge`: every row goes, whatever revision it names (Alembic's purge). */
  purgeStatement(): string {
    return `DELETE FROM ${this.qualified}`;
  }

  statementFor(change: VersionChange): string {
    switch (change.kind) {
      case "insert":
        return this.insertStatement(change.revision);
      case "update":
        return this.updateStatement(change.from, change.to);
      case "delete":
        return this.deleteStatement(change.revision);
    }
  }

  async exists(connection: Connection): Promise<boolean> {
    const { rows } = await connection.query("SELECT to_regclass($1) IS NOT NULL AS present", [this.qualified]);
    return rows[0]?.present === true;
  }

  /** The rows (current heads); [] when the table does not exist yet. */
  async read(connection: Connection): Promise<string[]> {
    if (!(await this.exists(connection))) return [];
    try {
      const { rows } = await connection.query(`SELECT version_num FROM ${this.qualified}`);
      return rows.map((row) => String(row.version_num));
    } catch (error) {
      if (isPrivilegeError(error)) throw privilegeDenied(error as Error, await currentRole(connection), `reading ${this.qualified}`, { table: this.qualified });
      // 42703 undefined_column: a table of this name, but not Alembic's shape.
      if ((error as { code?: string }).code === "42703") throw foreignVersionTable(this.qualified, error);
      throw error;
    }
  }
}

/** Revision ids are [A-Za-z0-9_-]; doubling quotes still keeps any text safe. */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The role the session runs as, for a GRANT to name; undefined when even that fails. */
async function currentRole(connection: Connection): Promise<string | undefined> {
  try {
    const { rows } = await connection.query("SELECT current_user AS role");
    return rows[0] === undefined ? undefined : String(rows[0].role);
  } catch {
    return undefined;
  }
}
