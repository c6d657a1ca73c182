// The applied history: one row per step that ran (upgrade, downgrade or stamp), written
// in the step's own transaction, so it says exactly what ran, when, by whom, from which
// file bytes. Alembic does not know this table and leaves it alone.
import { quoteString } from "../dialect/postgres/literal.js";
import { qualifiedName } from "../dialect/postgres/quote.js";
import type { Connection } from "./connection.js";

export type HistoryDirection = "upgrade" | "downgrade" | "stamp";

/** What the runtime knows when it writes a row. */
export interface HistoryRecord {
  readonly revision: string;
  readonly direction: HistoryDirection;
  /** Hex sha256 of the revision file (scripts/revision-checksum.ts); null when it could not be read. */
  readonly sha256: string | null;
  /** null in an offline script: its run time is not known when it is printed. */
  readonly durationMs: number | null;
  /** `osuser@hostname` of the machine athanor ran on. */
  readonly appliedBy: string;
  readonly athanorVersion: string;
  readonly message: string;
}

/** A row as read back; `databaseUser` is the server's current_user when it was written. */
export interface HistoryEntry extends HistoryRecord {
  readonly id: number;
  readonly appliedAt: Date;
  readonly databaseUser: string;
}

export interface HistoryTableSettings {
  readonly name: string;
  readonly schema?: string | undefined;
}

export class HistoryTable {
  readonly name: string;
  readonly qualified: string;

  constructor(settings: HistoryTableSettings) {
    this.name = settings.name;
    this.qualified = qualifiedName(settings.name, settings.schema);
  }

  /** IF NOT EXISTS: an offline script may start on a database that already has it. */
  createStatement(): string {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.qualified} (`,
      `    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, `,
      `    revision VARCHAR(32) NOT NULL, `,
      `    direction VARCHAR(9) NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')), `,
      `    sha256 CHAR(64), `,
      `    applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), `,
      `    duration_ms INTEGER, `,
      `    applied_by TEXT NOT NULL, `,
      `    database_user TEXT NOT NULL DEFAULT current_user, `,
      `    athanor_version TEXT NOT NULL, `,
      `    message TEXT NOT NULL DEFAULT ''`,
      `)`,
    ].join("\n");
  }

  /** Literal values, no parameters: the same text runs online and prints offline. */
  insertStatement(record: HistoryRecord): string {
    const text = (value: string | null) => (value === null ? "NULL" : quoteString(value));
    const duration = record.durationMs === null ? "NULL" : String(Math.max(0, Math.round(record.durationMs)));
    const values = [
      text(record.revision),
      text(record.direction),
      text(record.sha256),
      duration,
      text(record.appliedBy),
      text(record.athanorVersion),
      text(record.message),
    ];
    return `INSERT INTO ${this.qualified} (revision, direction, sha256, duration_ms, applied_by, athanor_version, message) VALUES (${values.join(", ")})`;
  }

  async exists(connection: Connection): Promise<boolean> {
    const { rows } = await connection.query("SELECT to_regclass($1) IS NOT NULL AS present", [this.qualified]);
    return rows[0]?.present === true;
  }

  /** Every row, newest first; [] when the table does not exist. */
  async read(connection: Connection, limit?: number): Promise<HistoryEntry[]> {
    if (!(await this.exists(connection))) return [];
    const { rows } = await connection.query(
      `SELECT id, revision, direction, sha256, applied_at, duration_ms, applied_by, database_user, athanor_version, message
         FROM ${this.qualified} ORDER BY id DESC${limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(limit))}`}`,
    );
    return rows.map(toEntry);
  }

  /** Per revision, its latest row (the state the history says it is in). */
  async latestByRevision(connection: Connection): Promise<HistoryEntry[]> {
    if (!(await this.exists(connection))) return [];
    const { rows } = await connection.query(
      `SELECT DISTINCT ON (revision) id, revision, direction, sha256, applied_at, duration_ms, applied_by, database_user, athanor_version, message
         FROM ${this.qualified} ORDER BY revision, id DESC`,
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: Record<string, unknown>): HistoryEntry {
  const optional = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: Number(row.id),
    revision: String(row.revision),
    direction: String(row.direction) as HistoryDirection,
    sha256: optional(row.sha256)?.trim() ?? null,
    appliedAt: row.applied_at instanceof Date ? row.applied_at : new Date(String(row.applied_at)),
    durationMs: row.duration_ms === null || row.duration_ms === undefined ? null : Number(row.duration_ms),
    appliedBy: String(row.applied_by),
    databaseUser: String(row.database_user),
    athanorVersion: String(row.athanor_version),
    message: String(row.message ?? ""),
  };
}

/** How a run writes its history: the table, whether to create it, and the facts of each row. */
export interface HistoryRecording {
  readonly table: HistoryTable;
  /** Create it (IF NOT EXISTS) in the run's first transaction. */
  readonly create: boolean;
  readonly checksumOf: (source: { readonly path: string }) => string | null;
  readonly appliedBy: string;
  readonly athanorVersion: string;
}
