// table(): binds column builders to a table, names each column (the key in snake_case
// unless `.named()` says otherwise) and collects the table-level constraints. The table
// object exposes its columns as properties (`users.id`) for references and indexes;
// its own description sits behind the `tableInfo` symbol so no column name can clash.
import type { ColumnBuilder, ColumnState, ColumnTarget } from "./column.js";
import type { CheckDef, ForeignKeyDef, IndexBuilder, PrimaryKeyDef, UniqueDef } from "./constraint.js";
import { recordDeclaration } from "./declared-tables.js";
import { checkTableArguments } from "./model-checks.js";
import type { SnakeCase } from "./snake-case.js";

export const tableInfo: unique symbol = Symbol.for("athanor.table");

/** A column bound to its table. */
export interface ColumnRef<TValue = unknown, TNotNull extends boolean = boolean> extends ColumnTarget {
  /** The property name in the model. */
  readonly key: string;
  readonly state: ColumnState;
  /** Type-level only: the value type and nullability InferRow reads. */
  readonly __row?: { value: TValue; notNull: TNotNull };
}

export interface TableExtras {
  readonly primaryKey?: PrimaryKeyDef;
  readonly uniques?: readonly UniqueDef[];
  readonly indexes?: readonly IndexBuilder[];
  readonly checks?: readonly CheckDef[];
  readonly foreignKeys?: readonly ForeignKeyDef[];
  readonly comment?: string;
}

export interface TableInfo {
  readonly name: string;
  /** The schema, or null for the default schema. */
  readonly schema: string | null;
  readonly columns: readonly ColumnRef[];
  readonly extras: TableExtras;
}

type Columns = Record<string, ColumnBuilder<any, any>>;
type RefsOf<C extends Columns> = {
  readonly [K in keyof C]: C[K] extends ColumnBuilder<infer V, infer N> ? ColumnRef<V, N> : never;
};

export type Table<C extends Columns = Columns> = RefsOf<C> & { readonly [tableInfo]: TableInfo };

/** A column's name in the database: the one given with `.named()`, else the key in snake_case. */
type ColumnNameOf<K, B> = B extends ColumnBuilder<any, any, infer Name> ? (string extends Name ? SnakeCase<K & string> : Name) : never;

/**
 * The row type of a model table as node-postgres returns it for `SELECT *`: keyed by
 * the column names in the database (`created_at`, or the `.named()` name), not by the
 * model's property names.
 */
export type InferRow<T> =
  T extends Table<infer C>
    ? { [K in keyof C as ColumnNameOf<K, C[K]>]: C[K] extends ColumnBuilder<infer V, infer N> ? (N extends true ? V : V | null) : never }
    : never;

export function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && tableInfo in value;
}

export function getTableInfo(table: Table<any>): TableInfo {
  return table[tableInfo];
}

/** `createdAt` → `created_at`; snake_case keys stay as they are. */
export function snakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/**
 * Declares a table.
 *
 * ### Examples
 *     export const users = table("users", {
 *       id: column.bigint().primaryKey().identity(),
 *       email: column.varchar(255).notNull().unique(),
 *       createdAt: column.timestamptz().notNull().default(sql`now()`),
 *     }, (t) => ({ indexes: [index("ix_users_created_at", [t.createdAt])] }));
 */
export function table<C extends Columns>(name: string, columns: C, extras?: (t: RefsOf<C>) => TableExtras, schema: string | null = null): Table<C> {
  checkTableArguments(name, columns);
  const identity = { name, schema };
  const refs: Record<string, ColumnRef> = {};
  for (const [key, builder] of Object.entries(columns)) {
    refs[key] = Object.freeze({ key, name: builder.state.name ?? snakeCase(key), state: builder.state, columnOf: identity });
  }
  const info: TableInfo = {
    name,
    schema,
    columns: Object.values(refs),
    extras: extras ? extras(refs as RefsOf<C>) : {},
  };
  const declared = Object.freeze({ ...refs, [tableInfo]: info });
  recordDeclaration(declared);
  return declared as unknown as Table<C>;
}
