// Reads a hand-written SQL revision: `-- key: value` header lines, then the `-- +upgrade`
// and `-- +downgrade` sections. One pass over the lines checks the whole file, so a
// malformed one fails when the graph is read, before any run; the section texts are
// kept only when the run asks for them.
//
// Unknown header keys are errors, not warnings: the header is machine-read, and a typo
// such as `-- down_revison: 0002` would otherwise silently turn the file into a new base.
// Prose comments are fine in the header as long as they do not start with `word:`.
import type { Utf8Text } from "../dialect/postgres/sql-text.js";
import { errors } from "../error-factories.js";
import { ownString } from "./own-string.js";
import type { MetadataName, RawMetadata } from "./revision-metadata.js";

export interface SqlRevision {
  readonly metadata: RawMetadata;
  /** The statements after `-- +upgrade`, blank lines at either end removed (bytes when the file was read as bytes). */
  readonly upgradeSql: string | Utf8Text;
  /** The file line `upgradeSql` starts on, so errors can count lines in the file. */
  readonly upgradeLine: number;
  /** The statements after `-- +downgrade`; "" when the file has no downgrade section. */
  readonly downgradeSql: string | Utf8Text;
  /** The file line `downgradeSql` starts on. */
  readonly downgradeLine: number;
}

/** Header keys as written in SQL files, and the metadata field each one sets. */
export const SQL_HEADER_KEYS: Readonly<Record<string, MetadataName>> = {
  revision: "revision",
  down_revision: "downRevision",
  branch_labels: "branchLabels",
  depends_on: "dependsOn",
  replaces: "replaces",
  message: "message",
  create_date: "createDate",
  transactional: "transactional",
  statement_timeout: "statementTimeout",
  lock_timeout: "lockTimeout",
};

/** How a field is spelled in a SQL header, for messages. */
export function sqlSpelling(field: MetadataName): string {
  return Object.keys(SQL_HEADER_KEYS).find((key) => SQL_HEADER_KEYS[key] === field) ?? field;
}

const HEADER_LINE = /^--\s*([A-Za-z_][A-Za-z0-9_]*)\s*:(.*)$/;
const MARKER_LINE = /^--\s*\+([A-Za-z]+)\s*$/;
type Section = "upgrade" | "downgrade";

/** The header's metadata only, with the file's structure checked as readSqlRevision does (graph reading). */
export function readSqlMetadata(text: string | Utf8Text, path: string): RawMetadata {
  return readSqlRevision(text, path, { sections: false }).metadata;
}

export function readSqlRevision(text: string | Utf8Text, path: string, options: { sections?: boolean } = {}): SqlRevision {
  // Reading the graph needs the header only; the section markers are still checked.
  const keepSections = options.sections ?? true;
  const fail = (line: number, message: string, hint: string): never => {
    throw errors.invalidRevisionFile(`${path}:${line}: ${message}`, { hint, details: { file: path, line } });
  };
  const source = normalizeLineEnds(text);
  const metadata: { -readonly [K in MetadataName]?: { value: unknown; line: number } } = {};
  const sections: Partial<Record<Section, SectionSpan>> = {};
  let current: SectionSpan | undefined;
  // The file is walked by index, one line at a time, without a string per line: a
  // section of 50 MB holds a million lines, and only marker lines need a closer look.
  let lineNo = 0;
  for (let pos = 0; pos <= source.length; ) {
    lineNo += 1;
    const newline = source.indexOf("\n", pos);
    const end = newline < 0 ? source.length : newline;
    const first = firstNonSpace(source, pos, end);
    if (first < end && startsMarker(source, first, end)) {
      const trimmed = source.slice(first, end).trim();
      const marker = MARKER_LINE.exec(trimmed);
      if (marker) {
        const section = marker[1] as string;
        if (section !== "upgrade" && section !== "downgrade") {
          fail(lineNo, `unknown section marker \`${trimmed}\``, "The sections are `-- +upgrade` and `-- +downgrade`.");
        }
        const previous = sections[section as Section];
        if (previous)
          fail(
            lineNo,
            `second \`-- +${section}\` section (the first is on line ${previous.markerLine})`,
            "Put all the statements of a direction in one section.",
          );
        if (current) current.end = pos;
        current = { markerLine: lineNo, start: Math.min(end + 1, source.length), end: source.length };
        sections[section as Section] = current;
        if (newline < 0) break;
        pos = end + 1;
        continue;
      }
    }
    if (!current && first < end) readHeaderLine(source.slice(first, end).trim(), lineNo, metadata, fail);
    if (newline < 0) break;
    pos = end + 1;
  }
  const upgrade = sections.upgrade;
  if (!upgrade) {
    fail(lineNo, "no `-- +upgrade` section", "Write the statements after a `-- +upgrade` line (and the reverse after `-- +downgrade`).");
  }
  const up = keepSections && upgrade ? sectionText(source, upgrade) : { text: "", line: 1 };
  // A large file read as bytes gives its sections as bytes: the splitter reads them as they are.
  const down = keepSections && sections.downgrade ? sectionText(source, sections.downgrade) : { text: "", line: 1 };
  return { metadata, upgradeSql: up.text, upgradeLine: up.line, downgradeSql: down.text, downgradeLine: down.line };
}

/** A section's place in the file: its marker's line and the text after it, up to the next marker. */
interface SectionSpan {
  readonly markerLine: number;
  readonly start: number;
  end: number;
}

/**
 * CRLF and CR-only line ends read as LF (editors count lines the same way), and a BOM
 * is dropped, so line numbers and statement texts do not depend on the editor.
 */
function normalizeLineEnds(text: string | Utf8Text): string | Utf8Text {
  if (typeof text !== "string") return normalizeBytes(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
}

/** normalizeLineEnds for bytes, in place: CRLF becomes LF (the bytes after move up), a lone CR becomes LF. */
function normalizeBytes(text: Utf8Text): Utf8Text {
  const body = text.bytes[0] === 0xef && text.bytes[1] === 0xbb && text.bytes[2] === 0xbf ? text.sub(3, text.length) : text;
  const bytes = body.bytes;
  let read = bytes.indexOf(13);
  if (read < 0) return body;
  let write = read;
  while (read < bytes.length) {
    const byte = bytes[read] as number;
    if (byte === 13) {
      bytes[write++] = 10;
      read += bytes[read + 1] === 10 ? 2 : 1;
    } else bytes[write++] = bytes[read++] as number;
  }
  return body.sub(0, write);
}

function firstNonSpace(text: string | Utf8Text, from: number, end: number): number {
  const unicode = typeof text === "string";
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i), unicode)) i += 1;
  return i;
}

/**
 * Whitespace as String#trim sees it. In bytes only ASCII counts: a byte ≥ 0x80 is part
 * of a multi-byte character (0xa0 ends "à"), never a space of its own.
 */
function isSpace(code: number, unicode: boolean): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return unicode && /\s/.test(String.fromCharCode(code));
}

/** `--`, optional spaces, `+`: the only lines inside a section worth a regex. */
function startsMarker(text: string | Utf8Text, first: number, end: number): boolean {
  if (text.charCodeAt(first) !== 45 || text.charCodeAt(first + 1) !== 45) return false;
  const plus = firstNonSpace(text, first + 2, end);
  return plus < end && text.charCodeAt(plus) === 43;
}

type Fail = (line: number, message: string, hint: string) => never;

/** One header line (already trimmed, not blank): a `-- key: value`, a prose comment, or an error. */
function readHeaderLine(trimmed: string, lineNo: number, metadata: { -readonly [K in MetadataName]?: { value: unknown; line: number } }, fail: Fail): void {
  if (!trimmed.startsWith("--")) {
    fail(lineNo, "SQL before the `-- +upgrade` marker", "Start the statements with a `-- +upgrade` line after the header.");
  }
  const header = HEADER_LINE.exec(trimmed);
  if (!header) return; // a prose comment
  const key = (header[1] as string).toLowerCase();
  const field = SQL_HEADER_KEYS[key];
  if (field === undefined) {
    const known = Object.keys(SQL_HEADER_KEYS);
    const guess = known.find((k) => editDistance(k, key) <= 2);
    fail(
      lineNo,
      `unknown header \`${header[1]}\`${guess ? ` (did you mean \`${guess}\`?)` : ""}`,
      `Header keys are ${known.join(", ")}. A comment in the header must not start with \`word:\`.`,
    );
  }
  const previous = metadata[field as MetadataName];
  if (previous) fail(lineNo, `${key} is declared twice (first on line ${previous.line})`, "Keep one header line.");
  metadata[field as MetadataName] = { value: headerValue(field as MetadataName, ownString((header[2] as string).trim())), line: lineNo };
}

/** Turns header text into the value a TypeScript file would declare; validation happens later. */
function headerValue(field: MetadataName, text: string): unknown {
  switch (field) {
    case "downRevision":
      return /^(none|null)?$/i.test(text) ? null : list(text);
    case "branchLabels":
    case "dependsOn":
    case "replaces":
      return /^(none|null)?$/i.test(text) ? [] : list(text);
    case "transactional":
      return /^true$/i.test(text) ? true : /^false$/i.test(text) ? false : text;
    default:
      return text;
  }
}

function list(text: string): string | string[] {
  const items = text.split(",").map((item) => item.trim());
  return items.length === 1 ? (items[0] as string) : items;
}

/**
 * The section as one slice of the file (no copy per line): blank lines at either end
 * and trailing spaces of the last line removed; the text inside is kept as written.
 */
function sectionText(source: string | Utf8Text, span: SectionSpan): { text: string | Utf8Text; line: number } {
  let start = span.start;
  let line = span.markerLine + 1;
  for (;;) {
    const newline = source.indexOf("\n", start);
    const end = newline < 0 || newline > span.end ? span.end : newline;
    if (firstNonSpace(source, start, end) < end || end >= span.end) break;
    start = end + 1;
    line += 1;
  }
  let end = span.end;
  const unicode = typeof source === "string";
  while (end > start && isSpace(source.charCodeAt(end - 1), unicode)) end -= 1;
  if (end <= start) return { text: "", line };
  return { text: typeof source === "string" ? source.slice(start, end) : source.sub(start, end), line };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
