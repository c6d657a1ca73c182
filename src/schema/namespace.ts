// schema("billing"): tables and enums that live in a named Postgres schema instead of
// the default one. `schema("billing").table("invoices", {...})`.
import { type PgEnum, pgEnum } from "./enum.js";
import { type Table, type TableExtras, table } from "./table.js";
import type { ColumnBuilder } from "./column.js";

export interface SchemaNamespace {
  readonly name: string;
  table<C extends Record<string, ColumnBuilder<any, any>>>(name: string, columns: C, extras?: Parameters<typeof table<C>>[2]): Table<C>;
  enum<const V extends string>(name: string, values: readonly V[]): PgEnum<V>;
}

export function schema(name: string): SchemaNamespace {
  return {
    name,
    table: (tableName, columns, extras?: (t: any) => TableExtras) => table(tableName, columns, extras, name),
    enum: (enumName, values) => pgEnum(enumName, values, name),
  };
}
