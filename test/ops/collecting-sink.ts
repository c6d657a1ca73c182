// An OperationSink that keeps the operations it receives, for testing the facade as data.
import type { Operation } from "../../src/ops/operation.js";
import type { OperationSink, Row } from "../../src/ops/operation-sink.js";

export class CollectingSink implements OperationSink {
  readonly operations: Operation[] = [];
  readonly events: string[] = [];

  constructor(readonly offline = false) {}

  async emit(operation: Operation): Promise<void> {
    this.operations.push(operation);
    this.events.push(operation.kind);
  }

  async query(sql: string): Promise<Row[]> {
    this.events.push(`query ${sql}`);
    return [{ n: 1 }];
  }

  async autocommitBlock<T>(body: () => Promise<T>): Promise<T> {
    this.events.push("commit");
    const result = await body();
    this.events.push("begin");
    return result;
  }
}
