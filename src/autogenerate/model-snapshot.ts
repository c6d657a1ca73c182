// The models resolved into the same SchemaSnapshot shape introspection produces:
// unnamed constraints get Postgres's default names, a model without a schema lands
// in the default (first compared) schema, defaults and expressions become SQL text.
import type { ReferentialAction } from "../ops/column.js";
import { quoteIdentifier } from "../dialect/postgres/quote.js";
import type {
  ColumnSnapshot,
  EnumSnapshot,
  ForeignKeySnapshot,
  IndexKeySnapshot,
  IndexSnapshot,
  SchemaSnapshot,
  TableSnapshot,
} from "../dialect/postgres/introspect-types.js";
import type { ColumnState, ServerDefault } from "../schema/column.js";
import type { IndexElementDef } from "../schema/constraint.js";
import { isIndexKey } from "../schema/index-key.js";
import type { ModelSchema } from "../schema/model-schema.js";
import { naming } from "../schema/naming.js";
import { isSqlExpression, sqlLiteral } from "../schema/sql.js";
import { type ColumnRef, type TableInfo, getTableInfo } from "../schema/table.js";
import { errors } from "../error-factories.js";
import { sequenceSnapshot } from "./compare-sequences.js";

function defaultText(value: ServerDefault | undefined): string | null {
  if (value === undefined) return null;
  return isSqlExpression(value) ? value.text : sqlLiteral(value);
}

function action(value: string | undefined): ReferentialAction {
  return (value?.toUpperCase() ?? "NO ACTION") as ReferentialAction;
}

function columnSnapshot(ref: ColumnRef): ColumnSnapshot {
  const s: ColumnState = ref.state;
  return {
    name: ref.name,
    type: s.enum
      ? (s.enum.schema ? `${quoteIdentifier(s.enum.schema)}.${quoteIdentifier(s.enum.name)}` : quoteIdentifier(s.enum.name)) +
        (s.type.match(/(\[\])+$/)?.[0] ?? "")
      : s.type,
    nullable: !s.notNull,
    default: s.generated ? null : defaultText(s.default),
    identity: s.identity ?? null,
    generated: s.generated ? s.generated.text : null,
    comment: s.comment ?? null,
  };
}

/** A key's column, for PostgreSQL's default index name; an expression has none. */
function keyColumnName(element: IndexElementDef): string[] {
  const target = isIndexKey(element) ? element.state.target : element;
  return isSqlExpression(target) ? [] : [target.name];
}

// `sql\`${t.createdAt} DESC\``: the order written into the expression, taken out of it so
// the key renders as `created_at DESC`, not as the invalid `(created_at DESC)`.
const writtenOrder = /\s+(ASC|DESC)?(?:\s+NULLS\s+(FIRST|LAST))?\s*$/i;

function indexKeySnapshot(element: IndexElementDef): IndexKeySnapshot {
  const key = isIndexKey(element) ? element.state : { target: element };
  let expression = isSqlExpression(key.target) ? key.target.text.trim() : quoteIdentifier(key.target.name);
  let order = key.order;
  let nulls = key.nulls;
  const written = isSqlExpression(key.target) ? writtenOrder.exec(expression) : null;
  if (written && (written[1] || written[2])) {
    expression = expression.slice(0, written.index);
    order ??= written[1]?.toUpperCase() as "ASC" | "DESC" | undefined;
    nulls ??= written[2]?.toUpperCase() as "FIRST" | "LAST" | undefined;
  }
  const descending = order === "DESC";
  return {
    expression,
    descending,
    nullsFirst: nulls === undefined ? descending : nulls === "FIRST",
    opclass: key.opclass ?? null,
    collation: key.collation ?? null,
  };
}

function tableSnapshot(info: TableInfo, defaultSchema: string): TableSnapshot {
  const schema = info.schema ?? defaultSchema;
  const table = info.name;
  const extras = info.extras;
  const where = `table ${schema}.${table}`;

  const pkColumns = info.columns.filter((c) => c.state.primaryKey).map((c) => c.name);
  if (pkColumns.length > 0 && extras.primaryKey) {
    throw errors.invalidModels(`${where} declares its primary key twice: on columns (${pkColumns.join(", ")}) and in primaryKey()`, {
      hint: "Use .primaryKey() on a single column, or primaryKey([...]) for a composite key, not both.",
    });
  }
  const primaryKey = extras.primaryKey
    ? { name: extras.primaryKey.name ?? naming.primaryKey(table), columns: extras.primaryKey.columns.map((c) => c.name) }
    : pkColumns.length > 0
      ? { name: naming.primaryKey(table), columns: pkColumns }
      : null;

  const uniques = [
    ...info.columns
      .filter((c) => c.state.unique !== false)
      .map((c) => ({ name: typeof c.state.unique === "string" ? c.state.unique : naming.unique(table, [c.name]), columns: [c.name] })),
    ...(extras.uniques ?? []).map((u) => ({
      name:
        u.name ??
        naming.unique(
          table,
          u.columns.map((c) => c.name),
        ),
      columns: u.columns.map((c) => c.name),
    })),
  ];

  const foreignKeys: ForeignKeySnapshot[] = [];
  for (const c of info.columns) {
    const ref = c.state.references;
    if (!ref) continue;
    const target = ref.target();
    foreignKeys.push({
      name: ref.name ?? naming.foreignKey(table, [c.name]),
      columns: [c.name],
      referencedSchema: target.columnOf.schema ?? defaultSchema,
      referencedTable: target.columnOf.name,
      referencedColumns: [target.name],
      onDelete: action(ref.onDelete),
      onUpdate: action(ref.onUpdate),
      deferrable: ref.deferrable ?? false,
      initiallyDeferred: ref.initiallyDeferred ?? false,
    });
  }
  for (const fk of extras.foreignKeys ?? []) {
    const targets = fk.references();
    const first = targets[0];
    if (!first || targets.length !== fk.columns.length) {
      throw errors.invalidModels(`${where}: foreignKey() over (${fk.columns.map((c) => c.name).join(", ")}) references ${targets.length} columns`, {
        hint: "A foreign key references as many columns, of one table, as it has.",
      });
    }
    foreignKeys.push({
      name:
        fk.name ??
        naming.foreignKey(
          table,
          fk.columns.map((c) => c.name),
        ),
      columns: fk.columns.map((c) => c.name),
      referencedSchema: first.columnOf.schema ?? defaultSchema,
      referencedTable: first.columnOf.name,
      referencedColumns: targets.map((t) => t.name),
      onDelete: action(fk.onDelete),
      onUpdate: action(fk.onUpdate),
      deferrable: fk.deferrable ?? false,
      initiallyDeferred: fk.initiallyDeferred ?? false,
    });
  }

  const checks = (extras.checks ?? []).map((c) => ({
    name: c.name ?? naming.check(table, c.expression.columns),
    expression: c.expression.text,
  }));

  const indexes: IndexSnapshot[] = (extras.indexes ?? []).map((ix) => {
    const s = ix.state;
    const include = s.include.map((c) => c.name);
    return {
      name: s.name ?? naming.index(table, [...s.elements.flatMap(keyColumnName), ...include]),
      unique: s.unique,
      method: s.using,
      elements: s.elements.map(indexKeySnapshot),
      include,
      where: s.where ? s.where.text : null,
    };
  });

  return {
    schema,
    name: table,
    comment: extras.comment ?? null,
    columns: info.columns.map(columnSnapshot),
    primaryKey,
    uniques,
    foreignKeys,
    checks,
    indexes,
  };
}

/** The models as a snapshot; `defaultSchema` holds the tables and enums declared without one. */
export function modelSnapshot(models: ModelSchema, defaultSchema = "public"): SchemaSnapshot {
  const tables = models.tables.map((t) => tableSnapshot(getTableInfo(t), defaultSchema));
  const enums: EnumSnapshot[] = models.enums.map((e) => ({ schema: e.schema ?? defaultSchema, name: e.name, values: [...e.values] }));
  const sequences = (models.sequences ?? []).map((s) => sequenceSnapshot(s, defaultSchema));
  const schemas = [...new Set([defaultSchema, ...tables.map((t) => t.schema), ...enums.map((e) => e.schema), ...sequences.map((s) => s.schema)])];
  return { schemas, enums, tables, sequences };
}
