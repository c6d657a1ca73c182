// Reads one revision file from disk into a RevisionSource: decides the format from the
// extension, reads the text (UNREADABLE_FILE for permissions or bad UTF-8) and hands it
// to the TypeScript or SQL metadata reader. Never executes the file.
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import path from "node:path";
import { Utf8Text } from "../dialect/postgres/sql-text.js";
import { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { readTsMetadata } from "./read-ts-metadata.js";
import { readSqlMetadata, sqlSpelling } from "./read-sql-revision.js";
import { toRevisionSource, type MetadataName } from "./revision-metadata.js";

/**
 * The format of a file name, or null when it is not a revision: `.ts`/`.mts`/`.js`/`.mjs`
 * modules (not `.d.ts` declarations) and `.sql` files; dotfiles never.
 */
export type RevisionFormat = "ts" | "sql";

export function revisionFormatOf(fileName: string): RevisionFormat | null {
  if (fileName.startsWith(".")) return null;
  if (fileName.endsWith(".sql")) return "sql";
  if (fileName.endsWith(".d.ts") || fileName.endsWith(".d.mts")) return null;
  if (fileName.endsWith(".ts") || fileName.endsWith(".mts") || fileName.endsWith(".js") || fileName.endsWith(".mjs")) return "ts";
  return null;
}

// Revision files are small: one read into this buffer takes the whole file, without the
// fstat readFileSync makes to size its own (a tenth of a 10,000-file scan). What is read
// is copied out at once: a copy of a few kilobytes costs nothing measurable, and bytes
// that alias a shared buffer would change under a caller that kept them.
const buffer = Buffer.allocUnsafe(64 * 1024);

/** The file's bytes: a fresh copy, never the shared buffer, so nothing outlives the next read. */
function readBytes(absolutePath: string): Buffer {
  const fd = openSync(absolutePath, "r");
  try {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return length < buffer.length ? Buffer.from(buffer.subarray(0, length)) : readFileSync(absolutePath);
  } finally {
    closeSync(fd);
  }
}

/** The file's text as UTF-8 (a leading BOM dropped); UNREADABLE_FILE with the OS reason otherwise. */
export function readTextFile(absolutePath: string, shownPath: string): string {
  const text = readFileText(absolutePath, shownPath, false) as string;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Above this size a SQL revision is kept as its bytes, never decoded whole: decoding
// needs the bytes and the string at once, and a 50 MB file would then take 100 MB.
const SQL_AS_BYTES = 1024 * 1024;

/**
 * A SQL revision's text: a string, or for a large file its checked UTF-8 bytes (the SQL
 * reader and splitter read either; the BOM and CR line ends are theirs to handle).
 */
export function readSqlFile(absolutePath: string, shownPath: string): string | Utf8Text {
  const cached = lastLargeFile?.deref();
  if (cached !== undefined && cached.path === absolutePath && unchanged(cached)) return new Utf8Text(cached.bytes);
  const text = readFileText(absolutePath, shownPath, true);
  // Reading the graph and then running the revision read the same large file twice; the
  // second read finds the first one's bytes while they are still in memory (a file with
  // CR line ends is normalised in place, so it is read again instead).
  if (typeof text !== "string" && text.bytes.indexOf(13) < 0) {
    const stats = statSync(absolutePath);
    lastLargeFile = new WeakRef({ path: absolutePath, bytes: text.bytes, mtimeMs: stats.mtimeMs, size: stats.size });
  }
  return text;
}

interface LargeFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly mtimeMs: number;
  readonly size: number;
}

let lastLargeFile: WeakRef<LargeFile> | undefined;

function unchanged(file: LargeFile): boolean {
  try {
    const stats = statSync(file.path);
    return stats.mtimeMs === file.mtimeMs && stats.size === file.size;
  } catch {
    return false;
  }
}

function readFileText(absolutePath: string, shownPath: string, bytesWhenLarge: boolean): string | Utf8Text {
  try {
    const bytes = readBytes(absolutePath);
    const large = bytesWhenLarge && bytes.length > SQL_AS_BYTES;
    const text = large ? new Utf8Text(bytes) : bytes.toString("utf8");
    // Decoding replaces bad bytes with U+FFFD; only then is it worth checking the bytes
    // (the character may also be in the file legitimately).
    if ((large || (text as string).includes("\ufffd")) && !isUtf8(bytes)) {
      const offset = firstInvalidUtf8(bytes);
      const line = lineAtByte(bytes, offset);
      const shown = Array.from(bytes.subarray(offset, offset + 4), (b) => `0x${b.toString(16).padStart(2, "0")}`).join(" ");
      throw errors.unreadableFile(`cannot read ${shownPath}:${line}: the file is not valid UTF-8 (byte offset ${offset}: ${shown})`, {
        hint: "Save the file as UTF-8 (the bytes at that offset are in another encoding, such as Latin-1 or Windows-1252).",
        details: { file: shownPath, line, byteOffset: offset },
      });
    }
    return text;
  } catch (error) {
    if (error instanceof AthanorError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw errors.unreadableFile(`cannot read ${shownPath}: ${reason}`, {
      hint: "Check that the file exists and that its permissions let you read it.",
      details: { file: shownPath, code: (error as NodeJS.ErrnoException).code },
      cause: error,
    });
  }
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1] as number;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** 1-based line of a byte offset; LF, CRLF and a lone CR each end a line, as the readers count them. */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** Reads and validates the metadata of one revision file. `shownPath` appears in errors and in the result. */
export function readRevisionFile(absolutePath: string, shownPath: string): RevisionSource {
  const fileName = path.basename(absolutePath);
  const format = revisionFormatOf(fileName);
  if (format === null) {
    throw errors.invalidRevisionFile(`${shownPath} is not a revision file (expected .ts, .mts, .js, .mjs or .sql)`, {
      details: { file: shownPath },
    });
  }
  return readRevisionText(absolutePath, shownPath, fileName, format);
}

/** readRevisionFile for a file whose name and format the caller knows already. */
export function readRevisionText(absolutePath: string, shownPath: string, fileName: string, format: RevisionFormat): RevisionSource {
  if (format === "sql") {
    const metadata = readSqlMetadata(readSqlFile(absolutePath, shownPath), shownPath);
    return toRevisionSource(metadata, { path: shownPath, format, sortKey: fileName, spell: sqlSpelling });
  }
  return toRevisionSource(readTsMetadata(readTextFile(absolutePath, shownPath), shownPath), { path: shownPath, format, sortKey: fileName, spell: asDeclared });
}

/** A TypeScript file spells each field as its metadata name. */
const asDeclared = (field: MetadataName): string => field;
