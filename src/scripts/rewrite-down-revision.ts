// Rewrites one revision file's parents in place (`athanor rebase`): only the value of
// its downRevision declaration changes, every other byte stays. The file is read back
// before it replaces the old one, so a rewrite that would not read as the intended
// parents is refused and the file is left as it was.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { readRevisionText } from "./read-revision-file.js";

const tsValue = (parents: readonly string[]) =>
  parents.length === 0 ? "null" : parents.length === 1 ? JSON.stringify(parents[0]) : `[${parents.map((p) => JSON.stringify(p)).join(", ")}]`;

/** The file's text with the new parents; throws naming the file when the declaration is not one line. */
export function withDownRevisions(text: string, source: RevisionSource, parents: readonly string[]): string {
  const lineNumber = source.lines?.downRevision;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const index = lineNumber === undefined ? -1 : lineNumber - 1;
  const line = lines[index];
  const pattern =
    source.format === "sql" ? /^(--\s*down_revision\s*:\s*)(.*?)(\s*)$/ : /^(\s*export\s+const\s+downRevision\b[^=]*=\s*)(.+?)(\s*;?\s*(?:\/\/.*)?)$/;
  const match = line === undefined ? null : pattern.exec(line);
  const value = source.format === "sql" ? (parents.length === 0 ? "none" : parents.join(", ")) : tsValue(parents);
  if (match === null || (source.format === "ts" && !/^(null|"[^"]*"|'[^']*'|\[[^\]]*\])$/.test(match[2]!.trim()))) {
    throw errors.invalidRevisionFile(
      `${source.path}${lineNumber ? `:${lineNumber}` : ""}: the downRevision declaration is not a one-line literal, so athanor will not rewrite it`,
      {
        hint: `Set it by hand to ${value}, or write it on one line (e.g. export const downRevision = ${tsValue(parents)};) and run rebase again.`,
        details: { file: source.path, line: lineNumber },
      },
    );
  }
  lines[index] = `${match[1]}${value}${match[3]}`;
  return lines.join(eol);
}

/** Writes `parents` into the revision's file (absolute `file`), atomically, after reading the result back. */
export function rewriteDownRevisions(file: string, source: RevisionSource, parents: readonly string[]): void {
  const text = readFileSync(file, "utf8");
  const updated = withDownRevisions(text, source, parents);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, updated, { mode: statSync(file).mode & 0o777 });
  try {
    const reread = readRevisionText(temporary, source.path, path.basename(file), source.format);
    const same =
      reread.revision === source.revision && reread.downRevisions.length === parents.length && reread.downRevisions.every((p, i) => p === parents[i]);
    if (!same) {
      throw errors.invalidRevisionFile(
        `${source.path}: after rewriting, the file reads as parents ${reread.downRevisions.join(", ") || "none"}, not ${parents.join(", ")}; it was left as it was`,
        {
          hint: `Set its downRevision to ${tsValue(parents)} by hand.`,
          details: { file: source.path },
        },
      );
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
