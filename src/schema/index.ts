// The model DSL's public surface: what users import to declare their tables.
export { column, ColumnBuilder } from "./column.js";
export type { ColumnState, ReferentialAction, ServerDefault, ReferenceSpec } from "./column.js";
export { index, unique, check, primaryKey, foreignKey, IndexBuilder } from "./constraint.js";
export type { CheckDef, ForeignKeyDef, PrimaryKeyDef, UniqueDef, IndexState } from "./constraint.js";
export { pgEnum, isPgEnum } from "./enum.js";
export type { PgEnum } from "./enum.js";
export { sequence, isPgSequence } from "./sequence.js";
export type { PgSequence, SequenceDefOptions } from "./sequence.js";
export { schema } from "./namespace.js";
export type { SchemaNamespace } from "./namespace.js";
export { sql, isSqlExpression } from "./sql.js";
export type { SqlExpression } from "./sql.js";
export { table, getTableInfo, isTable, tableInfo } from "./table.js";
export type { Table, TableInfo, TableExtras, ColumnRef, InferRow } from "./table.js";
export { naming } from "./naming.js";
export { collectModels } from "./model-schema.js";
export type { ModelSchema } from "./model-schema.js";
export { loadModels } from "./load-models.js";
