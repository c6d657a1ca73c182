// The difference between two catalog snapshots, in sentences a person reads: what
// `athanor test` prints when a downgrade does not give back the schema it started from
// ("table users: column nickname still there after downgrade"). Objects are matched by
// name; column order is not compared (a column a downgrade adds back comes last).
import type { SchemaSnapshot, TableSnapshot } from "./introspect-types.js";

type Named = { readonly name: string };
/** One line: `what` is `how` (missing, still there, differs) `when`, then what changed. */
type Say = (what: string, how: "missing" | "still there" | "differs", detail?: string) => void;

/**
 * Lines saying how `actual` differs from `expected`, each ending in `when`
 * (e.g. "after downgrade"); [] when they are the same.
 *
 * ### Examples
 * ```ts
 * snapshotDifferences(before, restored, "after downgrade");
 * // ["table users: column nickname still there after downgrade"]
 * ```
 */
export function snapshotDifferences(expected: SchemaSnapshot, actual: SchemaSnapshot, when: string): string[] {
  const lines: string[] = [];
  const say: Say = (what, how, detail) => lines.push(`${what} ${how} ${when}${detail === undefined ? "" : `: ${detail}`}`);
  for (const name of missing(expected.schemas, actual.schemas)) say(`schema ${name}`, "missing");
  for (const name of missing(actual.schemas, expected.schemas)) say(`schema ${name}`, "still there");
  compareNamed(
    expected.enums.map((e) => ({ ...e, name: qualified(e.schema, e.name) })),
    actual.enums.map((e) => ({ ...e, name: qualified(e.schema, e.name) })),
    "enum",
    say,
  );
  compareNamed(
    (expected.sequences ?? []).map((s) => ({ ...s, name: qualified(s.schema, s.name) })),
    (actual.sequences ?? []).map((s) => ({ ...s, name: qualified(s.schema, s.name) })),
    "sequence",
    say,
  );
  const tables = (s: SchemaSnapshot) => new Map(s.tables.map((t) => [qualified(t.schema, t.name), t]));
  const before = tables(expected);
  const after = tables(actual);
  for (const [name, table] of before) {
    const other = after.get(name);
    if (other === undefined) say(`table ${name}`, "missing");
    else compareTable(name, table, other, say);
  }
  for (const name of after.keys()) if (!before.has(name)) say(`table ${name}`, "still there");
  return lines;
}

function compareTable(name: string, expected: TableSnapshot, actual: TableSnapshot, say: Say): void {
  const where = `table ${name}:`;
  if (expected.comment !== actual.comment) say(`${where} comment`, "differs", `${shown(expected.comment)} → ${shown(actual.comment)}`);
  compareNamed(expected.columns, actual.columns, `${where} column`, say);
  const keyName = (key: TableSnapshot["primaryKey"]) => (key === null ? [] : [key]);
  compareNamed(keyName(expected.primaryKey), keyName(actual.primaryKey), `${where} primary key`, say);
  compareNamed(expected.uniques, actual.uniques, `${where} unique constraint`, say);
  compareNamed(expected.foreignKeys, actual.foreignKeys, `${where} foreign key`, say);
  compareNamed(expected.checks, actual.checks, `${where} check constraint`, say);
  compareNamed(expected.indexes, actual.indexes, `${where} index`, say);
}

/** Missing, left over, or changed (naming each field that changed: before → after). */
function compareNamed<T extends Named>(expected: readonly T[], actual: readonly T[], kind: string, say: Say): void {
  const others = new Map(actual.map((item) => [item.name, item]));
  const known = new Set(expected.map((item) => item.name));
  for (const item of expected) {
    const other = others.get(item.name);
    if (other === undefined) {
      say(`${kind} ${item.name}`, "missing");
      continue;
    }
    const changed = fieldChanges(item, other);
    if (changed.length > 0) say(`${kind} ${item.name}`, "differs", changed.join("; "));
  }
  for (const item of actual) if (!known.has(item.name)) say(`${kind} ${item.name}`, "still there");
}

function fieldChanges(expected: object, actual: object): string[] {
  const a = expected as Record<string, unknown>;
  const b = actual as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => key !== "name" && key !== "schema");
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).map((key) => `${key} ${shown(a[key])} → ${shown(b[key])}`);
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function missing(from: readonly string[], other: readonly string[]): string[] {
  const present = new Set(other);
  return from.filter((name) => !present.has(name));
}

/** `users` for the public schema, `billing.invoices` elsewhere. */
function qualified(schema: string, name: string): string {
  return schema === "public" ? name : `${schema}.${name}`;
}
