// A small PostgreSQL lexer: just enough to know, at every character, whether it is code
// or inside a string, quoted identifier, dollar-quoted body or comment. splitStatements
// and execute's $n inlining both stand on it, so they agree on what is "inside".
// It assumes standard_conforming_strings = on (the default since PostgreSQL 9.1).
//
// SqlScanner walks the text with indexes and allocates nothing per token: a 50 MB
// revision holds millions of tokens, and one object each took gigabytes. scanSql builds
// the token list from it for the small texts (one execute() call) that want one.

export type TokenKind =
  | "word" // keyword or bare identifier (may contain $ after the first character)
  | "param" // $1, $2, …
  | "string" // '…', E'…' (also B'…', X'…', N'…', U&'…' through their prefix word)
  | "identifier" // "…"
  | "dollar" // $$…$$, $tag$…$tag$
  | "lineComment" // -- … (up to, not including, the newline)
  | "blockComment" // /* … */, nested
  | "semicolon"
  | "space"
  | "other";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  /** Set when the string, identifier, dollar body or comment runs to the end of input. */
  readonly unterminated?: true;
}

import type { SqlText } from "./sql-text.js";

const QUOTE = 39; // '
const DOUBLE_QUOTE = 34; // "
const BACKSLASH = 92;
const DOLLAR = 36;
const DASH = 45;
const SLASH = 47;
const STAR = 42;
const SEMICOLON = 59;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters, `_` and every non-ASCII character (as PostgreSQL's scanner treats them). */
const isWordStart = (c: number): boolean => isLetter(c) || c === 95 || c >= 0x80;
const isWordPart = (c: number): boolean => isWordStart(c) || isDigit(c) || c === DOLLAR;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** End index of a quoted run starting at `open` (the quote), doubled quotes escaping; -1 when unterminated. */
function quotedEnd(sql: SqlText, open: number, quote: number, backslashEscapes: boolean): number {
  if (!backslashEscapes) {
    const quoteChar = String.fromCharCode(quote);
    for (let i = sql.indexOf(quoteChar, open + 1); i >= 0; i = sql.indexOf(quoteChar, i + 2)) {
      if (sql.charCodeAt(i + 1) !== quote) return i + 1;
    }
    return -1;
  }
  let i = open + 1;
  while (i < sql.length) {
    const c = sql.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === quote) {
      if (sql.charCodeAt(i + 1) === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return -1;
}

function blockCommentEnd(sql: SqlText, open: number): number {
  let depth = 0;
  let i = open;
  while (i < sql.length) {
    const c = sql.charCodeAt(i);
    if (c === SLASH && sql.charCodeAt(i + 1) === STAR) {
      depth += 1;
      i += 2;
    } else if (c === STAR && sql.charCodeAt(i + 1) === SLASH) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return -1;
}

/** End of `$tag$` opening at `i`, or -1 when the `$` starts no dollar quote. */
function dollarTagEnd(sql: SqlText, i: number): number {
  let j = i + 1;
  if (j < sql.length && isWordStart(sql.charCodeAt(j))) {
    j += 1;
    while (j < sql.length && (isWordStart(sql.charCodeAt(j)) || isDigit(sql.charCodeAt(j)))) j += 1;
  }
  return sql.charCodeAt(j) === DOLLAR ? j + 1 : -1;
}

/**
 * A cursor over the tokens of `sql`, which cover it exactly, in order. After each
 * `next()` that returns true, `kind`, `start`, `end` and `unterminated` describe the
 * token; `text` slices it out only when asked.
 *
 * ### Examples
 * ```ts
 * const scanner = new SqlScanner("SELECT 'a;b';");
 * while (scanner.next()) if (scanner.kind === "semicolon") console.log(scanner.start); // 12
 * ```
 */
export class SqlScanner {
  kind: TokenKind = "space";
  start = 0;
  end = 0;
  /** The string, identifier, dollar body or comment runs to the end of input. */
  unterminated = false;
  readonly #sql: SqlText;

  constructor(sql: SqlText) {
    this.#sql = sql;
  }

  get text(): string {
    return this.#sql.slice(this.start, this.end);
  }

  /** Same as `text.toLowerCase() === word` for a lower-case `word`, without slicing. */
  isWord(word: string): boolean {
    if (this.kind !== "word" || this.end - this.start !== word.length) return false;
    for (let k = 0; k < word.length; k++) {
      const c = this.#sql.charCodeAt(this.start + k);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) return false;
    }
    return true;
  }

  next(): boolean {
    const sql = this.#sql;
    const i = this.end;
    if (i >= sql.length) return false;
    this.start = i;
    this.unterminated = false;
    const c = sql.charCodeAt(i);
    const next = sql.charCodeAt(i + 1);
    if (c === QUOTE) this.#set("string", quotedEnd(sql, i, QUOTE, false));
    else if (c === DOUBLE_QUOTE) this.#set("identifier", quotedEnd(sql, i, DOUBLE_QUOTE, false));
    else if (c === DASH && next === DASH) {
      const nl = sql.indexOf("\n", i);
      this.#set("lineComment", nl < 0 ? sql.length : nl);
    } else if (c === SLASH && next === STAR) this.#set("blockComment", blockCommentEnd(sql, i));
    else if (c === SEMICOLON) this.#set("semicolon", i + 1);
    else if (c === DOLLAR) {
      let j = i + 1;
      while (j < sql.length && isDigit(sql.charCodeAt(j))) j += 1;
      if (j > i + 1) this.#set("param", j);
      else {
        const tagEnd = dollarTagEnd(sql, i);
        if (tagEnd < 0) this.#set("other", i + 1);
        else {
          const close = sql.indexOf(sql.slice(i, tagEnd), tagEnd);
          this.#set("dollar", close < 0 ? -1 : close + (tagEnd - i));
        }
      }
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < sql.length && isWordPart(sql.charCodeAt(j))) j += 1;
      // E'…' is one token: the escape-string prefix decides how the body is read.
      if (j === i + 1 && (c === 69 || c === 101) && sql.charCodeAt(j) === QUOTE) this.#set("string", quotedEnd(sql, j, QUOTE, true));
      else this.#set("word", j);
    } else if (isSpace(c)) {
      let j = i + 1;
      while (j < sql.length && isSpace(sql.charCodeAt(j))) j += 1;
      this.#set("space", j);
    } else if (isDigit(c)) {
      // Digits (with any letters glued on, like 1e5) are one token, so `1$` is never a param.
      let j = i + 1;
      while (j < sql.length) {
        const d = sql.charCodeAt(j);
        if (!(isDigit(d) || isLetter(d) || d === 95 || d === 46)) break;
        j += 1;
      }
      this.#set("other", j);
    } else this.#set("other", i + 1);
    return true;
  }

  #set(kind: TokenKind, end: number): void {
    this.kind = kind;
    if (end < 0) {
      this.unterminated = true;
      this.end = this.#sql.length;
    } else this.end = end;
  }
}

/** Split `sql` into tokens that cover it exactly, in order (for small texts; large ones use SqlScanner). */
export function scanSql(sql: string): Token[] {
  const tokens: Token[] = [];
  const scanner = new SqlScanner(sql);
  while (scanner.next()) {
    const { kind, start } = scanner;
    tokens.push(scanner.unterminated ? { kind, text: scanner.text, start, unterminated: true } : { kind, text: scanner.text, start });
  }
  return tokens;
}

/** 1-based line number of a character offset, for error messages. */
export function lineOf(sql: SqlText, offset: number): number {
  let line = 1;
  for (let i = sql.indexOf("\n"); i >= 0 && i < offset; i = sql.indexOf("\n", i + 1)) line += 1;
  return line;
}
