// The runtime's OperationSink: the Operations facade a revision calls hands each
// operation here; it is rendered by the dialect and sent (online) or printed (offline)
// through the run's StatementRunner — one renderer for both, so they cannot differ.
import { errors } from "../error-factories.js";
import type { Operation } from "../ops/operation.js";
import type { OperationSink, Row } from "../ops/operation-sink.js";
import type { StatementRunner } from "./statement-runner.js";

export interface RenderedStatement {
  readonly sql: string;
  readonly transactional: boolean;
}

export type RenderOperation = (operation: Operation) => readonly RenderedStatement[];

export class RevisionSink implements OperationSink {
  #runner: StatementRunner;
  #render: RenderOperation;

  constructor(runner: StatementRunner, render: RenderOperation) {
    this.#runner = runner;
    this.#render = render;
  }

  get offline(): boolean {
    return this.#runner.offline;
  }

  async emit(operation: Operation): Promise<void> {
    for (const statement of this.#render(operation)) {
      await this.#runner.run(statement.sql);
    }
  }

  async query(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    if (this.#runner.offline) {
      throw errors.offlineUnsupported("op.query() cannot run in offline (--sql) mode: there is no database to read from", {
        hint: "use op.execute() for statements whose result the revision does not need, or run the command without --sql",
      });
    }
    return (await this.#runner.run(sql, params)).rows;
  }

  /** Alembic's autocommit_block: commit the open transaction, run `body`, begin again. */
  async autocommitBlock<T>(body: () => Promise<T>): Promise<T> {
    if (!this.#runner.inTransaction) return body();
    await this.#runner.commit();
    const result = await body();
    await this.#runner.begin();
    return result;
  }
}
