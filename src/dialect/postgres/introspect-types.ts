// The shape of a database schema as autogenerate compares it: what introspection reads
// from the catalog, and what the models resolve to. Plain data, one level of names
// (schema-qualified), everything in Postgres's own spelling where the catalog has one.
import type { ReferentialAction } from "../../ops/column.js";

export interface ColumnSnapshot {
  readonly name: string;
  /** format_type() spelling from the catalog; the model's own spelling on the model side. */
  readonly type: string;
  readonly nullable: boolean;
  /** Server default as SQL text (pg_get_expr), or null. */
  readonly default: string | null;
  readonly identity: "always" | "by default" | null;
  /** A stored generated column's expression, or null. */
  readonly generated: string | null;
  readonly comment: string | null;
  /** The sequence the column owns (serial, identity), read from the catalog; absent on the model side. */
  readonly ownedSequence?: OwnedSequenceSnapshot | null;
}

/** A serial's or identity's sequence: what compares is its type and its maximum. */
export interface OwnedSequenceSnapshot {
  readonly schema: string;
  readonly name: string;
  /** smallint, integer or bigint. */
  readonly as: string;
  /** Decimal text: a bigint bound does not fit a JS number. */
  readonly maxValue: string;
}

export interface PrimaryKeySnapshot {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface UniqueSnapshot {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface ForeignKeySnapshot {
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedSchema: string;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

export interface CheckSnapshot {
  readonly name: string;
  /** The boolean expression, without CHECK and its outer parentheses. */
  readonly expression: string;
}

/** One key of an index with its options, each option PostgreSQL's default unless said. */
export interface IndexKeySnapshot {
  /** A column name (quoted as needed) or an expression, as pg_get_indexdef prints the key. */
  readonly expression: string;
  readonly descending: boolean;
  /** NULLs sort first: the default for a descending key, not for an ascending one. */
  readonly nullsFirst: boolean;
  /** The operator class when not the default for the key's type, as PostgreSQL prints it; else null. */
  readonly opclass: string | null;
  /** The collation when not the key's own: its name (`"s"."c"` when schema-qualified); else null. */
  readonly collation: string | null;
}

export interface IndexSnapshot {
  readonly name: string;
  readonly unique: boolean;
  /** Access method: btree, gin, gist… */
  readonly method: string;
  /** The key columns and expressions, in order. */
  readonly elements: readonly IndexKeySnapshot[];
  /** Non-key columns (`INCLUDE`), by name. */
  readonly include: readonly string[];
  /** Partial index predicate, or null. */
  readonly where: string | null;
}

export interface TableSnapshot {
  readonly schema: string;
  readonly name: string;
  readonly comment: string | null;
  readonly columns: readonly ColumnSnapshot[];
  readonly primaryKey: PrimaryKeySnapshot | null;
  readonly uniques: readonly UniqueSnapshot[];
  readonly foreignKeys: readonly ForeignKeySnapshot[];
  readonly checks: readonly CheckSnapshot[];
  readonly indexes: readonly IndexSnapshot[];
}

export interface EnumSnapshot {
  readonly schema: string;
  readonly name: string;
  /** In sort order. */
  readonly values: readonly string[];
}

/** A sequence no column owns, every option resolved (PostgreSQL's defaults filled in). */
export interface SequenceSnapshot {
  readonly schema: string;
  readonly name: string;
  readonly as: string;
  /** Numbers as decimal text: bigint bounds do not fit a JS number. */
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
}

export interface SchemaSnapshot {
  /** The schemas that exist (database) or are used (models), among those compared. */
  readonly schemas: readonly string[];
  readonly enums: readonly EnumSnapshot[];
  readonly tables: readonly TableSnapshot[];
  /** Standalone sequences (not those of a serial or identity column); absent: none compared. */
  readonly sequences?: readonly SequenceSnapshot[];
}

/** Runs one query and returns its rows: pg's client.query or PGlite's, adapted. */
export type QueryFunction = (sql: string, params?: readonly unknown[]) => Promise<readonly Record<string, unknown>[]>;
