// The sha256 of a revision file, as recorded in the history table when a step runs and
// compared later to catch a revision edited after it was applied. The text is hashed
// with a leading BOM dropped and CRLF/CR line endings read as LF, so a checkout with
// Windows line endings (git autocrlf) is the same revision; releases before this one
// hashed the raw bytes, and those recorded hashes stay valid on any checkout (acceptedChecksums).
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import type { RevisionSource } from "../graph/revision-source.js";

// Files are hashed a chunk at a time: a 50 MB revision is never in memory whole here
// (nor are the five variants acceptedChecksums hashes).
const CHUNK = 1024 * 1024;

/** Feeds the file to `update` a chunk at a time (one reused buffer); false when it cannot be read. */
function hashChunks(source: Pick<RevisionSource, "path">, cwd: string, update: (chunk: Buffer) => void): boolean {
  let fd: number;
  try {
    fd = openSync(path.resolve(cwd, source.path), "r");
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const length = readSync(fd, buffer, 0, CHUNK, null);
      if (length === 0) return true;
      update(buffer.subarray(0, length));
    }
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes with the line endings and BOM a checkout may change put back to LF and none,
 * a chunk at a time: a CR at the end of one chunk waits for the first byte of the next.
 */
class LfNormalizer {
  #first = true;
  #pendingCr = false;

  push(chunk: Buffer): Buffer {
    let start = 0;
    if (this.#first) {
      this.#first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = 3;
    }
    const out = Buffer.allocUnsafe(chunk.length - start + 1);
    let length = 0;
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (chunk[start] !== 0x0a) out[length++] = 0x0a;
    }
    for (let i = start; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte !== 0x0d) out[length++] = byte;
      else if (i + 1 === chunk.length) this.#pendingCr = true;
      else if (chunk[i + 1] !== 0x0a) out[length++] = 0x0a;
    }
    return out.subarray(0, length);
  }

  end(): Buffer {
    return this.#pendingCr ? Buffer.from([0x0a]) : Buffer.alloc(0);
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
  const hash = createHash("sha256");
  const lf = new LfNormalizer();
  if (!hashChunks(source, cwd, (chunk) => hash.update(lf.push(chunk)))) return null;
  return hash.update(lf.end()).digest("hex");
}

/**
 * Every checksum a recorded row may hold for the file as it is now: the normalised one
 * first (what is recorded today), then the raw bytes' hashes earlier releases would
 * have recorded for this text on any checkout (LF or CRLF, with or without a BOM).
 * null when the file cannot be read.
 */
export function acceptedChecksums(source: Pick<RevisionSource, "path">, cwd: string): readonly string[] | null {
  const lf = createHash("sha256");
  const raw = createHash("sha256");
  const crlf = createHash("sha256");
  const bomLf = createHash("sha256").update(BOM);
  const bomCrlf = createHash("sha256").update(BOM);
  const normalizer = new LfNormalizer();
  const feed = (lfChunk: Buffer): void => {
    const crlfChunk = Buffer.from(lfChunk.toString("latin1").replaceAll("\n", "\r\n"), "latin1");
    lf.update(lfChunk);
    bomLf.update(lfChunk);
    crlf.update(crlfChunk);
    bomCrlf.update(crlfChunk);
  };
  const read = hashChunks(source, cwd, (chunk) => {
    raw.update(chunk);
    feed(normalizer.push(chunk));
  });
  if (!read) return null;
  feed(normalizer.end());
  return [...new Set([lf, raw, crlf, bomLf, bomCrlf].map((hash) => hash.digest("hex")))];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
