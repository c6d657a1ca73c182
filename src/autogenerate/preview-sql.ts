// What `generate --sql` prints: the statements the revision generate would write runs,
// the way `upgrade --sql` would print them, so a DBA can review a change before anyone
// writes the file. One transaction, committed around each autocommit block (an enum
// value a later statement uses cannot be added inside it), notes as comments.
import { renderOperation } from "../dialect/postgres/render.js";
import type { Step } from "./change.js";

/** The steps as SQL lines, from `BEGIN;` to `COMMIT;`. */
export function previewSql(steps: readonly Step[]): string[] {
  const lines = ["BEGIN;"];
  const add = (inner: readonly Step[]) => {
    for (const step of inner) {
      if ("op" in step) for (const statement of renderOperation(step.op)) lines.push(`${statement.sql};`);
      else if ("note" in step) lines.push(...step.note.split("\n").map((line) => `-- ${line}`));
      else {
        lines.push("COMMIT;");
        add(step.autocommit);
        lines.push("BEGIN;");
      }
    }
  };
  add(steps);
  lines.push("COMMIT;");
  return withoutEmptyTransactions(lines);
}

/** Drops a BEGIN; … COMMIT; pair with only comments between (a block first or last), keeping the comments. */
function withoutEmptyTransactions(lines: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "BEGIN;") {
      let end = i + 1;
      while (end < lines.length && lines[end]!.startsWith("--")) end++;
      if (lines[end] === "COMMIT;") {
        kept.push(...lines.slice(i + 1, end));
        i = end;
        continue;
      }
    }
    kept.push(lines[i]!);
  }
  return kept;
}
