// The Operations facade a revision's upgrade()/downgrade() receives as `op`. Each method
// builds one Operation (plain data), validates it, and hands it to the OperationSink;
// it never writes SQL. Argument order follows Alembic's op.* (object name, then table).
import { errors } from "../error-factories.js";
import type { ColumnSpec } from "./column.js";
import type { Operation } from "./operation.js";
import type * as O from "./operation-options.js";
import type { OperationSink, Row } from "./operation-sink.js";
import { validateOperation } from "./validate-operation.js";

export type * from "./operation-options.js";
export type { ColumnSpec } from "./column.js";
export type { Operation } from "./operation.js";
export type { OperationSink, Row } from "./operation-sink.js";

export interface OperationsOptions {
  /** Whether the revision runs inside a transaction (default true). */
  readonly transactional?: boolean;
  /**
   * Whether an operation may run inside a transaction. The default looks at the data
   * (`concurrently`); the runtime passes the dialect's answer so raw SQL in execute()
   * (`CREATE INDEX CONCURRENTLY …`) is caught too.
   */
  readonly isTransactional?: (operation: Operation) => boolean;
}

/** Non-transactional by its data alone: CREATE/DROP INDEX CONCURRENTLY. */
function isTransactionalByData(operation: Operation): boolean {
  return !((operation.kind === "createIndex" || operation.kind === "dropIndex") && operation.concurrently === true);
}

const omitNull = <K extends string>(key: K, value: string | null) => (value === null ? {} : ({ [key]: value } as Record<K, string>));

/**
 * The operations a revision performs, as methods. Every method returns a promise; await each.
 *
 * ### Examples
 * ```ts
 * export async function upgrade(op: Operations): Promise<void> {
 *   await op.addColumn("users", { name: "new_field", type: "varchar(100)" });
 * }
 * ```
 */
export class Operations {
  readonly #sink: OperationSink;
  readonly #transactional: boolean;
  readonly #isTransactional: (operation: Operation) => boolean;
  #autocommitDepth = 0;

  constructor(sink: OperationSink, options: OperationsOptions = {}) {
    this.#sink = sink;
    this.#transactional = options.transactional ?? true;
    this.#isTransactional = options.isTransactional ?? isTransactionalByData;
  }

  /** true when statements are printed for review (`--sql`) instead of executed. */
  get offline(): boolean {
    return this.#sink.offline;
  }

  async #emit(operation: Operation): Promise<void> {
    validateOperation(operation, `op.${operation.kind}`);
    if (this.#transactional && this.#autocommitDepth === 0 && !this.#isTransactional(operation)) {
      throw errors.invalidOperation(`op.${operation.kind}: this statement cannot run inside a transaction, and this revision runs in one`, {
        hint: "wrap it in `await op.autocommitBlock(async () => { … })`, or mark the whole revision with `export const transactional = false`",
        details: { operation: operation.kind },
      });
    }
    await this.#sink.emit(operation);
  }

  /**
   * CREATE TABLE with columns, table constraints and comments.
   * @example await op.createTable("users", { columns: [{ name: "id", type: "bigint", identity: { generated: "always" }, primaryKey: true }, { name: "email", type: "varchar(255)", nullable: false, unique: true }] });
   */
  createTable(table: string, options: O.CreateTableOptions): Promise<void> {
    return this.#emit({ ...options, kind: "createTable", table });
  }

  /** DROP TABLE. @example await op.dropTable("users", { ifExists: true, cascade: true }); */
  dropTable(table: string, options: O.DropTableOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropTable", table });
  }

  /** ALTER TABLE … RENAME TO. @example await op.renameTable("user", "users"); */
  renameTable(table: string, newName: string, options: O.RenameTableOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "renameTable", table, newName });
  }

  /** COMMENT ON TABLE. @example await op.createTableComment("users", "people who sign in"); */
  createTableComment(table: string, comment: string, options: O.CreateTableCommentOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "createTableComment", table, comment });
  }

  /** Remove a table's comment. @example await op.dropTableComment("users"); */
  dropTableComment(table: string, options: O.DropTableCommentOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropTableComment", table });
  }

  /** ALTER TABLE … ADD COLUMN. @example await op.addColumn("users", { name: "new_field", type: "varchar(100)", nullable: true }); */
  addColumn(table: string, column: ColumnSpec, options: O.AddColumnOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "addColumn", table, column });
  }

  /** ALTER TABLE … DROP COLUMN. @example await op.dropColumn("users", "new_field"); */
  dropColumn(table: string, column: string, options: O.DropColumnOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropColumn", table, column });
  }

  /**
   * Change a column: type (with `using`), nullable, default (`null` drops it), identity,
   * comment (`null` removes it), and `newName` (renamed last).
   * @example await op.alterColumn("users", "email", { type: "text", nullable: false, default: null });
   */
  alterColumn(table: string, column: string, options: O.AlterColumnOptions): Promise<void> {
    return this.#emit({ ...options, kind: "alterColumn", table, column });
  }

  /** COMMENT ON COLUMN; `null` removes it. @example await op.setColumnComment("users", "email", "login address"); */
  setColumnComment(table: string, column: string, comment: string | null, options: O.SetColumnCommentOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "setColumnComment", table, column, comment });
  }

  /**
   * CREATE INDEX on columns (by name) or expressions; `concurrently` needs an autocommit block.
   * @example await op.createIndex("ix_users_email", "users", ["email"], { unique: true, where: "deleted_at IS NULL" });
   * @example await op.createIndex("ix_users_lower_email", "users", [{ expression: "lower(email)" }]);
   */
  createIndex(name: string, table: string, columns: readonly O.IndexColumn[], options: O.CreateIndexOptions = {}): Promise<void> {
    const elements = columns.map((c) => (typeof c === "string" ? { column: c } : c));
    return this.#emit({ ...options, kind: "createIndex", name, table, columns: elements });
  }

  /** DROP INDEX. @example await op.dropIndex("ix_users_email", { ifExists: true }); */
  dropIndex(name: string, options: O.DropIndexOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropIndex", name });
  }

  /** ADD PRIMARY KEY; a `null` name lets PostgreSQL name it. @example await op.createPrimaryKey("users_pkey", "users", ["id"]); */
  createPrimaryKey(name: string | null, table: string, columns: readonly string[], options: O.CreatePrimaryKeyOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "createPrimaryKey", ...omitNull("name", name), table, columns });
  }

  /** ADD UNIQUE. @example await op.createUniqueConstraint("users_email_key", "users", ["email"]); */
  createUniqueConstraint(name: string | null, table: string, columns: readonly string[], options: O.CreateUniqueConstraintOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "createUniqueConstraint", ...omitNull("name", name), table, columns });
  }

  /**
   * ADD FOREIGN KEY; `referencedColumns` null means the referenced table's primary key.
   * @example await op.createForeignKey("blogs_user_id_fkey", "blogs", "users", ["user_id"], ["id"], { onDelete: "CASCADE" });
   */
  createForeignKey(
    name: string | null,
    table: string,
    referencedTable: string,
    columns: readonly string[],
    referencedColumns: readonly string[] | null,
    options: O.CreateForeignKeyOptions = {},
  ): Promise<void> {
    const referenced = referencedColumns === null ? {} : { referencedColumns };
    return this.#emit({ ...options, kind: "createForeignKey", ...omitNull("name", name), table, referencedTable, columns, ...referenced });
  }

  /** ADD CHECK. @example await op.createCheckConstraint("age_positive", "users", "age > 0", { notValid: true }); */
  createCheckConstraint(name: string | null, table: string, expression: string, options: O.CreateCheckConstraintOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "createCheckConstraint", ...omitNull("name", name), table, expression });
  }

  /** VALIDATE CONSTRAINT (after a NOT VALID one). @example await op.validateConstraint("age_positive", "users"); */
  validateConstraint(name: string, table: string, options: O.ValidateConstraintOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "validateConstraint", name, table });
  }

  /** DROP CONSTRAINT. @example await op.dropConstraint("users_email_key", "users", { ifExists: true }); */
  dropConstraint(name: string, table: string, options: O.DropConstraintOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropConstraint", name, table });
  }

  /** CREATE TYPE … AS ENUM. @example await op.createEnum("mood", ["sad", "ok", "happy"]); */
  createEnum(name: string, values: readonly string[], options: O.CreateEnumOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "createEnum", name, values });
  }

  /** DROP TYPE. @example await op.dropEnum("mood", { ifExists: true }); */
  dropEnum(name: string, options: O.DropEnumOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropEnum", name });
  }

  /** ALTER TYPE … ADD VALUE. @example await op.addEnumValue("mood", "meh", { after: "sad" }); */
  addEnumValue(name: string, value: string, options: O.AddEnumValueOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "addEnumValue", name, value });
  }

  /** ALTER TYPE … RENAME VALUE. @example await op.renameEnumValue("mood", "ok", "fine"); */
  renameEnumValue(name: string, from: string, to: string, options: O.RenameEnumValueOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "renameEnumValue", name, from, to });
  }

  /** CREATE SCHEMA. @example await op.createSchema("billing", { ifNotExists: true }); */
  createSchema(schema: string, options: O.CreateSchemaOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "createSchema", schema });
  }

  /** DROP SCHEMA. @example await op.dropSchema("billing", { cascade: true }); */
  dropSchema(schema: string, options: O.DropSchemaOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropSchema", schema });
  }

  /** CREATE SEQUENCE. @example await op.createSequence("invoice_no", { start: 1000, ownedBy: { table: "invoices", column: "no" } }); */
  createSequence(name: string, options: O.CreateSequenceOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "createSequence", name });
  }

  /** ALTER SEQUENCE. @example await op.alterSequence("invoice_no", { restart: 5000, maxValue: null }); */
  alterSequence(name: string, options: O.AlterSequenceOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "alterSequence", name });
  }

  /** DROP SEQUENCE. @example await op.dropSequence("invoice_no", { ifExists: true }); */
  dropSequence(name: string, options: O.DropSequenceOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "dropSequence", name });
  }

  /**
   * Run SQL; `$1…$n` are rendered as literals, so offline output shows the values.
   * @example await op.execute("UPDATE users SET name = $1 WHERE id = $2", ["Ada", 1]);
   */
  execute(sql: string, params?: readonly unknown[]): Promise<void> {
    return this.#emit(params === undefined ? { kind: "execute", sql } : { kind: "execute", sql, params });
  }

  /**
   * INSERT rows as literals (a missing key takes the column's default).
   * @example await op.bulkInsert("roles", [{ name: "admin" }, { name: "reader" }]);
   */
  bulkInsert(table: string, rows: readonly Readonly<Record<string, unknown>>[], options: O.BulkInsertOptions = {}): Promise<void> {
    return this.#emit({ ...options, kind: "bulkInsert", table, rows });
  }

  /**
   * Run a query and return its rows. Online only: offline there is no database to read.
   * @example const [row] = await op.query("SELECT count(*) AS n FROM users WHERE email IS NULL");
   */
  async query(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    if (this.#sink.offline) {
      throw errors.offlineUnsupported("op.query() cannot run in offline (--sql) mode: there is no database to read from", {
        hint: "use op.execute() for statements whose result the revision does not need, or run the command without --sql",
      });
    }
    return this.#sink.query(sql, params);
  }

  /**
   * Run `body` outside the revision's transaction (committed before, resumed after), for
   * statements PostgreSQL refuses in one, like CREATE INDEX CONCURRENTLY.
   * @example await op.autocommitBlock(async () => { await op.createIndex("ix_a", "t", ["a"], { concurrently: true }); });
   */
  async autocommitBlock<T>(body: () => Promise<T>): Promise<T> {
    this.#autocommitDepth += 1;
    try {
      return await this.#sink.autocommitBlock(body);
    } finally {
      this.#autocommitDepth -= 1;
    }
  }
}
