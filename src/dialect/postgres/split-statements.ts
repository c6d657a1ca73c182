// Splits the text of a SQL revision file into statements, the way psql does: a `;` ends
// a statement only in code, never inside a string, quoted identifier, dollar-quoted body
// or comment, nor inside a CREATE FUNCTION/PROCEDURE … BEGIN ATOMIC … END body.
import { AthanorError } from "../../graph/errors.js";
import { lineOf, scanSql, type Token } from "./sql-lexer.js";

const CODE_KINDS = new Set(["word", "param", "string", "identifier", "dollar", "other"]);

const UNTERMINATED: Partial<Record<Token["kind"], string>> = {
  string: "quoted string",
  identifier: "quoted identifier",
  dollar: "dollar-quoted string",
  blockComment: "/* comment",
};

/**
 * True while the statement so far is a SQL-standard routine body (BEGIN ATOMIC … END),
 * whose inner `;` do not end it. Like psql, counts BEGIN/CASE against END only in
 * statements that start CREATE [OR REPLACE] FUNCTION or PROCEDURE.
 */
class AtomicBodyTracker {
  #words: string[] = [];
  #depth = 0;

  see(word: string): void {
    const w = word.toLowerCase();
    if (this.#words.length < 4) this.#words.push(w);
    if (!this.#isRoutine()) return;
    if (w === "begin" || w === "case") this.#depth += 1;
    else if (w === "end" && this.#depth > 0) this.#depth -= 1;
  }

  get inside(): boolean {
    return this.#depth > 0;
  }

  #isRoutine(): boolean {
    const [a, b, c, d] = this.#words;
    if (a !== "create") return false;
    const kind = b === "or" && c === "replace" ? d : b;
    return kind === "function" || kind === "procedure";
  }
}

/** One statement of a SQL text, and the line (1-based) of the text it starts on. */
export interface LocatedStatement {
  readonly sql: string;
  readonly line: number;
}

/**
 * Split SQL text into statements, without their terminating `;`.
 *
 * Comments before a statement stay attached to it; comments between its last code and
 * its `;` are dropped (so a printer can append `;` safely); statements that hold only
 * comments or whitespace are dropped. An unterminated string or comment is an error
 * naming the line where it starts.
 *
 * ### Examples
 * ```ts
 * splitStatements("CREATE TABLE a (x text DEFAULT ';');\n-- b\nDROP TABLE b;")
 * // ["CREATE TABLE a (x text DEFAULT ';')", "-- b\nDROP TABLE b"]
 * ```
 */
export function splitStatements(sql: string): string[] {
  return Array.from(locateStatements(sql), (statement) => statement.sql);
}

/**
 * splitStatements with the line each statement starts on. The whole text is checked
 * first (an unterminated string fails before any statement is handed out); the
 * statements themselves are sliced one at a time, as the caller iterates.
 *
 * ### Examples
 * ```ts
 * [...locateStatements("SELECT 1;\n\nSELECT 2;")]
 * // [{ sql: "SELECT 1", line: 1 }, { sql: "SELECT 2", line: 3 }]
 * ```
 */
export function locateStatements(sql: string): Iterable<LocatedStatement> {
  const spans = statementSpans(sql);
  return {
    *[Symbol.iterator]() {
      let line = 1;
      let counted = 0;
      for (let i = 0; i < spans.length; i += 2) {
        const start = spans[i] as number;
        line += countNewlines(sql, counted, start);
        counted = start;
        yield { sql: sql.slice(start, spans[i + 1]), line };
      }
    },
  };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

/** Start and end offsets of every statement, flat: [start0, end0, start1, end1, …]. */
function statementSpans(sql: string): number[] {
  const spans: number[] = [];
  let start = -1; // first non-space token of the statement (comment or code)
  let codeEnd = -1; // end of its last code token
  let atomic = new AtomicBodyTracker();
  const finish = (): void => {
    if (codeEnd > start && start >= 0) spans.push(start, codeEnd);
    start = -1;
    codeEnd = -1;
    atomic = new AtomicBodyTracker();
  };
  for (const token of scanSql(sql)) {
    if (token.unterminated && UNTERMINATED[token.kind] !== undefined) {
      throw new AthanorError("INVALID_REVISION_FILE", `unterminated ${UNTERMINATED[token.kind]} starting at line ${lineOf(sql, token.start)}`, {
        hint: "close it; everything after it would otherwise be read as part of it",
        details: { line: lineOf(sql, token.start) },
      });
    }
    if (token.kind === "semicolon" && !atomic.inside) {
      finish();
      continue;
    }
    if (token.kind === "space") continue;
    if (start < 0) start = token.start;
    if (token.kind === "word") atomic.see(token.text);
    if (CODE_KINDS.has(token.kind) || token.kind === "semicolon") codeEnd = token.start + token.text.length;
  }
  finish();
  return spans;
}
