// How a column gets its values: plain, `serial` (its own sequence as the default) or an
// identity. Every transition between them is done in place, keeping the rows and the
// next value: `by default` ↔ `always` is SET GENERATED (the sequence stays); a serial
// column drops its default and sequence before it becomes an identity; a column that
// becomes serial or an identity has its new sequence moved past the values it holds,
// so the next insert does not collide with an existing row.
import type { ColumnSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { quoteString } from "../dialect/postgres/literal.js";
import { qualifiedName, quoteIdentifier } from "../dialect/postgres/quote.js";
import type { AlterColumnOperation } from "../ops/operation.js";
import { naming } from "../schema/naming.js";
import { type Change, Phase, type Step, op } from "./change.js";
import { isSerialType, normalizeType } from "./normalize-type.js";
import { serialSpelling, tableName } from "./operation-specs.js";

type Source = { readonly kind: "plain" } | { readonly kind: "serial" } | { readonly kind: "identity"; readonly generated: "always" | "by default" };

function modelSource(column: ColumnSnapshot): Source {
  if (column.identity) return { kind: "identity", generated: column.identity };
  return isSerialType(column.type) ? { kind: "serial" } : { kind: "plain" };
}

function databaseSource(column: ColumnSnapshot, table: TableSnapshot): Source {
  if (column.identity) return { kind: "identity", generated: column.identity };
  return serialSpelling(column, table) !== null ? { kind: "serial" } : { kind: "plain" };
}

/** True when either side is serial: its nextval default belongs to this comparison, not the default one. */
export function serialInvolved(model: ColumnSnapshot, db: ColumnSnapshot, table: TableSnapshot): boolean {
  return modelSource(model).kind === "serial" || databaseSource(db, table).kind === "serial";
}

/**
 * True when the column changes how it gets its values (plain, serial, identity): the
 * plain side's default is then set or dropped by this comparison, in the order
 * PostgreSQL needs (no identity on a column with a default), not by the default one.
 */
export function sourceChanges(model: ColumnSnapshot, db: ColumnSnapshot, table: TableSnapshot): boolean {
  return modelSource(model).kind !== databaseSource(db, table).kind;
}

const sequenceType: Record<string, string> = { integer: "integer", bigint: "bigint", smallint: "smallint" };

interface Where {
  readonly table: TableSnapshot;
  readonly column: string;
  readonly defaultSchema: string;
  /** The column's integer type, for the sequence a serial creates. */
  readonly type: string;
}

function alter(w: Where, fields: Partial<AlterColumnOperation>): Step {
  return op({ kind: "alterColumn", ...tableName(w.table, w.defaultSchema), column: w.column, ...fields } as AlterColumnOperation);
}

function sequenceName(w: Where) {
  const name = naming.sequence(w.table.name, w.column);
  return w.table.schema === w.defaultSchema ? { name } : { name, schema: w.table.schema };
}

/**
 * Moves the column's sequence (serial or identity) past the largest value the table
 * holds; on an empty table it is left at its start.
 */
function resumeSequence(w: Where): Step {
  const where = tableName(w.table, w.defaultSchema);
  const table = qualifiedName(where.table, where.schema);
  const column = quoteIdentifier(w.column);
  const sql = `SELECT setval(pg_get_serial_sequence(${quoteString(table)}, ${quoteString(w.column)}), max(${column})) FROM ${table} HAVING max(${column}) IS NOT NULL`;
  return op({ kind: "execute", sql });
}

/** Leaves `from`: the column keeps its values and has no default or identity left. */
function leave(from: Source, w: Where, plainDefault: string | null): Step[] {
  if (from.kind === "identity") return [alter(w, { identity: null })];
  if (from.kind === "serial") {
    // The default uses the sequence: it goes first, then the sequence the column owned.
    return [alter(w, { default: null }), op({ kind: "dropSequence", ...sequenceName(w) })];
  }
  return plainDefault === null ? [] : [alter(w, { default: null })];
}

/** Enters `to` from a column that has neither a default nor an identity. */
function enter(to: Source, w: Where, plainDefault: string | null): Step[] {
  if (to.kind === "identity") return [alter(w, { identity: { generated: to.generated } }), resumeSequence(w)];
  if (to.kind === "serial") {
    const seq = sequenceName(w);
    const regclass = `nextval(${quoteString(qualifiedName(seq.name, seq.schema))}::regclass)`;
    return [
      op({ kind: "createSequence", ...seq, as: sequenceType[w.type] ?? "integer", ownedBy: { table: w.table.name, column: w.column } }),
      alter(w, { default: regclass }),
      resumeSequence(w),
    ];
  }
  return plainDefault === null ? [] : [alter(w, { default: plainDefault })];
}

/** The steps from `from` to `to`; the defaults are the plain side's own (null on the others). */
function transition(from: Source, to: Source, w: Where, defaults: { from: string | null; to: string | null }): Step[] {
  if (from.kind === to.kind) {
    if (from.kind !== "identity" || to.kind !== "identity" || from.generated === to.generated) return [];
    return [alter(w, { setGenerated: to.generated })];
  }
  // A plain column's default goes before it becomes an identity (PostgreSQL refuses one on a
  // column with a default; serial's SET DEFAULT replaces it); a column that becomes plain gets its own after.
  return [...leave(from, w, from.kind === "plain" && to.kind === "identity" ? defaults.from : null), ...enter(to, w, to.kind === "plain" ? defaults.to : null)];
}

/** The change of how `model`'s values are generated, or null when it is the same on both sides. */
export function identityChange(model: ColumnSnapshot, db: ColumnSnapshot, table: TableSnapshot, defaultSchema: string): Change | null {
  const wanted = modelSource(model);
  const existing = databaseSource(db, table);
  const type = normalizeType(isSerialType(model.type) ? model.type : db.type);
  const w: Where = { table, column: model.name, defaultSchema, type };
  const plainDefault = (source: Source, column: ColumnSnapshot) => (source.kind === "plain" ? column.default : null);
  const defaults = { db: plainDefault(existing, db), model: plainDefault(wanted, model) };
  const up = transition(existing, wanted, w, { from: defaults.db, to: defaults.model });
  if (up.length === 0) return null;
  return { phase: Phase.alterColumn, up, down: transition(wanted, existing, w, { from: defaults.model, to: defaults.db }) };
}
