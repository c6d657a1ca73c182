// Operations as plain data: what to change, not how to say it in SQL. Each kind is
// declared once, in src/ops/definitions/ (fields, schemas, facade arguments); the types
// here are read from those definitions. The dialect renders each kind
// (src/dialect/postgres/render.ts); the Operations facade (operations.ts) builds and
// validates them; autogenerate emits them directly. Every object-level operation
// carries an optional `schema` (omitted: the search path).
import type { DataOf } from "./define-operation.js";
import type { operationDefinitions } from "./operation-definitions.js";

export type { ColumnSpec, IdentitySpec, ColumnReference, ReferentialAction, InitiallyMode, MatchMode, SequenceNumber, SequenceOptions } from "./column.js";
export type { CheckSpec, ForeignKeySpec, IndexElement, IndexElementOptions, PrimaryKeySpec, UniqueSpec } from "./constraint.js";
export type { SequenceOwner } from "./operation-vocabulary.js";

type Definitions = typeof operationDefinitions;

export type OperationKind = keyof Definitions;

/** The operation of one kind: `OperationOf<"createTable">` is CreateTableOperation. */
export type OperationOf<K extends OperationKind> = K extends OperationKind ? DataOf<Definitions[K]> : never;

export type Operation = { [K in OperationKind]: OperationOf<K> }[OperationKind];

// ---- tables ----
export type CreateTableOperation = OperationOf<"createTable">;
export type DropTableOperation = OperationOf<"dropTable">;
export type RenameTableOperation = OperationOf<"renameTable">;
export type CreateTableCommentOperation = OperationOf<"createTableComment">;
export type DropTableCommentOperation = OperationOf<"dropTableComment">;

// ---- columns ----
export type AddColumnOperation = OperationOf<"addColumn">;
export type DropColumnOperation = OperationOf<"dropColumn">;
export type AlterColumnOperation = OperationOf<"alterColumn">;
export type SetColumnCommentOperation = OperationOf<"setColumnComment">;

// ---- indexes ----
export type CreateIndexOperation = OperationOf<"createIndex">;
export type DropIndexOperation = OperationOf<"dropIndex">;

// ---- constraints ----
export type CreatePrimaryKeyOperation = OperationOf<"createPrimaryKey">;
export type CreateUniqueConstraintOperation = OperationOf<"createUniqueConstraint">;
export type CreateForeignKeyOperation = OperationOf<"createForeignKey">;
export type CreateCheckConstraintOperation = OperationOf<"createCheckConstraint">;
export type ValidateConstraintOperation = OperationOf<"validateConstraint">;
export type DropConstraintOperation = OperationOf<"dropConstraint">;

// ---- enums ----
export type CreateEnumOperation = OperationOf<"createEnum">;
export type DropEnumOperation = OperationOf<"dropEnum">;
export type AddEnumValueOperation = OperationOf<"addEnumValue">;
export type RenameEnumValueOperation = OperationOf<"renameEnumValue">;

// ---- schemas and sequences ----
export type CreateSchemaOperation = OperationOf<"createSchema">;
export type DropSchemaOperation = OperationOf<"dropSchema">;
export type CreateSequenceOperation = OperationOf<"createSequence">;
export type AlterSequenceOperation = OperationOf<"alterSequence">;
export type DropSequenceOperation = OperationOf<"dropSequence">;

// ---- data ----
export type ExecuteOperation = OperationOf<"execute">;
export type BulkInsertOperation = OperationOf<"bulkInsert">;
