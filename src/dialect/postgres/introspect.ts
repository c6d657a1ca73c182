// Introspection: reads the compared schemas of a live database into a SchemaSnapshot
// with six catalog queries in total, whatever the number of tables. Works on any
// `query` function (node-postgres, PGlite). The caller names the tables to leave out
// (the version table and athanor's history, in the schema that holds them).
import type { ReferentialAction } from "../../ops/column.js";
import { columnsQuery, constraintsQuery, enumsQuery, indexesQuery, schemasQuery, sequencesQuery, tablesQuery } from "./introspect-queries.js";
import { indexKeys } from "./index-definition.js";
import { unquoteIdentifier } from "./quote.js";
import type {
  CheckSnapshot,
  ColumnSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  QueryFunction,
  SchemaSnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from "./introspect-types.js";

export interface IntrospectOptions {
  /** The schemas to read; default `["public"]`. */
  readonly schemas?: readonly string[];
  /** Tables to leave out, by name (in any compared schema) or `schema.name`. */
  readonly excludeTables?: readonly string[];
}

const actions: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

interface TableParts {
  table: Omit<TableSnapshot, "columns" | "primaryKey" | "uniques" | "foreignKeys" | "checks" | "indexes">;
  columns: ColumnSnapshot[];
  primaryKey: PrimaryKeySnapshot | null;
  uniques: UniqueSnapshot[];
  foreignKeys: ForeignKeySnapshot[];
  checks: CheckSnapshot[];
  indexes: IndexSnapshot[];
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** An index row of `indexesQuery` (or of any query selecting `indexColumns`). */
export function indexSnapshot(row: Record<string, unknown>): IndexSnapshot {
  const method = str(row.method);
  return {
    name: str(row.name),
    unique: row.unique === true,
    method,
    elements: indexKeys(str(row.definition), method, strings(row.elements), strings(row.key_options).map(Number)),
    include: strings(row.include).map(unquoteIdentifier),
    where: strOrNull(row.predicate),
  };
}

/** `CHECK ((a > 0)) NOT VALID` → `(a > 0)`: the expression inside CHECK ( … ). */
export function checkExpression(definition: string): string {
  const match = /^CHECK \((.*)\)( NOT VALID)?( NO INHERIT)?$/s.exec(definition);
  return match?.[1] ?? definition;
}

/**
 * Reads tables, columns, constraints, indexes, enums and comments of `schemas`.
 *
 * ### Examples
 *     const snapshot = await introspect((sql, params) => client.query(sql, params).then((r) => r.rows),
 *       { schemas: ["public"], excludeTables: ["public.alembic_version"] });
 */
export async function introspect(query: QueryFunction, options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
  const schemas = [...(options.schemas ?? ["public"])];
  const excluded = new Set(options.excludeTables ?? []);
  const params = [schemas];
  // One after the other: a single client (pg, PGlite) runs one query at a time anyway,
  // and node-postgres deprecates queueing them concurrently.
  const [schemaRows, tableRows, columnRows, constraintRows, indexRows, enumRows] = [
    await query(schemasQuery, params),
    await query(tablesQuery, params),
    await query(columnsQuery, params),
    await query(constraintsQuery, params),
    await query(indexesQuery, params),
    await query(enumsQuery, params),
  ];
  const sequenceRows = await query(sequencesQuery, params);

  const byOid = new Map<string, TableParts>();
  for (const row of tableRows) {
    const schema = str(row.schema);
    const name = str(row.name);
    if (excluded.has(name) || excluded.has(`${schema}.${name}`)) continue;
    byOid.set(str(row.oid), {
      table: { schema, name, comment: strOrNull(row.comment) },
      columns: [],
      primaryKey: null,
      uniques: [],
      foreignKeys: [],
      checks: [],
      indexes: [],
    });
  }
  for (const row of columnRows) {
    const parts = byOid.get(str(row.table_oid));
    if (!parts) continue;
    const generated = row.generated === "s";
    parts.columns.push({
      name: str(row.name),
      type: str(row.type),
      nullable: row.nullable === true,
      default: generated ? null : strOrNull(row.default),
      identity: row.identity === "a" ? "always" : row.identity === "d" ? "by default" : null,
      generated: generated ? strOrNull(row.default) : null,
      comment: strOrNull(row.comment),
      ownedSequence:
        row.sequence_name == null
          ? null
          : { schema: str(row.sequence_schema), name: str(row.sequence_name), as: str(row.sequence_as), maxValue: str(row.sequence_max) },
    });
  }
  for (const row of constraintRows) {
    const parts = byOid.get(str(row.table_oid));
    if (!parts) continue;
    const name = str(row.name);
    const columns = strings(row.columns);
    switch (row.type) {
      case "p":
        parts.primaryKey = { name, columns };
        break;
      case "u":
        parts.uniques.push({ name, columns });
        break;
      case "c":
        parts.checks.push({ name, expression: checkExpression(str(row.definition)) });
        break;
      case "f":
        parts.foreignKeys.push({
          name,
          columns,
          referencedSchema: str(row.referenced_schema),
          referencedTable: str(row.referenced_table),
          referencedColumns: strings(row.referenced_columns),
          onDelete: actions[str(row.on_delete)] ?? "NO ACTION",
          onUpdate: actions[str(row.on_update)] ?? "NO ACTION",
          deferrable: row.deferrable === true,
          initiallyDeferred: row.initially_deferred === true,
        });
        break;
    }
  }
  for (const row of indexRows) {
    const parts = byOid.get(str(row.table_oid));
    if (!parts) continue;
    parts.indexes.push(indexSnapshot(row));
  }

  return {
    schemas: schemaRows.map((r) => str(r.name)),
    enums: enumRows.map((r) => ({ schema: str(r.schema), name: str(r.name), values: strings(r.values) })),
    tables: [...byOid.values()].map(({ table, ...rest }) => ({ ...table, ...rest })),
    sequences: sequenceRows.map((r) => ({
      schema: str(r.schema),
      name: str(r.name),
      as: str(r.as),
      start: str(r.start),
      increment: str(r.increment),
      minValue: str(r.min_value),
      maxValue: str(r.max_value),
      cache: str(r.cache),
      cycle: r.cycle === true,
    })),
  };
}
