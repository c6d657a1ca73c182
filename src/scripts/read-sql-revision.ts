// Reads a hand-written SQL revision: `-- key: value` header lines, then the `-- +upgrade`
// and `-- +downgrade` sections. One pass over the lines checks the whole file, so a
// malformed one fails when the graph is read, before any run; the section texts are
// kept only when the run asks for them.
//
// Unknown header keys are errors, not warnings: the header is machine-read, and a typo
// such as `-- down_revison: 0002` would otherwise silently turn the file into a new base.
// Prose comments are fine in the header as long as they do not start with `word:`.
import { AthanorError } from "../graph/errors.js";
import { ownString } from "./own-string.js";
import type { MetadataName, RawMetadata } from "./revision-metadata.js";

export interface SqlRevision {
  readonly metadata: RawMetadata;
  /** The statements after `-- +upgrade`, blank lines at either end removed. */
  readonly upgradeSql: string;
  /** The statements after `-- +downgrade`; "" when the file has no downgrade section. */
  readonly downgradeSql: string;
}

/** Header keys as written in SQL files, and the metadata field each one sets. */
export const SQL_HEADER_KEYS: Readonly<Record<string, MetadataName>> = {
  revision: "revision",
  down_revision: "downRevision",
  branch_labels: "branchLabels",
  depends_on: "dependsOn",
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
export function readSqlMetadata(text: string, path: string): RawMetadata {
  return readSqlRevision(text, path, { sections: false }).metadata;
}

export function readSqlRevision(text: string, path: string, options: { sections?: boolean } = {}): SqlRevision {
  // Reading the graph needs the header only; the section markers are still checked.
  const keepSections = options.sections ?? true;
  const fail = (line: number, message: string, hint: string): never => {
    throw new AthanorError("INVALID_REVISION_FILE", `${path}:${line}: ${message}`, { hint, details: { file: path, line } });
  };
  const metadata: { -readonly [K in MetadataName]?: { value: unknown; line: number } } = {};
  const sections: Partial<Record<Section, { line: number; lines: string[] }>> = {};
  let current: string[] | undefined;
  // CR, CR LF and LF each end a line, as they end a `--` comment for PostgreSQL.
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i] as string;
    const trimmed = raw.trim();
    const marker = trimmed.startsWith("--") ? MARKER_LINE.exec(trimmed) : null;
    if (marker) {
      const section = marker[1] as string;
      if (section !== "upgrade" && section !== "downgrade") {
        fail(lineNo, `unknown section marker \`${trimmed}\``, "The sections are `-- +upgrade` and `-- +downgrade`.");
      }
      const previous = sections[section as Section];
      if (previous) fail(lineNo, `second \`-- +${section}\` section (the first is on line ${previous.line})`, "Put all the statements of a direction in one section.");
      current = [];
      sections[section as Section] = { line: lineNo, lines: current };
      continue;
    }
    if (current) {
      if (keepSections) current.push(raw);
      continue;
    }
    if (trimmed === "") continue;
    if (!trimmed.startsWith("--")) {
      fail(lineNo, "SQL before the `-- +upgrade` marker", "Start the statements with a `-- +upgrade` line after the header.");
    }
    const header = HEADER_LINE.exec(trimmed);
    if (!header) continue; // a prose comment
    const key = (header[1] as string).toLowerCase();
    const field = SQL_HEADER_KEYS[key];
    if (field === undefined) {
      const known = Object.keys(SQL_HEADER_KEYS);
      const guess = known.find((k) => editDistance(k, key) <= 2);
      fail(lineNo, `unknown header \`${header[1]}\`${guess ? ` (did you mean \`${guess}\`?)` : ""}`,
        `Header keys are ${known.join(", ")}. A comment in the header must not start with \`word:\`.`);
    }
    const previous = metadata[field as MetadataName];
    if (previous) fail(lineNo, `${key} is declared twice (first on line ${previous.line})`, "Keep one header line.");
    metadata[field as MetadataName] = { value: headerValue(field as MetadataName, ownString((header[2] as string).trim())), line: lineNo };
  }
  const upgrade = sections.upgrade;
  if (!upgrade) {
    fail(lines.length, "no `-- +upgrade` section", "Write the statements after a `-- +upgrade` line (and the reverse after `-- +downgrade`).");
  }
  return {
    metadata,
    upgradeSql: sectionText(upgrade?.lines ?? []),
    downgradeSql: sectionText(sections.downgrade?.lines ?? []),
  };
}

/** Turns header text into the value a TypeScript file would declare; validation happens later. */
function headerValue(field: MetadataName, text: string): unknown {
  switch (field) {
    case "downRevision":
      return /^(none|null)?$/i.test(text) ? null : list(text);
    case "branchLabels":
    case "dependsOn":
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

function sectionText(lines: readonly string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] as string).trim() === "") start++;
  while (end > start && (lines[end - 1] as string).trim() === "") end--;
  return lines.slice(start, end).map((line) => line.trimEnd()).join("\n");
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
