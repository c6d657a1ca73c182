// The sequence of a serial or identity column follows the column's integer type: serial
// → bigserial changes the column with ALTER COLUMN … TYPE, which leaves a serial's
// sequence an integer one (it would run out at 2147483647), so the sequence gets
// ALTER SEQUENCE … AS bigint too. An identity's sequence changes with its column
// (PostgreSQL does it), so it needs a statement only when it differs already.
// The maximum compares too, but only when it is an integer type's own bound (the one
// AS leaves behind when it was set by hand); a maximum chosen by hand is kept.
import type { ColumnSnapshot, OwnedSequenceSnapshot } from "../dialect/postgres/introspect-types.js";
import type { AlterSequenceOperation } from "../ops/operation.js";
import { type Change, Phase, op } from "./change.js";
import { num, sequenceBounds } from "./compare-sequences.js";
import { isSerialType, normalizeType } from "./normalize-type.js";

const maxOf = (type: string) => sequenceBounds[type]?.[1];
const isTypeBound = (value: string) => Object.values(sequenceBounds).some(([, high]) => high === value);

/** The type the models give the column's sequence, or null when it has none (a plain column). */
function wantedType(model: ColumnSnapshot): string | null {
  if (!isSerialType(model.type) && model.identity === null) return null;
  const type = normalizeType(model.type);
  return maxOf(type) === undefined ? null : type;
}

/** The options that take `from` to `to`: AS when the type differs, MAXVALUE when AS alone would not set it. */
function options(from: { as: string; maxValue: string }, to: { as: string; maxValue: string }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (from.as !== to.as) out.as = to.as;
  // AS moves the maximum only when it was the old type's bound.
  const moved = from.as !== to.as && from.maxValue === maxOf(from.as) ? maxOf(to.as) : from.maxValue;
  if (moved !== to.maxValue) out.maxValue = num(to.maxValue);
  return out;
}

/**
 * ALTER SEQUENCE for the sequence `db` owns when its type (or a bound left by a type)
 * is not the one the models' column needs; null when it is.
 */
export function ownedSequenceChange(model: ColumnSnapshot, db: ColumnSnapshot, typeChanges: boolean, defaultSchema: string): Change | null {
  const sequence: OwnedSequenceSnapshot | null | undefined = db.ownedSequence;
  const type = wantedType(model);
  if (!sequence || type === null) return null;
  // What the sequence is once the column's own change ran: an identity's follows the column.
  const identityFollows = typeChanges && db.identity !== null && model.identity !== null;
  const current = identityFollows ? { as: type, maxValue: maxOf(type)! } : { as: sequence.as, maxValue: sequence.maxValue };
  const maxValue = current.maxValue !== maxOf(type) && isTypeBound(current.maxValue) ? maxOf(type)! : current.maxValue;
  const wanted = { as: type, maxValue };
  const up = options(current, wanted);
  if (Object.keys(up).length === 0) return null;
  const name = { name: sequence.name, ...(sequence.schema === defaultSchema ? {} : { schema: sequence.schema }) };
  const alter = (o: Record<string, unknown>) => op({ kind: "alterSequence", ...name, ...o } as AlterSequenceOperation);
  return { phase: Phase.alterColumn, up: [alter(up)], down: [alter(options(wanted, current))] };
}
