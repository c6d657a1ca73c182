// `athanor test`'s stairway: on a scratch database, each revision in upgrade order is
// upgraded, downgraded, compared with the schema from before its upgrade, and upgraded
// again — so a downgrade that leaves a column behind (or drops one too many) is caught
// before a deploy needs it. Around each downgrade only a fingerprint of the catalog is
// taken; when the two differ, the schema before is rebuilt on a second scratch database
// and both are introspected, to say what differs. The first failure stops the walk: the
// database is then not where the next revision expects it.
import { catalogFingerprint, catalogLines, lineDifferences } from "../dialect/postgres/catalog-fingerprint.js";
import { introspect } from "../dialect/postgres/introspect.js";
import type { SchemaSnapshot } from "../dialect/postgres/introspect-types.js";
import { snapshotDifferences } from "../dialect/postgres/snapshot-diff.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import { HEADS, type RevSpec } from "../graph/rev-spec.js";
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

/** A second scratch database, empty, with a Migrator working in it. */
export interface Replica {
  readonly migrator: Migrator;
  readonly connection: Connection;
  dispose(): Promise<unknown>;
}

export interface RoundTripOptions {
  readonly migrator: Migrator;
  /** The scratch session the migrator works in, for the snapshots. */
  readonly connection: Connection;
  /** Where the walk starts (its revisions are applied, not tested); undefined: base. */
  readonly from?: RevSpec | undefined;
  /** Where it ends; default `heads`. */
  readonly to?: RevSpec | undefined;
  /** Tables left out of the snapshots (the version table and athanor's history: their rows change by design). */
  readonly ownTables: readonly string[];
  /** Opens another empty scratch database, to rebuild the schema a failed downgrade should have restored. */
  readonly openReplica: () => Promise<Replica>;
  readonly onResult?: (result: RevisionRoundTrip) => void;
}

export async function roundTripRevisions(options: RoundTripOptions): Promise<RoundTripReport> {
  const { migrator, connection } = options;
  const quiet = { lock: false } as const;
  if (options.from !== undefined) await migrator.upgrade(options.from, quiet);
  const start = await migrator.currentHeads();
  const map = migrator.revisionMap();
  const plan = planUpgrade(map, start, options.to ?? HEADS);
  const fingerprint = () => catalogFingerprint(async (sql, params) => (await connection.query(sql, params)).rows, options.ownTables);
  const results: RevisionRoundTrip[] = [];
  let rows = [...plan.start];
  let before = await fingerprint();
  for (const [i, step] of plan.steps.entries()) {
    const up: Plan = { direction: "upgrade", start: rows, steps: [step], end: applyChanges(rows, step.versionChanges) };
    const down: Plan = { direction: "downgrade", start: up.end, steps: [inverse(step)], end: rows };
    const problems: string[] = [];
    const attempt = async (what: string, body: () => Promise<unknown>) => {
      if (problems.length > 0) return;
      await body().catch((error: unknown) => problems.push(`${what} failed: ${(error as Error).message}`));
    };
    let after = "";
    await attempt("upgrade", () => migrator.runPlan(up, quiet));
    await attempt("fingerprint", async () => (after = await fingerprint()));
    await attempt("downgrade", () => migrator.runPlan(down, quiet));
    await attempt("comparison", async () => {
      if ((await fingerprint()) === before) return;
      const restored = await catalogView(connection, options.ownTables);
      const expected = await rebuild(options, plan, plan.steps.slice(0, i), rows);
      const differences = snapshotDifferences(expected.snapshot, restored.snapshot, "after downgrade");
      // What introspect() does not compare (a view left behind) shows in the lines only.
      problems.push(...(differences.length > 0 ? differences : lineDifferences(expected.lines, restored.lines, "after downgrade")));
    });
    await attempt("upgrade after the downgrade", () => migrator.runPlan(up, quiet));
    const result = {
      number: i + 1,
      total: plan.steps.length,
      revision: step.revision,
      message: map.require(step.revision).message,
      ok: problems.length === 0,
      problems,
    };
    results.push(result);
    options.onResult?.(result);
    if (!result.ok) return { results, untested: plan.steps.slice(i + 1).map((s) => s.revision), end: rows };
    rows = [...up.end];
    before = after;
  }
  return { results, untested: [], end: rows };
}

/** The schema before `steps[i]`, built on a replica: the range's start, then every earlier step. */
async function rebuild(options: RoundTripOptions, plan: Plan, steps: readonly Step[], end: readonly string[]): Promise<CatalogView> {
  const replica = await options.openReplica();
  try {
    const quiet = { lock: false } as const;
    if (options.from !== undefined) await replica.migrator.upgrade(options.from, quiet);
    if (steps.length > 0) await replica.migrator.runPlan({ direction: "upgrade", start: plan.start, steps, end }, quiet);
    return await catalogView(replica.connection, options.ownTables);
  } finally {
    await replica.dispose();
  }
}

interface CatalogView {
  readonly snapshot: SchemaSnapshot;
  readonly lines: readonly string[];
}

/** Every schema but PostgreSQL's own, read the way autogenerate reads one, and the fingerprint's lines. */
async function catalogView(connection: Connection, ownTables: readonly string[]): Promise<CatalogView> {
  const query = async (sql: string, params?: readonly unknown[]) => (await connection.query(sql, params)).rows;
  const schemas = (await query("SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY nspname")).map((row) =>
    String(row.nspname),
  );
  return { snapshot: await introspect(query, { schemas, excludeTables: ownTables }), lines: await catalogLines(query, ownTables) };
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
