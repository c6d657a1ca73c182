// Where `--sql` output goes: stdout, or a file written only once the whole script is
// rendered, so a failed run never leaves half a deploy script behind.
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { AthanorError } from "../graph/errors.js";

export class OfflineOutput {
  readonly #chunks: string[] = [];
  constructor(readonly file: string | undefined, readonly stdout: Writable) {}

  /** false when stdout's buffer is full: the writer then waits for "drain" (see once). */
  write(text: string): boolean {
    if (this.file === undefined) return this.stdout.write(text);
    this.#chunks.push(text);
    return true;
  }

  once(event: "drain", listener: () => void): void {
    this.stdout.once(event, listener);
  }

  /** Writes the file (temp file + rename); nothing to do for stdout. */
  finish(): void {
    if (this.file === undefined) return;
    const target = path.resolve(this.file);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, this.#chunks.join(""));
      renameSync(temp, target);
    } catch (error) {
      throw new AthanorError("USAGE", `cannot write --output file ${this.file}: ${(error as Error).message}`, {
        hint: "check that the directory exists and is writable",
        cause: error,
      });
    }
  }
}
