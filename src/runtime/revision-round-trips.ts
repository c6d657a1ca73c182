// `athanor test`'s stairway: on a scratch database, each revision in upgrade order is
// upgraded, its schema snapshotted, downgraded, compared with the snapshot taken before
// its upgrade, and upgraded again — so a downgrade that leaves a column behind (or drops
// one too many) is caught before a deploy needs it. The first failure stops the walk: the
// database is then not where the next revision expects it.
import { introspect } from "../dialect/postgres/introspect.js";
import type { SchemaSnapshot } from "../dialect/postgres/introspect-types.js";
import { snapshotDifferences } from "../dialect/postgres/snapshot-diff.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import type { Plan, Step, VersionChange } from "../graph/step.js";
import type { Connection } from "./connection.js";
import type { Migrator } from "./migrator.js";

export interface RevisionRoundTrip {
  /** 1-based, of `total`. */
  readonly number: number;
  readonly total: number;
  readonly revision: string;
  readonly message: string;
  readonly ok: boolean;
  /** What differs after the downgrade, or which step failed and why. */
  readonly problems: readonly string[];
}

export interface RoundTripReport {
  readonly results: readonly RevisionRoundTrip[];
  /** The revisions not reached because an earlier one failed. */
  readonly untested: readonly string[];
  /** The version table's rows at the end (the range's end when every revision passed). */
  readonly end: readonly string[];
}

export interface RoundTripOptions {
  readonly migrator: Migrator;
  /** The scratch session the migrator works in, for the snapshots. */
  readonly connection: Connection;
  /** Where the walk starts (its revisions are applied, not tested); undefined: base. */
  readonly from?: string | undefined;
  /** Where it ends; default `heads`. */
  readonly to?: string | undefined;
  /** Tables left out of the snapshots (the version table and athanor's history: their rows change by design). */
  readonly ownTables: readonly string[];
  readonly onResult?: (result: RevisionRoundTrip) => void;
}

export async function roundTripRevisions(options: RoundTripOptions): Promise<RoundTripReport> {
  const { migrator, connection } = options;
  const quiet = { lock: false } as const;
  if (options.from !== undefined && options.from !== "base") await migrator.upgrade(options.from, quiet);
  const start = await migrator.currentHeads();
  const map = migrator.revisionMap();
  const plan = planUpgrade(map, start, options.to ?? "heads");
  const snapshot = () => catalogSnapshot(connection, options.ownTables);
  const results: RevisionRoundTrip[] = [];
  let rows = [...plan.start];
  let before = await snapshot();
  for (const [i, step] of plan.steps.entries()) {
    const up: Plan = { direction: "upgrade", start: rows, steps: [step], end: applyChanges(rows, step.versionChanges) };
    const down: Plan = { direction: "downgrade", start: up.end, steps: [inverse(step)], end: rows };
    const problems: string[] = [];
    const attempt = async (what: string, body: () => Promise<unknown>) => {
      if (problems.length > 0) return;
      await body().catch((error: unknown) => problems.push(`${what} failed: ${(error as Error).message}`));
    };
    let after: SchemaSnapshot | undefined;
    await attempt("upgrade", () => migrator.runPlan(up, quiet));
    await attempt("snapshot", async () => (after = await snapshot()));
    await attempt("downgrade", () => migrator.runPlan(down, quiet));
    await attempt("snapshot", async () => problems.push(...snapshotDifferences(before, await snapshot(), "after downgrade")));
    await attempt("upgrade after the downgrade", () => migrator.runPlan(up, quiet));
    const result = { number: i + 1, total: plan.steps.length, revision: step.revision, message: map.require(step.revision).message, ok: problems.length === 0, problems };
    results.push(result);
    options.onResult?.(result);
    if (!result.ok || after === undefined) return { results, untested: plan.steps.slice(i + 1).map((s) => s.revision), end: rows };
    rows = [...up.end];
    before = after;
  }
  return { results, untested: [], end: rows };
}

/** Every schema but PostgreSQL's own, read the way autogenerate reads one. */
async function catalogSnapshot(connection: Connection, ownTables: readonly string[]): Promise<SchemaSnapshot> {
  const query = async (sql: string, params?: readonly unknown[]) => (await connection.query(sql, params)).rows;
  const schemas = (await query("SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY nspname")).map((row) => String(row.nspname));
  return introspect(query, { schemas, excludeTables: ownTables });
}

/** The version table's rows after a step's changes. */
function applyChanges(rows: readonly string[], changes: readonly VersionChange[]): string[] {
  let next = [...rows];
  for (const change of changes) {
    if (change.kind === "insert") next.push(change.revision);
    else if (change.kind === "delete") next = next.filter((id) => id !== change.revision);
    else next = next.map((id) => (id === change.from ? change.to : id));
  }
  return next;
}

/** The downgrade that undoes exactly this upgrade step, version rows included. */
function inverse(step: Step): Step {
  const undo = (change: VersionChange): VersionChange =>
    change.kind === "insert"
      ? { kind: "delete", revision: change.revision }
      : change.kind === "delete"
        ? { kind: "insert", revision: change.revision }
        : { kind: "update", from: change.to, to: change.from };
  return { direction: "downgrade", revision: step.revision, from: step.to, to: step.from, versionChanges: [...step.versionChanges].reverse().map(undo) };
}
