// The OperationSink a lint run hands a TypeScript revision: offline like `sql` (no
// database, op.offline is true, op.query refuses the same way), and instead of
// rendering each operation it keeps it, with the line of the revision file that called it.
import { pathToFileURL } from "node:url";
import { errors } from "../error-factories.js";
import type { LocatedOperation } from "../lint/from-operations.js";
import type { Operation } from "../ops/operation.js";
import type { OperationSink, Row } from "../ops/operation-sink.js";

export class LintSink implements OperationSink {
  readonly offline = true;
  readonly operations: LocatedOperation[] = [];
  /** The file as stack frames may name it: a path, or a file:// URL (spaces and the like escaped). */
  readonly #names: readonly string[];
  readonly #shownPath: string;
  readonly #fallbackLine: number;
  #autocommitDepth = 0;

  /** `file` is the revision's absolute path, found in call stacks; `fallbackLine` is used when no frame names it. */
  constructor(file: string, shownPath: string, fallbackLine: number) {
    this.#names = [pathToFileURL(file).href, file];
    this.#shownPath = shownPath;
    this.#fallbackLine = fallbackLine;
  }

  async emit(operation: Operation): Promise<void> {
    this.operations.push({ operation, line: this.#callerLine(new Error().stack ?? ""), autocommit: this.#autocommitDepth > 0 });
  }

  async query(_sql: string, _params?: readonly unknown[]): Promise<Row[]> {
    // The facade refuses first (op.offline is true); this is for a sink handed elsewhere.
    throw errors.offlineUnsupported(`${this.#shownPath}: op.query() cannot run in offline mode (lint reads no database)`, {
      details: { file: this.#shownPath },
    });
  }

  async autocommitBlock<T>(body: () => Promise<T>): Promise<T> {
    this.#autocommitDepth += 1;
    try {
      return await body();
    } finally {
      this.#autocommitDepth -= 1;
    }
  }

  /** The revision file's line in the stack (tsx maps it to the TypeScript source). */
  #callerLine(stack: string): number {
    for (const frame of stack.split("\n")) {
      for (const name of this.#names) {
        const at = frame.lastIndexOf(name);
        if (at < 0) continue;
        const match = /^:(\d+)(?::\d+)?\)?$/.exec(frame.slice(at + name.length).trim());
        if (match) return Number(match[1]);
      }
    }
    return this.#fallbackLine;
  }
}
