// Operations as plain data: what to change, not how to say it in SQL. The dialect
// renders each kind (src/dialect/postgres/render.ts); the Operations facade
// (operations.ts) builds and validates them; autogenerate emits them directly.
// Every object-level operation carries an optional `schema` (omitted: the search path).
import type { ColumnSpec, IdentitySpec, SequenceNumber, SequenceOptions } from "./column.js";
import type { CheckSpec, ForeignKeySpec, IndexElement, PrimaryKeySpec, UniqueSpec } from "./constraint.js";

export type { ColumnSpec, IdentitySpec, ColumnReference, ReferentialAction, InitiallyMode, MatchMode, SequenceNumber, SequenceOptions } from "./column.js";
export type { CheckSpec, ForeignKeySpec, IndexElement, IndexElementOptions, PrimaryKeySpec, UniqueSpec } from "./constraint.js";

// ---- tables ----

export interface CreateTableOperation {
  readonly kind: "createTable";
  readonly table: string;
  readonly schema?: string;
  readonly columns: readonly ColumnSpec[];
  /** Table-level (composite) primary key; a column's `primaryKey: true` is the other way. */
  readonly primaryKey?: PrimaryKeySpec;
  readonly uniques?: readonly UniqueSpec[];
  readonly foreignKeys?: readonly ForeignKeySpec[];
  readonly checks?: readonly CheckSpec[];
  readonly ifNotExists?: boolean;
  /** Table comment; column comments live on each ColumnSpec. */
  readonly comment?: string;
}

export interface DropTableOperation {
  readonly kind: "dropTable";
  readonly table: string;
  readonly schema?: string;
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

export interface RenameTableOperation {
  readonly kind: "renameTable";
  readonly table: string;
  readonly schema?: string;
  readonly newName: string;
}

export interface CreateTableCommentOperation {
  readonly kind: "createTableComment";
  readonly table: string;
  readonly schema?: string;
  readonly comment: string;
}

export interface DropTableCommentOperation {
  readonly kind: "dropTableComment";
  readonly table: string;
  readonly schema?: string;
}

// ---- columns ----

export interface AddColumnOperation {
  readonly kind: "addColumn";
  readonly table: string;
  readonly schema?: string;
  readonly column: ColumnSpec;
  readonly ifNotExists?: boolean;
}

export interface DropColumnOperation {
  readonly kind: "dropColumn";
  readonly table: string;
  readonly schema?: string;
  readonly column: string;
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

/**
 * Change one column. Every field is optional and independent; an omitted field is left
 * as it is. Rendered as one ALTER TABLE for type/nullable/default/identity, then the
 * comment, then the rename (so the other changes name the column by its old name).
 */
export interface AlterColumnOperation {
  readonly kind: "alterColumn";
  readonly table: string;
  readonly schema?: string;
  readonly column: string;
  /** New SQL type. */
  readonly type?: string;
  /** `USING expr` for the type change, e.g. `email::citext`. */
  readonly using?: string;
  readonly collation?: string;
  readonly nullable?: boolean;
  /** A SQL expression sets the server default; `null` drops it. */
  readonly default?: string | null;
  /** A string sets the comment; `null` removes it. */
  readonly comment?: string | null;
  /** Drop an identity (`null`) or add one to a column that has none. */
  readonly identity?: IdentitySpec | null;
  /**
   * Switch an identity column between `always` and `by default` in place
   * (`SET GENERATED …`): the sequence and its next value are kept.
   */
  readonly setGenerated?: "always" | "by default";
  readonly newName?: string;
}

export interface SetColumnCommentOperation {
  readonly kind: "setColumnComment";
  readonly table: string;
  readonly schema?: string;
  readonly column: string;
  /** `null` removes the comment. */
  readonly comment: string | null;
}

// ---- indexes ----

export interface CreateIndexOperation {
  readonly kind: "createIndex";
  readonly name: string;
  readonly table: string;
  /** Schema of the table; the index always lives in its table's schema. */
  readonly schema?: string;
  readonly columns: readonly IndexElement[];
  readonly unique?: boolean;
  /** Partial index predicate, without the WHERE keyword. */
  readonly where?: string;
  /** Non-key columns stored in the index (INCLUDE). */
  readonly include?: readonly string[];
  /** Access method: btree (default), hash, gin, gist, brin, spgist… */
  readonly method?: string;
  readonly nullsNotDistinct?: boolean;
  /** CREATE INDEX CONCURRENTLY: cannot run inside a transaction. */
  readonly concurrently?: boolean;
  readonly ifNotExists?: boolean;
}

export interface DropIndexOperation {
  readonly kind: "dropIndex";
  readonly name: string;
  readonly schema?: string;
  /** DROP INDEX CONCURRENTLY: cannot run inside a transaction, nor with cascade. */
  readonly concurrently?: boolean;
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

// ---- constraints ----

export interface CreatePrimaryKeyOperation extends PrimaryKeySpec {
  readonly kind: "createPrimaryKey";
  readonly table: string;
  readonly schema?: string;
}

export interface CreateUniqueConstraintOperation extends UniqueSpec {
  readonly kind: "createUniqueConstraint";
  readonly table: string;
  readonly schema?: string;
}

export interface CreateForeignKeyOperation extends ForeignKeySpec {
  readonly kind: "createForeignKey";
  readonly table: string;
  readonly schema?: string;
  /** NOT VALID: existing rows are not checked until validateConstraint. */
  readonly notValid?: boolean;
}

export interface CreateCheckConstraintOperation extends CheckSpec {
  readonly kind: "createCheckConstraint";
  readonly table: string;
  readonly schema?: string;
  readonly notValid?: boolean;
}

export interface ValidateConstraintOperation {
  readonly kind: "validateConstraint";
  readonly name: string;
  readonly table: string;
  readonly schema?: string;
}

export interface DropConstraintOperation {
  readonly kind: "dropConstraint";
  readonly name: string;
  readonly table: string;
  readonly schema?: string;
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

// ---- enums ----

export interface CreateEnumOperation {
  readonly kind: "createEnum";
  readonly name: string;
  readonly schema?: string;
  readonly values: readonly string[];
}

export interface DropEnumOperation {
  readonly kind: "dropEnum";
  readonly name: string;
  readonly schema?: string;
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

export interface AddEnumValueOperation {
  readonly kind: "addEnumValue";
  /** The enum type's name. */
  readonly name: string;
  readonly schema?: string;
  readonly value: string;
  /** Position: before or after an existing value (at most one); omitted appends. */
  readonly before?: string;
  readonly after?: string;
  readonly ifNotExists?: boolean;
}

export interface RenameEnumValueOperation {
  readonly kind: "renameEnumValue";
  readonly name: string;
  readonly schema?: string;
  readonly from: string;
  readonly to: string;
}

// ---- schemas ----

export interface CreateSchemaOperation {
  readonly kind: "createSchema";
  /** The schema to create. */
  readonly schema: string;
  readonly ifNotExists?: boolean;
}

export interface DropSchemaOperation {
  readonly kind: "dropSchema";
  /** The schema to drop. */
  readonly schema: string;
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

// ---- sequences ----

/** Which column a sequence belongs to (dropped with it); `null` on alter: OWNED BY NONE. */
export interface SequenceOwner {
  readonly table: string;
  readonly column: string;
}

export interface CreateSequenceOperation extends SequenceOptions {
  readonly kind: "createSequence";
  readonly name: string;
  readonly schema?: string;
  /** smallint, integer or bigint (PostgreSQL's default). */
  readonly as?: string;
  readonly ownedBy?: SequenceOwner;
  readonly ifNotExists?: boolean;
}

export interface AlterSequenceOperation extends SequenceOptions {
  readonly kind: "alterSequence";
  readonly name: string;
  readonly schema?: string;
  readonly as?: string;
  /** `true` restarts at the start value; a number restarts there. */
  readonly restart?: boolean | SequenceNumber;
  readonly ownedBy?: SequenceOwner | null;
}

export interface DropSequenceOperation {
  readonly kind: "dropSequence";
  readonly name: string;
  readonly schema?: string;
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

// ---- data ----

/** Raw SQL, with optional positional parameters ($1, $2, …) rendered as literals. */
export interface ExecuteOperation {
  readonly kind: "execute";
  readonly sql: string;
  readonly params?: readonly unknown[];
}

/** Rows inserted as literals (one INSERT for all rows), so offline output is complete. */
export interface BulkInsertOperation {
  readonly kind: "bulkInsert";
  readonly table: string;
  readonly schema?: string;
  /** Column order of the INSERT; omitted: every key of every row, in first-seen order. */
  readonly columns?: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

export type Operation =
  | CreateTableOperation
  | DropTableOperation
  | RenameTableOperation
  | CreateTableCommentOperation
  | DropTableCommentOperation
  | AddColumnOperation
  | DropColumnOperation
  | AlterColumnOperation
  | SetColumnCommentOperation
  | CreateIndexOperation
  | DropIndexOperation
  | CreatePrimaryKeyOperation
  | CreateUniqueConstraintOperation
  | CreateForeignKeyOperation
  | CreateCheckConstraintOperation
  | ValidateConstraintOperation
  | DropConstraintOperation
  | CreateEnumOperation
  | DropEnumOperation
  | AddEnumValueOperation
  | RenameEnumValueOperation
  | CreateSchemaOperation
  | DropSchemaOperation
  | CreateSequenceOperation
  | AlterSequenceOperation
  | DropSequenceOperation
  | ExecuteOperation
  | BulkInsertOperation;

export type OperationKind = Operation["kind"];

/** The operation of one kind: `OperationOf<"createTable">` is CreateTableOperation. */
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;
