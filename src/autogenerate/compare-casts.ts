// Type changes PostgreSQL cannot make on its own: ALTER COLUMN … TYPE converts with an
// assignment cast, and text → integer, text → enum, enum → another enum, varchar → uuid
// have none. Those get `using: "col::type"` (through text where not even an explicit
// cast exists) and a review comment: the conversion fails on a row that does not convert.
import { type CastKind, type TypePair, castKey } from "../dialect/postgres/assignment-casts.js";
import type { ColumnSnapshot, SchemaSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { quoteIdentifier } from "../dialect/postgres/quote.js";
import { isSerialType, normalizeType } from "./normalize-type.js";
import { columnSpec } from "./operation-specs.js";

/** Answers how a column of `from` becomes `to`; without one, every change is taken as an assignment. */
export type CastLookup = (pair: TypePair) => CastKind;

export const assignmentOnly: CastLookup = () => "assignment";

export function castLookup(casts: ReadonlyMap<string, CastKind>): CastLookup {
  return (pair) => casts.get(castKey(pair)) ?? "unknown";
}

function typeKey(type: string, defaultSchema: string): string {
  const t = normalizeType(type);
  return t.startsWith(`${defaultSchema}.`) ? t.slice(defaultSchema.length + 1) : t;
}

/** ALTER COLUMN … TYPE takes the integer type; a serial's sequence is compare-identity's. */
const plain = (type: string) => (isSerialType(type) ? normalizeType(type) : type);

/** The types an upgrade and a downgrade convert between, or null when the type is the same. */
export function typeChange(model: ColumnSnapshot, db: ColumnSnapshot, table: TableSnapshot, defaultSchema: string): { up: TypePair; down: TypePair } | null {
  if (typeKey(model.type, defaultSchema) === typeKey(db.type, defaultSchema)) return null;
  const modelType = plain(columnSpec(model, table).type);
  const dbType = plain(columnSpec(db, table).type);
  // A serial model column is its integer type to pg_cast.
  return { up: { from: db.type, to: modelType }, down: { from: plain(model.type), to: dbType } };
}

/** Every type conversion the comparison may write, both ways, for one catalog query. */
export function typePairs(model: SchemaSnapshot, db: SchemaSnapshot, defaultSchema: string): TypePair[] {
  const dbTables = new Map(db.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const pairs: TypePair[] = [];
  for (const table of model.tables) {
    const existing = dbTables.get(`${table.schema}.${table.name}`);
    if (!existing) continue;
    const columns = new Map(existing.columns.map((c) => [c.name, c]));
    for (const column of table.columns) {
      const other = columns.get(column.name);
      const change = other && typeChange(column, other, table, defaultSchema);
      if (change) pairs.push(change.up, change.down);
    }
  }
  return pairs;
}

/** USING for a conversion without an assignment cast, or undefined when none is needed. */
export function usingClause(kind: CastKind, column: string, to: string): string | undefined {
  if (kind === "assignment") return undefined;
  const name = quoteIdentifier(column);
  return kind === "explicit" ? `${name}::${to}` : `${name}::text::${to}`;
}

export function reviewNote(label: string, pair: TypePair, using: string): string {
  return `review: ${label} changes from ${pair.from} to ${pair.to}, which PostgreSQL does not convert on its own; USING ${using} fails on a row that does not convert: fix such rows first or write the conversion here.`;
}
