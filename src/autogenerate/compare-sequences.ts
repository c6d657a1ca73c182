// Standalone sequences: created before the tables whose defaults use them, dropped
// after those, and altered in place (ALTER SEQUENCE keeps the current value). The
// models' options are resolved with PostgreSQL's defaults, so leaving one out compares
// equal to the catalog's value.
import type { SequenceSnapshot } from "../dialect/postgres/introspect-types.js";
import type { AlterSequenceOperation, CreateSequenceOperation } from "../ops/operation.js";
import type { PgSequence } from "../schema/sequence.js";
import { type Change, Phase, op } from "./change.js";

/** The lowest and highest value of each sequence type. */
export const sequenceBounds: Readonly<Record<string, readonly [string, string]>> = {
  smallint: ["-32768", "32767"],
  integer: ["-2147483648", "2147483647"],
  bigint: ["-9223372036854775808", "9223372036854775807"],
};

/** A model sequence with every option PostgreSQL would fill in. */
export function sequenceSnapshot(s: PgSequence, defaultSchema: string): SequenceSnapshot {
  const o = s.options;
  const as = o.as ?? "bigint";
  const [low, high] = sequenceBounds[as] ?? sequenceBounds.bigint!;
  const increment = o.increment ?? 1;
  const minValue = o.minValue !== undefined ? String(o.minValue) : increment > 0 ? "1" : low;
  const maxValue = o.maxValue !== undefined ? String(o.maxValue) : increment > 0 ? high : "-1";
  return {
    schema: s.schema ?? defaultSchema,
    name: s.name,
    as,
    start: o.start !== undefined ? String(o.start) : increment > 0 ? minValue : maxValue,
    increment: String(increment),
    minValue,
    maxValue,
    cache: String(o.cache ?? 1),
    cycle: o.cycle ?? false,
  };
}

const key = (s: SequenceSnapshot) => `${s.schema}.${s.name}`;
/** A bound as a number when it fits one exactly, else a bigint. */
export const num = (text: string) => (Number.isSafeInteger(Number(text)) ? Number(text) : BigInt(text));
const fields = ["as", "start", "increment", "minValue", "maxValue", "cache", "cycle"] as const;

/** The options of `to` that differ from `from` (all that differ from the defaults when creating). */
function options(to: SequenceSnapshot, from: SequenceSnapshot) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (to[f] === from[f]) continue;
    out[f] = f === "as" || f === "cycle" ? to[f] : num(to[f] as string);
  }
  return out;
}

function where(s: SequenceSnapshot, defaultSchema: string) {
  return s.schema === defaultSchema ? { name: s.name } : { name: s.name, schema: s.schema };
}

function createOp(s: SequenceSnapshot, defaultSchema: string): CreateSequenceOperation {
  const plain = sequenceSnapshot({ name: s.name, schema: s.schema, options: { as: s.as as "bigint" } } as PgSequence, defaultSchema);
  const given = options(s, plain);
  // CREATE SEQUENCE without AS is bigint; say the type only when it is another.
  if (s.as !== "bigint") given.as = s.as;
  return { kind: "createSequence", ...where(s, defaultSchema), ...given } as CreateSequenceOperation;
}

export function compareSequences(model: readonly SequenceSnapshot[], db: readonly SequenceSnapshot[], defaultSchema: string): Change[] {
  const dbByKey = new Map(db.map((s) => [key(s), s]));
  const modelKeys = new Set(model.map(key));
  const changes: Change[] = [];
  for (const s of model) {
    const existing = dbByKey.get(key(s));
    const drop = op({ kind: "dropSequence", ...where(s, defaultSchema) });
    if (!existing) {
      changes.push({ phase: Phase.enumValues, up: [op(createOp(s, defaultSchema))], down: [drop] });
      continue;
    }
    const up = options(s, existing);
    if (Object.keys(up).length === 0) continue;
    const alter = (o: object) => op({ kind: "alterSequence", ...where(s, defaultSchema), ...o } as AlterSequenceOperation);
    changes.push({ phase: Phase.enumValues, up: [alter(up)], down: [alter(options(existing, s))] });
  }
  for (const s of db) {
    if (modelKeys.has(key(s))) continue;
    changes.push({ phase: Phase.dropEnum, up: [op({ kind: "dropSequence", ...where(s, defaultSchema) })], down: [op(createOp(s, defaultSchema))] });
  }
  return changes;
}
