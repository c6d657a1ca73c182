// What the runtime needs from src/scripts and src/ops to run one step, as injectable
// functions: the migrator wires the real ones, tests may wire their own.
import type { RevisionSource } from "../graph/revision-source.js";
import type { OperationSink } from "../ops/operation-sink.js";
import type { LocatedStatement } from "../dialect/postgres/split-statements.js";
import type { SqlText } from "../dialect/postgres/sql-text.js";
import type { RenderOperation } from "./revision-sink.js";

/** A revision module ready to run (src/scripts/load-revision.ts produces it). */
export type LoadedRevision =
  | { readonly format: "ts"; upgrade(op: unknown): Promise<void>; downgrade(op: unknown): Promise<void> }
  | {
      readonly format: "sql";
      readonly upgradeSql: SqlText;
      /** The file line each section starts on: errors count lines in the file. */
      readonly upgradeLine: number;
      readonly downgradeSql: SqlText;
      readonly downgradeLine: number;
    };

export interface StepDependencies {
  loadRevision(source: RevisionSource): Promise<LoadedRevision>;
  /** The Operations facade handed to upgrade()/downgrade(). */
  createOperations(sink: OperationSink, options: { transactional: boolean }): unknown;
  renderOperation: RenderOperation;
  /** The statements of a SQL section, each with the line (1-based, in `sql`) it starts on. */
  splitStatements(sql: SqlText): Iterable<LocatedStatement>;
}
