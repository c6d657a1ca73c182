// The Operations facade a revision's upgrade()/downgrade() receives as `op`. Each method
// builds one Operation (plain data) from its arguments as the operation's definition
// says (src/ops/definitions/), validates it, and hands it to the OperationSink; it never
// writes SQL. Argument order follows Alembic's op.* (object name, then table). The
// signatures are written out for the editor's hover text (parameter names, examples);
// the compiler holds each to its definition's arguments (FacadeMatchesDefinitions).
import { errors } from "../error-factories.js";
import type { ColumnSpec } from "./column.js";
import type { FacadeArguments } from "./define-operation.js";
import type { Operation, OperationKind } from "./operation.js";
import type { operationDefinitions } from "./operation-definitions.js";
import type * as O from "./operation-options.js";
import type { OperationSink, Row } from "./operation-sink.js";

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

/** Loaded with the first operation (build-operation.ts), so importing "athanor" loads no definitions and no zod. */
let builder: Promise<typeof import("./build-operation.js")> | undefined;

/** The parameters each facade method takes, as its operation's definition says. */
type FacadeMethods = { [K in OperationKind]: (...args: FacadeArguments<(typeof operationDefinitions)[K]>) => Promise<void> };

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
export class Operations implements FacadeMethods {
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

  /** The operation the arguments of `op.<kind>(…)` describe, validated and emitted. */
  async #call<K extends OperationKind>(kind: K, ...args: FacadeArguments<(typeof operationDefinitions)[K]>): Promise<void> {
    // Read before the first await: the block the call was made in, not the one current when it resumes.
    const inTransaction = this.#transactional && this.#autocommitDepth === 0;
    builder ??= import("./build-operation.js");
    const operation = (await builder).buildOperation(kind, args);
    if (inTransaction && !this.#isTransactional(operation)) {
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
    return this.#call("createTable", table, options);
  }

  /** DROP TABLE. @example await op.dropTable("users", { ifExists: true, cascade: true }); */
  dropTable(table: string, options?: O.DropTableOptions): Promise<void> {
    return this.#call("dropTable", table, options);
  }

  /** ALTER TABLE … RENAME TO. @example await op.renameTable("user", "users"); */
  renameTable(table: string, newName: string, options?: O.RenameTableOptions): Promise<void> {
    return this.#call("renameTable", table, newName, options);
  }

  /** COMMENT ON TABLE. @example await op.createTableComment("users", "people who sign in"); */
  createTableComment(table: string, comment: string, options?: O.CreateTableCommentOptions): Promise<void> {
    return this.#call("createTableComment", table, comment, options);
  }

  /** Remove a table's comment. @example await op.dropTableComment("users"); */
  dropTableComment(table: string, options?: O.DropTableCommentOptions): Promise<void> {
    return this.#call("dropTableComment", table, options);
  }

  /** ALTER TABLE … ADD COLUMN. @example await op.addColumn("users", { name: "new_field", type: "varchar(100)", nullable: true }); */
  addColumn(table: string, column: ColumnSpec, options?: O.AddColumnOptions): Promise<void> {
    return this.#call("addColumn", table, column, options);
  }

  /** ALTER TABLE … DROP COLUMN. @example await op.dropColumn("users", "new_field"); */
  dropColumn(table: string, column: string, options?: O.DropColumnOptions): Promise<void> {
    return this.#call("dropColumn", table, column, options);
  }

  /**
   * Change a column: type (with `using`), nullable, default (`null` drops it), identity,
   * comment (`null` removes it), and `newName` (renamed last).
   * @example await op.alterColumn("users", "email", { type: "text", nullable: false, default: null });
   */
  alterColumn(table: string, column: string, options: O.AlterColumnOptions): Promise<void> {
    return this.#call("alterColumn", table, column, options);
  }

  /** COMMENT ON COLUMN; `null` removes it. @example await op.setColumnComment("users", "email", "login address"); */
  setColumnComment(table: string, column: string, comment: string | null, options?: O.SetColumnCommentOptions): Promise<void> {
    return this.#call("setColumnComment", table, column, comment, options);
  }

  /**
   * CREATE INDEX on columns (by name) or expressions; `concurrently` needs an autocommit block.
   * @example await op.createIndex("ix_users_email", "users", ["email"], { unique: true, where: "deleted_at IS NULL" });
   * @example await op.createIndex("ix_users_lower_email", "users", [{ expression: "lower(email)" }]);
   */
  createIndex(name: string, table: string, columns: readonly O.IndexColumn[], options?: O.CreateIndexOptions): Promise<void> {
    return this.#call("createIndex", name, table, columns, options);
  }

  /** DROP INDEX. @example await op.dropIndex("ix_users_email", { ifExists: true }); */
  dropIndex(name: string, options?: O.DropIndexOptions): Promise<void> {
    return this.#call("dropIndex", name, options);
  }

  /** ADD PRIMARY KEY; a `null` name lets PostgreSQL name it. @example await op.createPrimaryKey("users_pkey", "users", ["id"]); */
  createPrimaryKey(name: string | null, table: string, columns: readonly string[], options?: O.CreatePrimaryKeyOptions): Promise<void> {
    return this.#call("createPrimaryKey", name, table, columns, options);
  }

  /** ADD UNIQUE. @example await op.createUniqueConstraint("users_email_key", "users", ["email"]); */
  createUniqueConstraint(name: string | null, table: string, columns: readonly string[], options?: O.CreateUniqueConstraintOptions): Promise<void> {
    return this.#call("createUniqueConstraint", name, table, columns, options);
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
    options?: O.CreateForeignKeyOptions,
  ): Promise<void> {
    return this.#call("createForeignKey", name, table, referencedTable, columns, referencedColumns, options);
  }

  /** ADD CHECK. @example await op.createCheckConstraint("age_positive", "users", "age > 0", { notValid: true }); */
  createCheckConstraint(name: string | null, table: string, expression: string, options?: O.CreateCheckConstraintOptions): Promise<void> {
    return this.#call("createCheckConstraint", name, table, expression, options);
  }

  /** VALIDATE CONSTRAINT (after a NOT VALID one). @example await op.validateConstraint("age_positive", "users"); */
  validateConstraint(name: string, table: string, options?: O.ValidateConstraintOptions): Promise<void> {
    return this.#call("validateConstraint", name, table, options);
  }

  /** DROP CONSTRAINT. @example await op.dropConstraint("users_email_key", "users", { ifExists: true }); */
  dropConstraint(name: string, table: string, options?: O.DropConstraintOptions): Promise<void> {
    return this.#call("dropConstraint", name, table, options);
  }

  /** CREATE TYPE … AS ENUM. @example await op.createEnum("mood", ["sad", "ok", "happy"]); */
  createEnum(name: string, values: readonly string[], options?: O.CreateEnumOptions): Promise<void> {
    return this.#call("createEnum", name, values, options);
  }

  /** DROP TYPE. @example await op.dropEnum("mood", { ifExists: true }); */
  dropEnum(name: string, options?: O.DropEnumOptions): Promise<void> {
    return this.#call("dropEnum", name, options);
  }

  /** ALTER TYPE … ADD VALUE. @example await op.addEnumValue("mood", "meh", { after: "sad" }); */
  addEnumValue(name: string, value: string, options?: O.AddEnumValueOptions): Promise<void> {
    return this.#call("addEnumValue", name, value, options);
  }

  /** ALTER TYPE … RENAME VALUE. @example await op.renameEnumValue("mood", "ok", "fine"); */
  renameEnumValue(name: string, from: string, to: string, options?: O.RenameEnumValueOptions): Promise<void> {
    return this.#call("renameEnumValue", name, from, to, options);
  }

  /** CREATE SCHEMA. @example await op.createSchema("billing", { ifNotExists: true }); */
  createSchema(schema: string, options?: O.CreateSchemaOptions): Promise<void> {
    return this.#call("createSchema", schema, options);
  }

  /** DROP SCHEMA. @example await op.dropSchema("billing", { cascade: true }); */
  dropSchema(schema: string, options?: O.DropSchemaOptions): Promise<void> {
    return this.#call("dropSchema", schema, options);
  }

  /** CREATE SEQUENCE. @example await op.createSequence("invoice_no", { start: 1000, ownedBy: { table: "invoices", column: "no" } }); */
  createSequence(name: string, options?: O.CreateSequenceOptions): Promise<void> {
    return this.#call("createSequence", name, options);
  }

  /** ALTER SEQUENCE. @example await op.alterSequence("invoice_no", { restart: 5000, maxValue: null }); */
  alterSequence(name: string, options?: O.AlterSequenceOptions): Promise<void> {
    return this.#call("alterSequence", name, options);
  }

  /** DROP SEQUENCE. @example await op.dropSequence("invoice_no", { ifExists: true }); */
  dropSequence(name: string, options?: O.DropSequenceOptions): Promise<void> {
    return this.#call("dropSequence", name, options);
  }

  /**
   * Run SQL; `$1…$n` are rendered as literals, so offline output shows the values.
   * @example await op.execute("UPDATE users SET name = $1 WHERE id = $2", ["Ada", 1]);
   */
  execute(sql: string, params?: readonly unknown[]): Promise<void> {
    return this.#call("execute", sql, params);
  }

  /**
   * INSERT rows as literals (a missing key takes the column's default).
   * @example await op.bulkInsert("roles", [{ name: "admin" }, { name: "reader" }]);
   */
  bulkInsert(table: string, rows: readonly Readonly<Record<string, unknown>>[], options?: O.BulkInsertOptions): Promise<void> {
    return this.#call("bulkInsert", table, rows, options);
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

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Holds<Check extends true> = Check;
/** The kinds whose facade method takes other parameters (types, order, optional or not) than their definition says. */
type FacadeDrift = {
  [K in OperationKind]: Same<Parameters<Operations[K]>, FacadeArguments<(typeof operationDefinitions)[K]>> extends true ? never : K;
}[OperationKind];
/** @internal Fails to compile, naming the kinds, when a facade method's parameters drift from its definition. */
export type FacadeMatchesDefinitions = Holds<[FacadeDrift] extends [never] ? true : FacadeDrift>;
