// Offline mode (`--sql`): the statements an online run would send, printed for review,
// each ending in `;`, with BEGIN;/COMMIT; where the run would open and close its
// transactions and Alembic's `-- Running upgrade …` comments. No connection at all.
import { errors } from "../error-factories.js";
import type { QueryResult } from "./connection.js";
import type { StatementRunner } from "./statement-runner.js";

/**
 * Anything with write(text): process.stdout, a file stream, or a test's collector. A
 * stream that answers `false` and has `once("drain")` is waited for: stdout into a pipe
 * or socket is asynchronous, and a 50 MB script would otherwise queue up in memory.
 */
export interface TextOutput {
  write(text: string): unknown;
  once?(event: "drain", listener: () => void): unknown;
}

export class OfflineWriter implements StatementRunner {
  readonly offline = true;
  #output: TextOutput;
  #inTransaction = false;
  #lastStatement: string | undefined;

  constructor(output: TextOutput) {
    this.#output = output;
  }

  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  get lastStatement(): string | undefined {
    return this.#lastStatement;
  }

  async run(sql: string, params?: readonly unknown[]): Promise<QueryResult> {
    if (params !== undefined && params.length > 0) {
      throw errors.offlineUnsupported("a query with parameters cannot be printed as SQL", {
        hint: "render the values into the statement (op.execute inlines its params), or run online",
      });
    }
    this.#lastStatement = sql;
    await this.#write(terminate(sql));
    return { rows: [], rowCount: null };
  }

  async runBatch(statements: readonly string[]): Promise<QueryResult[]> {
    const results: QueryResult[] = [];
    for (const statement of statements) results.push(await this.run(statement));
    return results;
  }

  async begin(): Promise<void> {
    this.#inTransaction = true;
    await this.#write("BEGIN;\n");
  }

  async commit(reopen = false): Promise<void> {
    this.#inTransaction = false;
    await this.#write("COMMIT;\n");
    if (reopen) await this.begin();
  }

  async rollback(): Promise<void> {
    this.#inTransaction = false;
  }

  async comment(text: string): Promise<void> {
    await this.#write(`-- ${text}\n`);
  }

  async #write(text: string): Promise<void> {
    const output = this.#output;
    if (output.write(text) === false && output.once !== undefined) await new Promise<void>((resolve) => output.once!("drain", resolve));
  }
}

/**
 * `sql;` plus a newline. A statement whose last line holds a `--` comment gets its `;`
 * on a line of its own, or the comment would swallow it.
 */
function terminate(sql: string): string {
  const body = sql.replace(/[\s;]+$/, "");
  const lastLine = body.slice(body.lastIndexOf("\n") + 1);
  return lastLine.includes("--") ? `${body}\n;\n` : `${body};\n`;
}
