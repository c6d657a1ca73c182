// Where `--sql` output goes: stdout, or a file that appears only once the whole script
// is rendered, so a failed run never leaves half a deploy script behind. The script is
// written to a temporary file as it is rendered (a 50 MB script is never held in memory)
// and renamed into place at the end.
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { errors } from "../error-factories.js";

export class OfflineOutput {
  #fd: number | undefined;
  constructor(
    readonly file: string | undefined,
    readonly stdout: Writable,
  ) {}

  /** false when stdout's buffer is full: the writer then waits for "drain" (see once). */
  write(text: string): boolean {
    if (this.file === undefined) return this.stdout.write(text);
    this.#attempt(() => writeSync(this.#open(), text));
    return true;
  }

  once(event: "drain", listener: () => void): void {
    this.stdout.once(event, listener);
  }

  /** Puts the file in place (temp file + rename); nothing to do for stdout. */
  finish(): void {
    if (this.file === undefined) return;
    this.#attempt(() => {
      const fd = this.#open();
      this.#fd = undefined;
      closeSync(fd);
      renameSync(this.#temp(), path.resolve(this.file!));
    });
  }

  /** After a failed run: removes the temporary file, so nothing is left behind. */
  abandon(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#temp(), { force: true });
  }

  #temp(): string {
    return `${path.resolve(this.file!)}.${process.pid}.tmp`;
  }

  #open(): number {
    this.#fd ??= openSync(this.#temp(), "w");
    return this.#fd;
  }

  #attempt(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.abandon();
      throw errors.usage(`cannot write --output file ${this.file}: ${(error as Error).message}`, {
        hint: "check that the directory exists and is writable",
        cause: error,
      });
    }
  }
}
