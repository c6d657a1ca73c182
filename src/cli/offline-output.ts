// Where `--sql` output goes: stdout, or a file written only once the whole script is
// rendered, so a failed run never leaves half a deploy script behind.
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { AthanorError } from "../graph/errors.js";

export class OfflineOutput {
  readonly #chunks: string[] = [];
  constructor(readonly file: string | undefined, readonly stdout: Writable) {}

  write(text: string): void {
    if (this.file === undefined) this.stdout.write(text);
    else this.#chunks.push(text);
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
