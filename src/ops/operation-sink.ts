// Where the Operations facade sends each operation it builds. The runtime implements
// it (render through the dialect, then send to the database or print offline); tests
// and autogenerate can implement it to collect operations as data.
import type { Operation } from "./operation.js";

export type Row = Record<string, unknown>;

export interface OperationSink {
  /** true when statements are printed for review instead of executed. */
  readonly offline: boolean;
  /** Render and run (or print) one operation. */
  emit(operation: Operation): Promise<void>;
  /** Run a query and return its rows; online only (offline it is an error). */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Run `body` outside the revision's transaction (autocommit), then resume it. */
  autocommitBlock<T>(body: () => Promise<T>): Promise<T>;
}
