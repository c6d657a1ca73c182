// PostgreSQL refuses to use an enum value added by ALTER TYPE … ADD VALUE before the
// transaction that added it commits ("unsafe use of new value"). When a later step of
// the same revision uses a new value (a default, a check, an index predicate…), the
// ADD VALUEs go into `op.autocommitBlock`, as Alembic users write them by hand: committed
// before the rest, with IF NOT EXISTS so a rerun after a later failure goes through.
// A revision that only adds values keeps them in its transaction.
import { quoteString } from "../dialect/postgres/literal.js";
import type { AddEnumValueOperation } from "../ops/operation.js";
import { type Step, note } from "./change.js";

const isAddValue = (s: Step): s is { op: AddEnumValueOperation } => "op" in s && s.op.kind === "addEnumValue";

/**
 * True when a step among `later` mentions the value as an SQL literal. Text, not meaning:
 * a literal of another type that happens to match only costs an autocommit block.
 */
function usedLater(value: string, later: readonly Step[]): boolean {
  const literal = quoteString(value);
  return later.some((s) => ("op" in s ? JSON.stringify(s.op).includes(literal) : "autocommit" in s && usedLater(value, s.autocommit)));
}

/** `steps` with each run of ADD VALUEs whose values a later step uses moved into an autocommit block. */
export function commitUsedEnumValues(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  let i = 0;
  while (i < steps.length) {
    if (!isAddValue(steps[i]!)) {
      out.push(steps[i]!);
      i += 1;
      continue;
    }
    let end = i;
    while (end < steps.length && isAddValue(steps[end]!)) end += 1;
    const run = steps.slice(i, end) as { op: AddEnumValueOperation }[];
    const later = steps.slice(end);
    const used = run.filter((s) => usedLater(s.op.value, later)).map((s) => s.op);
    if (used.length === 0) {
      out.push(...run);
    } else {
      const named = used.map((o) => `'${o.value}' of ${o.schema ? `${o.schema}.` : ""}${o.name}`).join(", ");
      out.push(
        note(
          `PostgreSQL cannot use a new enum value (${named}) in the transaction that adds it:\n` +
            "the values are added and committed first (IF NOT EXISTS, so a rerun after a later failure goes through).",
        ),
        { autocommit: run.map((s) => ({ op: { ...s.op, ifNotExists: true } })) },
      );
    }
    i = end;
  }
  return out;
}
