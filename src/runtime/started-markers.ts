// A non-transactional revision runs in autocommit and its version row is written after
// it, so a run killed in between leaves its effects without its row, and the next run
// would apply it again. Before such a revision runs, a "started" row is committed here;
// the step's own bookkeeping transaction deletes it with the version row. A row found
// at the start of a run means a revision that may have run: the run stops and names it.
// The version table stays exactly Alembic's; this table sits beside the history table.
import { quoteString } from "../dialect/postgres/literal.js";
import { qualifiedName } from "../dialect/postgres/quote.js";
import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { QueryResult } from "./connection.js";
import type { HistoryTableSettings } from "./history-table.js";
import { startedMarkersTableOf } from "../config/defaults.js";

export interface StartedMarker {
  readonly revision: string;
  readonly direction: string;
  readonly startedAt: string;
  readonly startedBy: string;
}

export class StartedMarkers {
  readonly qualified: string;

  /** `<history table>_started`, in the history table's schema. */
  constructor(history: HistoryTableSettings) {
    this.qualified = qualifiedName(startedMarkersTableOf(history.name), history.schema);
  }

  createStatement(): string {
    return `CREATE TABLE IF NOT EXISTS ${this.qualified} (revision VARCHAR(32) NOT NULL, direction VARCHAR(9) NOT NULL, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), started_by TEXT NOT NULL)`;
  }

  insertStatement(revision: string, direction: string, startedBy: string): string {
    return `INSERT INTO ${this.qualified} (revision, direction, started_by) VALUES (${quoteString(revision)}, ${quoteString(direction)}, ${quoteString(startedBy)})`;
  }

  deleteStatement(revision: string): string {
    return `DELETE FROM ${this.qualified} WHERE revision = ${quoteString(revision)}`;
  }

  clearStatement(): string {
    return `DELETE FROM ${this.qualified}`;
  }

  async read(query: (sql: string, params?: readonly unknown[]) => Promise<QueryResult>): Promise<StartedMarker[]> {
    const { rows } = await query("SELECT to_regclass($1) IS NOT NULL AS present", [this.qualified]);
    if (rows[0]?.present !== true) return [];
    const found = await query(`SELECT revision, direction, started_at::text AS started_at, started_by FROM ${this.qualified} ORDER BY started_at`);
    return found.rows.map((row) => ({
      revision: String(row.revision),
      direction: String(row.direction),
      startedAt: String(row.started_at),
      startedBy: String(row.started_by),
    }));
  }
}

/** The run stops before planning: what ran of `marker`'s revision is unknown. */
export function interruptedRevision(marker: StartedMarker, file: string | undefined, current: readonly string[]): AthanorError {
  const where = file === undefined ? "" : ` (${file})`;
  const here = current.length === 0 ? "base" : current.join(" ");
  return errors.interruptedRevision(
    `revision ${marker.revision}${where} runs outside a transaction and an earlier ${marker.direction} of it (started ${marker.startedAt} by ${marker.startedBy}) did not finish: its statements may have run, in part or in full, but its version row was never written`,
    {
      hint: `check its effects in the database. If they are all there, run \`athanor stamp ${marker.revision}\` to mark it done; to run it again instead, undo what it did, then \`athanor stamp ${here}\` (where the version table is now) and run the command again. A stamp clears the unfinished mark`,
      details: { ...marker, file },
    },
  );
}
