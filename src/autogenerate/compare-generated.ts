// Generated columns whose expression changed, or that became or stopped being generated.
// PostgreSQL 15 has no ALTER COLUMN … SET EXPRESSION, so the column is rebuilt: dropped
// and added again, with a comment for the reviewer. Indexes and constraints on a rebuilt
// column go with it when it is dropped; compare-constraints re-creates them (the set of
// rebuilt columns tells it which).
import type { ColumnSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { type ExpressionVerdicts, noVerdicts } from "./canonical-expressions.js";
import { type Change, Phase, type Step, note, op } from "./change.js";
import { sameExpression } from "./normalize-expression.js";
import { columnSpec, tableName } from "./operation-specs.js";

function changedGeneration(model: ColumnSnapshot, db: ColumnSnapshot, table: TableSnapshot, verdicts: ExpressionVerdicts): boolean {
  if (model.generated === null && db.generated === null) return false;
  if (model.generated === null || db.generated === null) return true;
  return !(verdicts.of("generated", table, model.name) ?? sameExpression(model.generated, db.generated));
}

function reviewNote(label: string, from: ColumnSnapshot, to: ColumnSnapshot): string {
  const column = `${label}.${to.name}`;
  if (to.generated === null) {
    return [
      `${column} stops being generated: it is dropped and added as a plain column, so its values are lost.`,
      `To keep them instead, replace the two lines below with op.execute('ALTER TABLE … ALTER COLUMN ${to.name} DROP EXPRESSION').`,
    ].join("\n");
  }
  const what = from.generated === null ? "becomes generated" : "has a new generation expression";
  return [
    `${column} ${what}; PostgreSQL cannot change that in place, so the column is dropped and added again.`,
    "Review: its values are computed anew, it moves to the end of the table, indexes and constraints on it are",
    "created again below, and a view that uses it must be dropped before and re-created after.",
  ].join("\n");
}

/** The rebuilds of one table's generated columns, and the names of the columns rebuilt. */
export function compareGenerated(
  model: TableSnapshot,
  db: TableSnapshot,
  defaultSchema: string,
  verdicts: ExpressionVerdicts = noVerdicts,
): { changes: Change[]; rebuilt: Set<string> } {
  const changes: Change[] = [];
  const rebuilt = new Set<string>();
  const where = tableName(model, defaultSchema);
  const label = model.schema === defaultSchema ? model.name : `${model.schema}.${model.name}`;
  const dbColumns = new Map(db.columns.map((c) => [c.name, c]));
  for (const column of model.columns) {
    const existing = dbColumns.get(column.name);
    if (!existing || !changedGeneration(column, existing, model, verdicts)) continue;
    rebuilt.add(column.name);
    const rebuild = (from: ColumnSnapshot, to: ColumnSnapshot, table: TableSnapshot): Step[] => [
      op({ kind: "dropColumn", ...where, column: from.name }),
      op({ kind: "addColumn", ...where, column: columnSpec(to, table) }),
    ];
    changes.push({
      phase: Phase.dropColumn,
      up: [note(reviewNote(label, existing, column)), ...rebuild(existing, column, model)],
      down: rebuild(column, existing, db),
    });
  }
  return { changes, rebuilt };
}

/** True when `text` names `column` (bare or quoted), not as part of a longer name. */
export function mentionsColumn(text: string | null, column: string): boolean {
  if (text === null) return false;
  const quoted = `"${column.replaceAll('"', '""')}"`;
  if (text.includes(quoted)) return true;
  const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w$"])${escaped}($|[^\\w$"])`).test(text);
}
