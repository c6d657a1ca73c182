// A small PostgreSQL lexer: just enough to know, at every character, whether it is code
// or inside a string, quoted identifier, dollar-quoted body or comment. splitStatements
// and execute's $n inlining both stand on it, so they agree on what is "inside".
// It assumes standard_conforming_strings = on (the default since PostgreSQL 9.1).

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

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
const SPACE = /\s/;

/** End index of a quoted run starting at `open` (the quote), doubled quotes escaping. */
function quotedEnd(sql: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === "\\") i += 2;
    else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return -1;
}

function blockCommentEnd(sql: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return -1;
}

/** Split `sql` into tokens that cover it exactly, in order. */
export function scanSql(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number): void => {
    const unterminated = end < 0;
    const stop = unterminated ? sql.length : end;
    tokens.push(unterminated ? { kind, text: sql.slice(i, stop), start: i, unterminated } : { kind, text: sql.slice(i, stop), start: i });
    i = stop;
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === "'") push("string", quotedEnd(sql, i, "'", false));
    else if (c === '"') push("identifier", quotedEnd(sql, i, '"', false));
    else if (c === "-" && next === "-") {
      const nl = sql.indexOf("\n", i);
      push("lineComment", nl < 0 ? sql.length : nl);
    } else if (c === "/" && next === "*") push("blockComment", blockCommentEnd(sql, i));
    else if (c === ";") push("semicolon", i + 1);
    else if (c === "$") {
      let j = i + 1;
      while (j < sql.length && /[0-9]/.test(sql[j] as string)) j += 1;
      if (j > i + 1) push("param", j);
      else {
        DOLLAR_TAG.lastIndex = i;
        const tag = DOLLAR_TAG.exec(sql)?.[0];
        if (tag === undefined) push("other", i + 1);
        else {
          const close = sql.indexOf(tag, i + tag.length);
          push("dollar", close < 0 ? -1 : close + tag.length);
        }
      }
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < sql.length && WORD_PART.test(sql[j] as string)) j += 1;
      // E'…' is one token: the escape-string prefix decides how the body is read.
      if (j === i + 1 && (c === "E" || c === "e") && sql[j] === "'") push("string", quotedEnd(sql, j, "'", true));
      else push("word", j);
    } else if (SPACE.test(c)) {
      let j = i + 1;
      while (j < sql.length && SPACE.test(sql[j] as string)) j += 1;
      push("space", j);
    } else if (/[0-9]/.test(c)) {
      // Digits (with any letters glued on, like 1e5) are one token, so `1$` is never a param.
      let j = i + 1;
      while (j < sql.length && /[0-9A-Za-z_.]/.test(sql[j] as string)) j += 1;
      push("other", j);
    } else push("other", i + 1);
  }
  return tokens;
}

/** 1-based line number of a character offset, for error messages. */
export function lineOf(sql: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < sql.length; i += 1) if (sql[i] === "\n") line += 1;
  return line;
}
