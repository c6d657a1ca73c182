// The sha256 of a revision file, as recorded in the history table when a step runs and
// compared later to catch a revision edited after it was applied. The text is hashed
// with a leading BOM dropped and CRLF/CR line endings read as LF, so a checkout with
// Windows line endings (git autocrlf) is the same revision; releases before this one
// hashed the raw bytes, and those recorded hashes stay valid on any checkout (acceptedChecksums).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RevisionSource } from "../graph/revision-source.js";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** The bytes as text with the line endings and BOM a checkout may change put back to LF and none. */
function normalized(bytes: Buffer): Buffer {
  let start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (start === 0 && !bytes.includes(0x0d)) return bytes;
  const out = Buffer.allocUnsafe(bytes.length - start);
  let length = 0;
  for (; start < bytes.length; start++) {
    const byte = bytes[start]!;
    if (byte !== 0x0d) out[length++] = byte;
    else if (bytes[start + 1] !== 0x0a) out[length++] = 0x0a;
  }
  return out.subarray(0, length);
}

function readSource(source: Pick<RevisionSource, "path">, cwd: string): Buffer | null {
  try {
    return readFileSync(path.resolve(cwd, source.path));
  } catch {
    return null;
  }
}

/**
 * Hex sha256 of the file behind `source` (its path is relative to `cwd`), line endings
 * and BOM normalised; null when the file cannot be read (it was deleted since the scan).
 *
 * ### Examples
 * ```ts
 * revisionChecksum(source, process.cwd()); // "9f86d081884c7d65…"
 * ```
 */
export function revisionChecksum(source: Pick<RevisionSource, "path">, cwd: string): string | null {
  const bytes = readSource(source, cwd);
  return bytes === null ? null : sha256(normalized(bytes));
}

/**
 * Every checksum a recorded row may hold for the file as it is now: the normalised one
 * first (what is recorded today), then the raw bytes' hashes earlier releases would
 * have recorded for this text on any checkout (LF or CRLF, with or without a BOM).
 * null when the file cannot be read.
 */
export function acceptedChecksums(source: Pick<RevisionSource, "path">, cwd: string): readonly string[] | null {
  const bytes = readSource(source, cwd);
  if (bytes === null) return null;
  const lf = normalized(bytes);
  const crlf = Buffer.from(lf.toString("latin1").replaceAll("\n", "\r\n"), "latin1");
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const variants = [lf, bytes, crlf, Buffer.concat([bom, lf]), Buffer.concat([bom, crlf])];
  return [...new Set(variants.map(sha256))];
}
