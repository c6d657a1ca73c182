// Columns as plain data: the ColumnSpec a createTable or addColumn carries, with the
// identity and foreign-key shapes it uses. No SQL here; src/dialect renders these.

/** What a foreign key does when the referenced row is deleted or its key updated. */
export type ReferentialAction = "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT";

/** When a deferrable constraint is checked by default. */
export type InitiallyMode = "IMMEDIATE" | "DEFERRED";

/** How a multi-column foreign key matches rows with NULLs. */
export type MatchMode = "SIMPLE" | "FULL";

/** A sequence number: a JS number (integer) or a bigint for values past 2^53. */
export type SequenceNumber = number | bigint;

/** Sequence options shared by identity columns and standalone sequences. */
export interface SequenceOptions {
  readonly start?: SequenceNumber;
  readonly increment?: SequenceNumber;
  /** `null` renders NO MINVALUE. */
  readonly minValue?: SequenceNumber | null;
  /** `null` renders NO MAXVALUE. */
  readonly maxValue?: SequenceNumber | null;
  readonly cycle?: boolean;
  readonly cache?: SequenceNumber;
}

/** `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [ ( sequence options ) ]`. */
export interface IdentitySpec extends SequenceOptions {
  readonly generated: "always" | "by default";
}

/** A column-level foreign key: `REFERENCES table (column)`. */
export interface ColumnReference {
  readonly table: string;
  /** Schema of the referenced table; defaults to the search path. */
  readonly schema?: string;
  /** Referenced column; omitted means the referenced table's primary key. */
  readonly column?: string;
  /** Constraint name; omitted lets PostgreSQL name it `<table>_<column>_fkey`. */
  readonly name?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly match?: MatchMode;
  readonly deferrable?: boolean;
  readonly initially?: InitiallyMode;
}

/** One column of a table. */
export interface ColumnSpec {
  readonly name: string;
  /**
   * The SQL type as written in DDL: `integer`, `varchar(100)`, `numeric(10,2)`,
   * `timestamptz`, `text[]`, `serial`, or an enum's (qualified, quoted if needed) name.
   */
  readonly type: string;
  /** `false` renders NOT NULL. Default `true` (PostgreSQL's default). */
  readonly nullable?: boolean;
  /** Server default, a SQL expression rendered as is: `now()`, `'draft'`, `0`. */
  readonly default?: string;
  readonly identity?: IdentitySpec;
  /** Generated column expression: `GENERATED ALWAYS AS (expr) STORED`. */
  readonly generated?: string;
  readonly primaryKey?: boolean;
  readonly unique?: boolean;
  readonly references?: ColumnReference;
  /** Column check constraint expression, without the CHECK keyword or parentheses. */
  readonly check?: string;
  readonly collation?: string;
  readonly comment?: string;
}
