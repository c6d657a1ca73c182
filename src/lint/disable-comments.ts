// `athanor-lint-disable rule-a, rule-b` comments: a revision turns rules off for
// itself, naming each. Read from comments only (the SQL lexer decides what is a comment
// in a SQL file; in TypeScript a line comment or block comment line), never from strings.
import { SqlScanner } from "../dialect/postgres/sql-lexer.js";
import type { SqlText } from "../dialect/postgres/sql-text.js";

export interface DisableDirective {
  /** 1-based line of the comment in the file. */
  readonly line: number;
  /** The rule ids named, as written. */
  readonly ids: readonly string[];
}

const DIRECTIVE = /athanor-lint-disable\b([^\n]*)/;

/** The ids after the directive, up to a `--` that starts a reason or the end of a block comment. */
function idsOf(rest: string): string[] {
  const body = rest.split(/\s--|\*\//)[0] ?? "";
  return body.split(/[\s,]+/).filter((id) => id.length > 0);
}

/**
 * The disable directives of a revision file's text.
 *
 * ### Examples
 * ```ts
 * disableDirectives("-- athanor-lint-disable no-drop-column\nALTER TABLE t DROP COLUMN c;", "sql");
 * // [{ line: 1, ids: ["no-drop-column"] }]
 * ```
 */
export function disableDirectives(text: SqlText, format: "ts" | "sql"): DisableDirective[] {
  if (format === "sql") return sqlDirectives(text);
  return tsDirectives(typeof text === "string" ? text : text.slice(0, text.length));
}

/** A SQL file's directives; `text` may be the bytes of a large file, scanned as they are. */
function sqlDirectives(text: SqlText): DisableDirective[] {
  const found: DisableDirective[] = [];
  // Only worth a scan when the word is there at all (a data revision can be 50 MB).
  if (text.indexOf("athanor-lint-disable") < 0) return found;
  const scanner = new SqlScanner(text);
  let line = 1;
  let counted = 0;
  while (scanner.next()) {
    if (scanner.kind !== "lineComment" && scanner.kind !== "blockComment") continue;
    const comment = scanner.text;
    const match = DIRECTIVE.exec(comment);
    if (match === null) continue;
    for (let i = text.indexOf("\n", counted); i >= 0 && i < scanner.start + match.index; i = text.indexOf("\n", i + 1)) line += 1;
    counted = scanner.start + match.index;
    found.push({ line, ids: idsOf(match[1] as string) });
  }
  return found;
}

function tsDirectives(text: string): DisableDirective[] {
  const found: DisableDirective[] = [];
  text.split(/\r\n?|\n/).forEach((lineText, index) => {
    const comment = /^\s*(?:\/\/|\/\*+|\*)\s*(athanor-lint-disable\b[^\n]*)$/.exec(lineText) ?? /\/\/\s*(athanor-lint-disable\b[^\n]*)$/.exec(lineText);
    if (comment === null) return;
    const match = DIRECTIVE.exec(comment[1] as string);
    if (match !== null) found.push({ line: index + 1, ids: idsOf(match[1] as string) });
  });
  return found;
}
