// The sha256 of a revision file's bytes, as recorded in the history table when a step
// runs and compared later to catch a revision edited after it was applied. Bytes, not
// text: a changed line ending is still a change to what ran.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RevisionSource } from "../graph/revision-source.js";

/**
 * Hex sha256 of the file behind `source` (its path is relative to `cwd`); null when the
 * file cannot be read (it was deleted since the scan).
 *
 * ### Examples
 * ```ts
 * revisionChecksum(source, process.cwd()); // "9f86d081884c7d65…"
 * ```
 */
export function revisionChecksum(source: Pick<RevisionSource, "path">, cwd: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(path.resolve(cwd, source.path))).digest("hex");
  } catch {
    return null;
  }
}
