// `stamp`: rewrites the version table's rows without running any revision code, in one
// transaction, printed (offline) as Alembic's `-- Running stamp_revision a -> b` blocks.
import type { StampStep } from "../graph/plan-stamp.js";
import type { RevisionSource } from "../graph/revision-source.js";
import type { HistoryRecording } from "./history-table.js";
import { applyChange, roleAfter, versionMismatch } from "./execute-plan.js";
import { migrationFailed } from "./migration-error.js";
import type { StatementRunner } from "./statement-runner.js";
import type { VersionTable } from "./version-table.js";

export interface StampOptions {
  readonly runner: StatementRunner;
  readonly versionTable: VersionTable;
  readonly createTable: boolean;
  /** Offline, a script that leaves no row drops the table (Alembic: base is "no table"). */
  readonly dropTableAtEnd?: boolean;
  readonly start: readonly string[];
  /** Empty the table first (the steps were planned from an empty table). */
  readonly purge?: boolean;
  readonly onProgress?: ((line: string) => void) | undefined;
  /** A `stamp` history row for each revision a step puts into the table. */
  readonly history?: HistoryRecording | undefined;
  readonly sourceOf?: ((revision: string) => RevisionSource | undefined) | undefined;
}

/** Applies `changes`; returns the rows afterwards. */
export async function executeStamp(steps: readonly StampStep[], options: StampOptions): Promise<string[]> {
  const { runner, versionTable } = options;
  let heads = options.purge ? [] : [...options.start];
  if (steps.length === 0 && !options.purge && !options.dropTableAtEnd) return heads;
  try {
    await runner.begin();
    if (options.createTable) await runner.run(versionTable.createStatement());
    if (options.history?.create) await runner.run(options.history.table.createStatement());
    if (options.purge) await runner.run(versionTable.purgeStatement());
    for (const step of steps) {
      const line = `Running stamp_revision ${step.from.join(", ")} -> ${step.to.join(", ")}`;
      await runner.comment(line);
      options.onProgress?.(line);
      for (const change of step.versionChanges) {
        const result = await runner.run(versionTable.statementFor(change));
        if (!runner.offline && result.rowCount !== null && result.rowCount !== 1) {
          throw versionMismatch(change, result.rowCount, versionTable.qualified);
        }
        heads = applyChange(heads, change);
      }
      await recordStamp(step, options);
    }
    if (options.dropTableAtEnd) await runner.run(versionTable.dropStatement());
    await runner.commit();
  } catch (error) {
    await runner.rollback().catch(() => {});
    throw migrationFailed(error, {
      step: undefined,
      action: "stamp",
      source: undefined,
      statement: runner.lastStatement,
      versionTableHeads: runner.offline ? undefined : options.start,
      autocommit: false,
      role: await roleAfter(error, runner),
    });
  }
  return heads;
}

/** Stamped revisions ran no code: the row says they were marked applied, and from which file. */
async function recordStamp(step: StampStep, options: StampOptions): Promise<void> {
  const { history, runner } = options;
  if (history === undefined) return;
  for (const revision of step.to.filter((id) => !step.from.includes(id))) {
    const source = options.sourceOf?.(revision);
    await runner.run(
      history.table.insertStatement({
        revision,
        direction: "stamp",
        sha256: source === undefined ? null : history.checksumOf(source),
        durationMs: runner.offline ? null : 0,
        appliedBy: history.appliedBy,
        athanorVersion: history.athanorVersion,
        message: source?.message ?? "",
      }),
    );
  }
}
