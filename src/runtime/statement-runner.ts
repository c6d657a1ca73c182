// Where a run's statements go. Online they are sent on the session; offline they are
// printed (offline-writer.ts). Executing a plan is written once against this interface,
// so the online and offline paths cannot drift apart.
import type { Connection, QueryResult } from "./connection.js";

export interface StatementRunner {
  readonly offline: boolean;
  readonly inTransaction: boolean;
  /** The last statement sent or printed, for error messages. */
  readonly lastStatement: string | undefined;
  /** One statement without its trailing `;`. Offline returns no rows and a null rowCount. */
  run(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  /**
   * athanor's own statements (no parameters), one result each: online they travel in
   * one round trip, offline they print as if run one by one.
   */
  runBatch(statements: readonly string[]): Promise<QueryResult[]>;
  begin(): Promise<void>;
  /** COMMIT; with `reopen`, BEGIN the next transaction in the same round trip. */
  commit(reopen?: boolean): Promise<void>;
  /** Online: ROLLBACK if a transaction is open. Offline: nothing (the script stops). */
  rollback(): Promise<void>;
  /** A `-- text` line offline; nothing online. */
  comment(text: string): Promise<void>;
}

/** Sends each statement on one session; transactions are plain BEGIN/COMMIT/ROLLBACK. */
export class OnlineRunner implements StatementRunner {
  readonly offline = false;
  #connection: Connection;
  #inTransaction = false;
  #lastStatement: string | undefined;

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  get lastStatement(): string | undefined {
    return this.#lastStatement;
  }

  async run(sql: string, params?: readonly unknown[]): Promise<QueryResult> {
    this.#lastStatement = sql;
    // Without parameters use the simple protocol: a revision's raw SQL may hold
    // several statements (a DO block, a function body) that the extended protocol refuses.
    if (params === undefined || params.length === 0) {
      return this.#connection.query(sql);
    }
    return this.#connection.query(sql, params);
  }

  async runBatch(statements: readonly string[]): Promise<QueryResult[]> {
    if (statements.length === 0) return [];
    this.#lastStatement = statements.join(";\n");
    return this.#connection.queryBatch(statements);
  }

  async begin(): Promise<void> {
    await this.#connection.query("BEGIN");
    this.#inTransaction = true;
  }

  async commit(reopen = false): Promise<void> {
    this.#inTransaction = false;
    // COMMIT can fail too (a deferred constraint): the error then names it.
    this.#lastStatement = "COMMIT";
    if (!reopen) {
      await this.#connection.query("COMMIT");
      return;
    }
    // If COMMIT fails the server skips the BEGIN: no transaction is open either way.
    await this.#connection.queryBatch(["COMMIT", "BEGIN"]);
    this.#inTransaction = true;
  }

  async rollback(): Promise<void> {
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    await this.#connection.query("ROLLBACK");
  }

  async comment(): Promise<void> {}
}
