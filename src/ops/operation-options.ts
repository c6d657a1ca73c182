// The option objects of the Operations facade's methods: each operation's data minus
// the arguments passed positionally, so the facade and the data cannot drift apart.
import type { IndexElement } from "./constraint.js";
import type {
  AddColumnOperation,
  AddEnumValueOperation,
  AlterColumnOperation,
  AlterSequenceOperation,
  BulkInsertOperation,
  CreateCheckConstraintOperation,
  CreateEnumOperation,
  CreateForeignKeyOperation,
  CreateIndexOperation,
  CreatePrimaryKeyOperation,
  CreateSchemaOperation,
  CreateSequenceOperation,
  CreateTableCommentOperation,
  CreateTableOperation,
  CreateUniqueConstraintOperation,
  DropColumnOperation,
  DropConstraintOperation,
  DropEnumOperation,
  DropIndexOperation,
  DropSchemaOperation,
  DropSequenceOperation,
  DropTableCommentOperation,
  DropTableOperation,
  RenameEnumValueOperation,
  RenameTableOperation,
  SetColumnCommentOperation,
  ValidateConstraintOperation,
} from "./operation.js";

type Options<T, Positional extends keyof T> = Omit<T, "kind" | Positional>;

/** Everything about the table except its name: columns, constraints, schema, comment. */
export type CreateTableOptions = Options<CreateTableOperation, "table">;
export type DropTableOptions = Options<DropTableOperation, "table">;
export type RenameTableOptions = Options<RenameTableOperation, "table" | "newName">;
export type CreateTableCommentOptions = Options<CreateTableCommentOperation, "table" | "comment">;
export type DropTableCommentOptions = Options<DropTableCommentOperation, "table">;
export type AddColumnOptions = Options<AddColumnOperation, "table" | "column">;
export type DropColumnOptions = Options<DropColumnOperation, "table" | "column">;
export type AlterColumnOptions = Options<AlterColumnOperation, "table" | "column">;
export type SetColumnCommentOptions = Options<SetColumnCommentOperation, "table" | "column" | "comment">;
/** An index key: a column name, or an element with an expression and sort options. */
export type IndexColumn = string | IndexElement;
export type CreateIndexOptions = Options<CreateIndexOperation, "name" | "table" | "columns">;
export type DropIndexOptions = Options<DropIndexOperation, "name">;
export type CreatePrimaryKeyOptions = Options<CreatePrimaryKeyOperation, "name" | "table" | "columns">;
export type CreateUniqueConstraintOptions = Options<CreateUniqueConstraintOperation, "name" | "table" | "columns">;
export type CreateForeignKeyOptions = Options<CreateForeignKeyOperation, "name" | "table" | "referencedTable" | "columns" | "referencedColumns">;
export type CreateCheckConstraintOptions = Options<CreateCheckConstraintOperation, "name" | "table" | "expression">;
export type ValidateConstraintOptions = Options<ValidateConstraintOperation, "name" | "table">;
export type DropConstraintOptions = Options<DropConstraintOperation, "name" | "table">;
export type CreateEnumOptions = Options<CreateEnumOperation, "name" | "values">;
export type DropEnumOptions = Options<DropEnumOperation, "name">;
export type AddEnumValueOptions = Options<AddEnumValueOperation, "name" | "value">;
export type RenameEnumValueOptions = Options<RenameEnumValueOperation, "name" | "from" | "to">;
export type CreateSchemaOptions = Options<CreateSchemaOperation, "schema">;
export type DropSchemaOptions = Options<DropSchemaOperation, "schema">;
export type CreateSequenceOptions = Options<CreateSequenceOperation, "name">;
export type AlterSequenceOptions = Options<AlterSequenceOperation, "name">;
export type DropSequenceOptions = Options<DropSequenceOperation, "name">;
export type BulkInsertOptions = Options<BulkInsertOperation, "table" | "rows">;
