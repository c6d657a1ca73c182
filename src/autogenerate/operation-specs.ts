// Snapshot objects turned into the operations that create or drop them. Used for both
// directions: model objects become the upgrade's creates, database objects the
// downgrade's re-creates. Names equal to Postgres's defaults are left out, so the
// generated code reads the way a person would write it.
import type {
  CheckSpec,
  ColumnSpec,
  CreateCheckConstraintOperation,
  CreateEnumOperation,
  CreateForeignKeyOperation,
  CreateIndexOperation,
  CreatePrimaryKeyOperation,
  CreateTableOperation,
  CreateUniqueConstraintOperation,
  DropConstraintOperation,
  DropIndexOperation,
  ForeignKeySpec,
  IndexElement,
} from "../ops/operation.js";
import type {
  CheckSnapshot,
  ColumnSnapshot,
  EnumSnapshot,
  ForeignKeySnapshot,
  IndexKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from "../dialect/postgres/introspect-types.js";
import { unquoteIdentifier } from "../dialect/postgres/quote.js";
import { naming } from "../schema/naming.js";
import { isSerialType, normalizeType, shortType } from "./normalize-type.js";

/** Where a table lives, as operations name it: `schema` only when not the default schema. */
export interface TableName {
  readonly table: string;
  readonly schema?: string;
}

export function tableName(t: { schema: string; name: string }, defaultSchema: string): TableName {
  return t.schema === defaultSchema ? { table: t.name } : { table: t.name, schema: t.schema };
}

const serialOf: Record<string, string> = { integer: "serial", bigint: "bigserial", smallint: "smallserial" };

/** A database column whose default is its own sequence's nextval: what `serial` created. */
export function serialSpelling(column: ColumnSnapshot, table: { schema: string; name: string }): string | null {
  const seq = /^nextval\('(?:"?([^".']+)"?\.)?"?([^"']+)"?'::regclass\)$/.exec(column.default ?? "");
  const serial = serialOf[normalizeType(column.type)];
  if (!seq || !serial) return null;
  return seq[2] === naming.sequence(table.name, column.name) ? serial : null;
}

/** A snapshot column as a ColumnSpec: a serial stays `serial`, long type names are shortened. */
export function columnSpec(column: ColumnSnapshot, table: { schema: string; name: string }): ColumnSpec {
  const serial = serialSpelling(column, table);
  const type = serial ?? (isSerialType(column.type) ? column.type : shortType(column.type));
  const implied = serial !== null || isSerialType(column.type) || column.identity !== null;
  return {
    name: column.name,
    type,
    // Columns are nullable unless said otherwise, and serial/identity imply NOT NULL:
    // only a NOT NULL nothing implies is written, as a person would write it.
    ...(column.nullable || implied ? {} : { nullable: false }),
    ...(column.default !== null && serial === null ? { default: column.default } : {}),
    ...(column.identity ? { identity: { generated: column.identity } } : {}),
    ...(column.generated ? { generated: column.generated } : {}),
    ...(column.comment !== null ? { comment: column.comment } : {}),
  };
}

function fkSpec(fk: ForeignKeySnapshot, table: TableSnapshot, defaultSchema: string): ForeignKeySpec {
  return {
    ...(fk.name === naming.foreignKey(table.name, fk.columns) ? {} : { name: fk.name }),
    columns: fk.columns,
    referencedTable: fk.referencedTable,
    ...(fk.referencedSchema === defaultSchema ? {} : { referencedSchema: fk.referencedSchema }),
    referencedColumns: fk.referencedColumns,
    ...(fk.onDelete === "NO ACTION" ? {} : { onDelete: fk.onDelete }),
    ...(fk.onUpdate === "NO ACTION" ? {} : { onUpdate: fk.onUpdate }),
    ...(fk.deferrable ? { deferrable: true } : {}),
    ...(fk.initiallyDeferred ? { initially: "DEFERRED" as const } : {}),
  };
}

function checkSpec(check: CheckSnapshot): CheckSpec {
  return { name: check.name, expression: check.expression };
}

/**
 * CREATE TABLE with its columns, primary key, uniques and checks inline; the foreign
 * keys `inlineForeignKey` accepts inline too (the others are added once every table exists).
 */
export function createTableOp(table: TableSnapshot, defaultSchema: string, inlineForeignKey: (fk: ForeignKeySnapshot) => boolean): CreateTableOperation {
  const pk = table.primaryKey;
  const pkOnColumn = pk !== null && pk.columns.length === 1 && pk.name === naming.primaryKey(table.name);
  const uniqueOnColumn = (u: UniqueSnapshot) => u.columns.length === 1 && u.name === naming.unique(table.name, u.columns);
  const columns = table.columns.map((c) => {
    const spec = columnSpec(c, table);
    const isPk = pkOnColumn && pk.columns[0] === c.name;
    const isUnique = table.uniques.some((u) => uniqueOnColumn(u) && u.columns[0] === c.name);
    const { name, type, nullable, ...rest } = spec;
    return {
      name,
      type,
      // A primary key column is NOT NULL by definition; saying so again is noise.
      ...(isPk || nullable === undefined ? {} : { nullable }),
      ...(isPk ? { primaryKey: true } : {}),
      ...(isUnique ? { unique: true } : {}),
      ...rest,
    } as ColumnSpec;
  });
  const uniques = table.uniques.filter((u) => !uniqueOnColumn(u));
  const fks = table.foreignKeys.filter(inlineForeignKey);
  return {
    kind: "createTable",
    ...tableName(table, defaultSchema),
    columns,
    ...(pk && !pkOnColumn ? { primaryKey: primaryKeySpec(pk, table) } : {}),
    ...(uniques.length ? { uniques: uniques.map((u) => uniqueSpec(u, table)) } : {}),
    ...(fks.length ? { foreignKeys: fks.map((fk) => fkSpec(fk, table, defaultSchema)) } : {}),
    ...(table.checks.length ? { checks: table.checks.map(checkSpec) } : {}),
    ...(table.comment !== null ? { comment: table.comment } : {}),
  };
}

function primaryKeySpec(pk: PrimaryKeySnapshot, table: TableSnapshot) {
  return pk.name === naming.primaryKey(table.name) ? { columns: pk.columns } : { name: pk.name, columns: pk.columns };
}

function uniqueSpec(u: UniqueSnapshot, table: TableSnapshot) {
  return u.name === naming.unique(table.name, u.columns) ? { columns: u.columns } : { name: u.name, columns: u.columns };
}

export function createPrimaryKeyOp(pk: PrimaryKeySnapshot, table: TableSnapshot, defaultSchema: string): CreatePrimaryKeyOperation {
  return { kind: "createPrimaryKey", ...tableName(table, defaultSchema), name: pk.name, columns: pk.columns };
}

export function createUniqueOp(u: UniqueSnapshot, table: TableSnapshot, defaultSchema: string): CreateUniqueConstraintOperation {
  return { kind: "createUniqueConstraint", ...tableName(table, defaultSchema), name: u.name, columns: u.columns };
}

export function createForeignKeyOp(fk: ForeignKeySnapshot, table: TableSnapshot, defaultSchema: string): CreateForeignKeyOperation {
  return { kind: "createForeignKey", ...tableName(table, defaultSchema), ...fkSpec(fk, table, defaultSchema), name: fk.name };
}

export function createCheckOp(check: CheckSnapshot, table: TableSnapshot, defaultSchema: string): CreateCheckConstraintOperation {
  return { kind: "createCheckConstraint", ...tableName(table, defaultSchema), ...checkSpec(check) };
}

export function dropConstraintOp(name: string, table: TableSnapshot, defaultSchema: string): DropConstraintOperation {
  return { kind: "dropConstraint", ...tableName(table, defaultSchema), name };
}

const simpleColumn = /^(?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")$/;

/** A key as an operation writes it: only the options that are not PostgreSQL's defaults. */
export function indexElement(key: IndexKeySnapshot): IndexElement {
  const text = key.expression;
  const options = {
    ...(key.collation !== null ? { collation: key.collation } : {}),
    ...(key.opclass !== null ? { opclass: key.opclass } : {}),
    ...(key.descending ? { order: "DESC" as const } : {}),
    ...(key.nullsFirst !== key.descending ? { nulls: key.nullsFirst ? ("FIRST" as const) : ("LAST" as const) } : {}),
  };
  if (!simpleColumn.test(text)) return { expression: text, ...options };
  return { column: unquoteIdentifier(text), ...options };
}

export function createIndexOp(ix: IndexSnapshot, table: TableSnapshot, defaultSchema: string): CreateIndexOperation {
  return {
    kind: "createIndex",
    name: ix.name,
    ...tableName(table, defaultSchema),
    columns: ix.elements.map(indexElement),
    ...(ix.include.length > 0 ? { include: ix.include } : {}),
    ...(ix.unique ? { unique: true } : {}),
    ...(ix.where !== null ? { where: ix.where } : {}),
    ...(ix.method !== "btree" ? { method: ix.method } : {}),
  };
}

export function dropIndexOp(ix: IndexSnapshot, table: TableSnapshot, defaultSchema: string): DropIndexOperation {
  return { kind: "dropIndex", name: ix.name, ...(table.schema === defaultSchema ? {} : { schema: table.schema }) };
}

export function createEnumOp(e: EnumSnapshot, defaultSchema: string): CreateEnumOperation {
  return { kind: "createEnum", name: e.name, ...(e.schema === defaultSchema ? {} : { schema: e.schema }), values: e.values };
}
