// Table-level constraints and index elements as plain data, shared by createTable and
// the single-constraint operations. No SQL here; src/dialect renders these.
import type { InitiallyMode, MatchMode, ReferentialAction } from "./column.js";

export interface PrimaryKeySpec {
  /** Omitted lets PostgreSQL name it `<table>_pkey`. */
  readonly name?: string;
  readonly columns: readonly string[];
}

export interface UniqueSpec {
  /** Omitted lets PostgreSQL name it `<table>_<columns>_key`. */
  readonly name?: string;
  readonly columns: readonly string[];
  /** PostgreSQL 15+: NULLs compare equal, so two NULL rows conflict. */
  readonly nullsNotDistinct?: boolean;
  readonly deferrable?: boolean;
  readonly initially?: InitiallyMode;
}

export interface ForeignKeySpec {
  /** Omitted lets PostgreSQL name it `<table>_<columns>_fkey`. */
  readonly name?: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  readonly referencedSchema?: string;
  /** Same length as `columns`; omitted means the referenced table's primary key. */
  readonly referencedColumns?: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly match?: MatchMode;
  readonly deferrable?: boolean;
  readonly initially?: InitiallyMode;
}

export interface CheckSpec {
  /** Omitted lets PostgreSQL name it `<table>_<column>_check`. */
  readonly name?: string;
  /** Boolean SQL expression, without the CHECK keyword or outer parentheses. */
  readonly expression: string;
  readonly noInherit?: boolean;
}

/** Index sort direction and NULL placement, plus an optional operator class. */
export interface IndexElementOptions {
  readonly order?: "ASC" | "DESC";
  readonly nulls?: "FIRST" | "LAST";
  /** Written as given, with any options: `text_pattern_ops`, `tsvector_ops(siglen=32)`. */
  readonly opclass?: string;
  /** A collation's name (`C`), or one already quoted part by part (`"myschema"."mycoll"`). */
  readonly collation?: string;
}

/** One key of an index: a column by name, or a SQL expression. */
export type IndexElement =
  | (IndexElementOptions & { readonly column: string; readonly expression?: never })
  | (IndexElementOptions & { readonly expression: string; readonly column?: never });
