// Splits the text of a SQL revision file into statements, the way psql does: a `;` ends
// a statement only in code, never inside a string, quoted identifier, dollar-quoted body
// or comment, nor inside a CREATE FUNCTION/PROCEDURE … BEGIN ATOMIC … END body.
import { errors } from "../../error-factories.js";
import { lineOf, SqlScanner, type TokenKind } from "./sql-lexer.js";
import type { SqlText } from "./sql-text.js";

const UNTERMINATED: Partial<Record<TokenKind, string>> = {
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
  #words = 0;
  #routine: boolean | undefined; // known after the first words
  #orReplace = false;
  #depth = 0;

  /** The next word of the statement; compares it in place, slicing nothing. */
  see(scanner: SqlScanner): void {
    if (this.#routine === undefined) this.#classify(scanner);
    if (this.#routine !== true) return;
    if (scanner.isWord("begin") || scanner.isWord("case")) this.#depth += 1;
    else if (this.#depth > 0 && scanner.isWord("end")) this.#depth -= 1;
  }

  get inside(): boolean {
    return this.#depth > 0;
  }

  reset(): void {
    this.#words = 0;
    this.#routine = undefined;
    this.#orReplace = false;
    this.#depth = 0;
  }

  // CREATE [OR REPLACE] FUNCTION|PROCEDURE, decided word by word.
  #classify(scanner: SqlScanner): void {
    const index = this.#words++;
    const routineWord = scanner.isWord("function") || scanner.isWord("procedure");
    if (index === 0) this.#routine = scanner.isWord("create") ? undefined : false;
    else if (index === 1) {
      if (scanner.isWord("or")) this.#orReplace = true;
      else this.#routine = routineWord;
    } else if (index === 2) this.#routine = this.#orReplace && scanner.isWord("replace") ? undefined : false;
    else this.#routine = routineWord;
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
export function locateStatements(sql: SqlText): Iterable<LocatedStatement> {
  // Two passes instead of a list of offsets: a 50 MB section has hundreds of thousands
  // of statements, and scanning again costs less than keeping them.
  const check = new StatementCursor(sql);
  while (check.next());
  return {
    *[Symbol.iterator]() {
      const cursor = new StatementCursor(sql);
      let line = 1;
      let counted = 0;
      while (cursor.next()) {
        line += countNewlines(sql, counted, cursor.start);
        counted = cursor.start;
        yield { sql: sql.slice(cursor.start, cursor.end), line };
      }
    },
  };
}

function countNewlines(text: SqlText, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

/** Walks the statements of `sql` one at a time: after each `next()` that returns true, `start`–`end` is one. */
class StatementCursor {
  start = -1;
  end = -1;
  readonly #sql: SqlText;
  readonly #scanner: SqlScanner;
  readonly #atomic = new AtomicBodyTracker();

  constructor(sql: SqlText) {
    this.#sql = sql;
    this.#scanner = new SqlScanner(sql);
  }

  next(): boolean {
    const scanner = this.#scanner;
    const atomic = this.#atomic;
    let start = -1; // first non-space token of the statement (comment or code)
    let codeEnd = -1; // end of its last code token
    atomic.reset();
    while (scanner.next()) {
      const kind = scanner.kind;
      if (scanner.unterminated && UNTERMINATED[kind] !== undefined) {
        const line = lineOf(this.#sql, scanner.start);
        throw errors.invalidRevisionFile(`unterminated ${UNTERMINATED[kind]} starting at line ${line}`, {
          hint: "close it; everything after it would otherwise be read as part of it",
          details: { line },
        });
      }
      if (kind === "semicolon" && !atomic.inside) {
        if (codeEnd > start && start >= 0) return this.#found(start, codeEnd);
        start = -1;
        codeEnd = -1;
        atomic.reset();
        continue;
      }
      if (kind === "space") continue;
      if (start < 0) start = scanner.start;
      if (kind === "word") atomic.see(scanner);
      if (kind !== "lineComment" && kind !== "blockComment") codeEnd = scanner.end;
    }
    return codeEnd > start && start >= 0 ? this.#found(start, codeEnd) : false;
  }

  #found(start: number, end: number): true {
    this.start = start;
    this.end = end;
    return true;
  }
}
