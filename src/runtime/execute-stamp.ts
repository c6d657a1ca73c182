// `stamp`: rewrites the version table's rows without running any revision code, in one
// transaction, printed (offline) as Alembic's `-- Running stamp_revision a -> b` blocks.
import type { VersionChange } from "../graph/step.js";
import { applyChange, versionMismatch } from "./execute-plan.js";
import { migrationFailed } from "./migration-error.js";
import type { StatementRunner } from "./statement-runner.js";
import type { VersionTable } from "./version-table.js";

export interface StampOptions {
  readonly runner: StatementRunner;
  readonly versionTable: VersionTable;
  readonly createTable: boolean;
  readonly start: readonly string[];
  readonly onProgress?: ((line: string) => void) | undefined;
}

/** Applies `changes`; returns the rows afterwards. */
export async function executeStamp(changes: readonly VersionChange[], options: StampOptions): Promise<string[]> {
  const { runner, versionTable } = options;
  let heads = [...options.start];
  if (changes.length === 0) return heads;
  try {
    await runner.begin();
    if (options.createTable) await runner.run(versionTable.createStatement());
    for (const change of changes) {
      const line = `Running stamp_revision ${describe(change)}`;
      await runner.comment(line);
      options.onProgress?.(line);
      const result = await runner.run(versionTable.statementFor(change));
      if (!runner.offline && result.rowCount !== null && result.rowCount !== 1) {
        throw versionMismatch(change, result.rowCount, versionTable.qualified);
      }
      heads = applyChange(heads, change);
    }
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
    });
  }
  return heads;
}

function describe(change: VersionChange): string {
  switch (change.kind) {
    case "insert":
      return ` -> ${change.revision}`;
    case "update":
      return `${change.from} -> ${change.to}`;
    case "delete":
      return `${change.revision} -> `;
  }
}
