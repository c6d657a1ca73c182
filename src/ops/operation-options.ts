// The option objects of the Operations facade's methods: each operation's fields minus
// the arguments its definition takes positionally, so the facade and the data cannot
// drift apart.
import type { OptionsOf } from "./define-operation.js";
import type { operationDefinitions } from "./operation-definitions.js";
import type { OperationKind } from "./operation.js";

export type { IndexColumn } from "./definitions/indexes.js";

/** The option object of the facade method of `kind`. */
export type OperationOptions<K extends OperationKind> = OptionsOf<(typeof operationDefinitions)[K]>;

/** Everything about the table except its name: columns, constraints, schema, comment. */
export type CreateTableOptions = OperationOptions<"createTable">;
export type DropTableOptions = OperationOptions<"dropTable">;
export type RenameTableOptions = OperationOptions<"renameTable">;
export type CreateTableCommentOptions = OperationOptions<"createTableComment">;
export type DropTableCommentOptions = OperationOptions<"dropTableComment">;
export type AddColumnOptions = OperationOptions<"addColumn">;
export type DropColumnOptions = OperationOptions<"dropColumn">;
export type AlterColumnOptions = OperationOptions<"alterColumn">;
export type SetColumnCommentOptions = OperationOptions<"setColumnComment">;
export type CreateIndexOptions = OperationOptions<"createIndex">;
export type DropIndexOptions = OperationOptions<"dropIndex">;
export type CreatePrimaryKeyOptions = OperationOptions<"createPrimaryKey">;
export type CreateUniqueConstraintOptions = OperationOptions<"createUniqueConstraint">;
export type CreateForeignKeyOptions = OperationOptions<"createForeignKey">;
export type CreateCheckConstraintOptions = OperationOptions<"createCheckConstraint">;
export type ValidateConstraintOptions = OperationOptions<"validateConstraint">;
export type DropConstraintOptions = OperationOptions<"dropConstraint">;
export type CreateEnumOptions = OperationOptions<"createEnum">;
export type DropEnumOptions = OperationOptions<"dropEnum">;
export type AddEnumValueOptions = OperationOptions<"addEnumValue">;
export type RenameEnumValueOptions = OperationOptions<"renameEnumValue">;
export type CreateSchemaOptions = OperationOptions<"createSchema">;
export type DropSchemaOptions = OperationOptions<"dropSchema">;
export type CreateSequenceOptions = OperationOptions<"createSequence">;
export type AlterSequenceOptions = OperationOptions<"alterSequence">;
export type DropSequenceOptions = OperationOptions<"dropSequence">;
export type BulkInsertOptions = OperationOptions<"bulkInsert">;
