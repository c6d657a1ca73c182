// The neutral form the lint rules read: one entry per schema change, whether it came
// from a TypeScript revision's operations (from-operations.ts) or from a SQL
// statement's tokens (classify-sql.ts). Rules never see SQL text or Operation objects,
// so one rule covers both kinds of revision.

/** A table as a statement names it; `schema` only when the statement spells it. */
export interface TableName {
  readonly name: string;
  readonly schema?: string;
}

interface Located {
  /** 1-based line in the revision file. */
  readonly line: number;
  /** Which statement of the revision this came from (an ALTER TABLE with two actions gives two entries, one statement). */
  readonly statement: number;
  /** PostgreSQL refuses the statement inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, …). */
  readonly refusesTransaction?: true;
  /** TS: emitted inside `op.autocommitBlock`, so outside the revision's transaction. */
  readonly autocommit?: true;
}

export type ConstraintType = "foreignKey" | "check" | "unique" | "primaryKey" | "exclude";

export type LintStatement = Located &
  (
    | { readonly kind: "createTable"; readonly table: TableName }
    | { readonly kind: "dropTable"; readonly table: TableName }
    | { readonly kind: "renameTable"; readonly table: TableName; readonly newName: string }
    | {
        readonly kind: "addColumn";
        readonly table: TableName;
        readonly column: string;
        readonly type: string;
        /** The DEFAULT expression as written. */
        readonly default?: string;
        /** GENERATED … AS IDENTITY: the table is rewritten to fill it. */
        readonly identity?: boolean;
        /** GENERATED ALWAYS AS (…) STORED: the table is rewritten to compute it. */
        readonly stored?: boolean;
        /** NOT NULL (or PRIMARY KEY). */
        readonly notNull?: boolean;
      }
    | { readonly kind: "dropColumn"; readonly table: TableName; readonly column: string }
    | { readonly kind: "renameColumn"; readonly table: TableName; readonly column: string; readonly newName: string }
    | { readonly kind: "alterColumnType"; readonly table: TableName; readonly column: string; readonly type: string; readonly using: boolean }
    | { readonly kind: "setNotNull"; readonly table: TableName; readonly column: string }
    | { readonly kind: "createIndex"; readonly table: TableName; readonly name?: string; readonly concurrently: boolean }
    | { readonly kind: "dropIndex"; readonly name: string; readonly schema?: string; readonly concurrently: boolean }
    | {
        readonly kind: "addConstraint";
        readonly table: TableName;
        readonly name?: string;
        readonly constraint: ConstraintType;
        readonly notValid: boolean;
        /** UNIQUE/PRIMARY KEY … USING INDEX: the index exists already, nothing is built. */
        readonly usingIndex: boolean;
        /** A CHECK that says exactly `<column> IS NOT NULL`: the column it proves. */
        readonly notNullColumn?: string;
      }
    | { readonly kind: "validateConstraint"; readonly table: TableName; readonly name: string }
    | { readonly kind: "setLockTimeout" }
    | {
        readonly kind: "other";
        /** The table it locks, when one is known. */
        readonly table?: TableName;
        /** Takes a lock that blocks the application's reads or writes (ALTER, DROP, TRUNCATE, …). */
        readonly locks: boolean;
        /** A session setting (SET …): harmless to run again. */
        readonly session?: boolean;
      }
  );

export type LintStatementKind = LintStatement["kind"];

/** A statement before it is placed: what the classifiers build, `line` and `statement` added after. */
export type LintShape = LintStatement extends infer S ? (S extends LintStatement ? Omit<S, "line" | "statement"> : never) : never;

/** Two names of one table: same name, and the same schema when both statements spell one. */
export function sameTable(a: TableName, b: TableName): boolean {
  return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema);
}

/** `schema.table` or `table`, for messages. */
export function tableLabel(table: TableName): string {
  return table.schema === undefined ? table.name : `${table.schema}.${table.name}`;
}
