// A small JavaScript/TypeScript tokenizer: just enough to find top-level `export const`
// declarations without running or compiling the file. It understands comments, strings,
// template literals (nested `${}` included) and regex literals so that none of them can
// hide or fake a declaration; everything else is an identifier, number or punctuator.
import { ownString } from "./own-string.js";

export type TokenKind = "eof" | "identifier" | "string" | "template" | "number" | "regex" | "punct";

/** Thrown by the lexer; the caller turns it into an AthanorError naming the file. */
export class LexError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

// Keywords after which a `/` starts a regex literal rather than a division.
const KEYWORDS_BEFORE_EXPRESSION = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
  "case", "do", "else", "yield", "await",
]);

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0",
};

/**
 * Streams tokens. The current token lives in the public fields (no object per token,
 * which keeps a 10,000-file scan cheap): `kind`, `value` (identifier name, punctuator
 * text, cooked string value, number text), `line` and `newlineBefore`.
 */
export class TsLexer {
  kind: TokenKind = "eof";
  /** Identifier names are sliced only when asked for: most are never looked at. */
  get value(): string {
    if (this.#value === undefined) this.#value = this.#text.slice(this.#start, this.#end);
    return this.#value;
  }
  /** The current template literal contains `${…}`, so it has no fixed value. */
  substitution = false;
  /** 1-based line where the current token starts. */
  line = 1;
  /** A line break separates the current token from the previous one (for ASI). */
  newlineBefore = false;

  #pos = 0;
  #line = 1;
  #regexAllowed = true;
  #value: string | undefined = "";
  #start = 0;
  #end = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
    if (text.startsWith("#!")) {
      const end = text.indexOf("\n");
      this.#pos = end === -1 ? text.length : end;
    }
  }

  /** Offset in the text where the current token starts. */
  get offset(): number {
    return this.#start;
  }

  /** The current token is the punctuator `value`. */
  isPunct(value: string): boolean {
    return this.kind === "punct" && this.value === value;
  }

  next(): TokenKind {
    this.newlineBefore = false;
    this.#skipTrivia();
    const text = this.#text;
    this.line = this.#line;
    this.substitution = false;
    if (this.#pos >= text.length) return this.#set("eof", "", false);
    const c = text.charCodeAt(this.#pos);
    if (isIdentifierStart(c)) {
      this.#start = this.#pos++;
      while (this.#pos < text.length && isIdentifierPart(text.charCodeAt(this.#pos))) this.#pos++;
      this.#end = this.#pos;
      this.kind = "identifier";
      this.#value = undefined;
      return "identifier";
    }
    if (c === 0x22 || c === 0x27) return this.#set("string", this.#readString(c), false);
    if (c === 0x60) return this.#readTemplate();
    if (isDigit(c) || (c === 0x2e && isDigit(text.charCodeAt(this.#pos + 1)))) return this.#readNumber();
    if (c === 0x2f && this.#regexAllowedHere()) return this.#readRegex();
    return this.#readPunct();
  }

  #set(kind: TokenKind, value: string, regexAllowed: boolean): TokenKind {
    this.kind = kind;
    this.#value = value;
    this.#regexAllowed = regexAllowed;
    return kind;
  }

  /** A `/` after the current token starts a regex (not a division). */
  #regexAllowedHere(): boolean {
    return this.kind === "identifier" ? KEYWORDS_BEFORE_EXPRESSION.has(this.value) : this.#regexAllowed;
  }

  /** Skips whitespace and comments, counting lines. */
  #skipTrivia(): void {
    const text = this.#text;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (c === 0x0a) {
        this.#line++;
        this.newlineBefore = true;
        this.#pos++;
      } else if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff) {
        this.#pos++;
      } else if (c === 0x2f && text.charCodeAt(this.#pos + 1) === 0x2f) {
        const end = text.indexOf("\n", this.#pos);
        this.#pos = end === -1 ? text.length : end;
      } else if (c === 0x2f && text.charCodeAt(this.#pos + 1) === 0x2a) {
        const end = text.indexOf("*/", this.#pos + 2);
        if (end === -1) throw new LexError(this.#line, "unterminated /* comment");
        this.#countLines(this.#pos, end);
        this.#pos = end + 2;
      } else {
        return;
      }
    }
  }

  #countLines(from: number, to: number): void {
    let i = this.#text.indexOf("\n", from);
    while (i !== -1 && i < to) {
      this.#line++;
      this.newlineBefore = true;
      i = this.#text.indexOf("\n", i + 1);
    }
  }

  #readString(quote: number): string {
    const text = this.#text;
    const start = ++this.#pos;
    let escaped = false;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (c === quote) {
        const raw = text.slice(start, this.#pos++);
        return escaped ? this.#cook(raw) : ownString(raw);
      }
      if (c === 0x5c) {
        escaped = true;
        if (text.charCodeAt(this.#pos + 1) === 0x0a) this.#line++;
        this.#pos += 2;
      } else if (c === 0x0a) {
        break;
      } else {
        this.#pos++;
      }
    }
    throw new LexError(this.line, "unterminated string");
  }

  /** Reads a whole template literal, lexing (and discarding) the `${…}` expressions in it. */
  #readTemplate(): TokenKind {
    const text = this.#text;
    const startLine = this.#line;
    const newlineBefore = this.newlineBefore;
    let start = ++this.#pos;
    let cooked = "";
    let substitution = false;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (c === 0x60) {
        cooked += text.slice(start, this.#pos++);
        this.line = startLine;
        this.newlineBefore = newlineBefore;
        this.substitution = substitution;
        return this.#set("template", substitution ? "" : ownString(this.#cook(cooked)), false);
      }
      if (c === 0x5c) {
        this.#pos += 2;
      } else if (c === 0x24 && text.charCodeAt(this.#pos + 1) === 0x7b) {
        substitution = true;
        this.#pos += 2;
        this.#skipSubstitution(startLine);
        start = this.#pos;
      } else {
        if (c === 0x0a) this.#line++;
        this.#pos++;
      }
    }
    throw new LexError(startLine, "unterminated template literal");
  }

  #skipSubstitution(templateLine: number): void {
    this.kind = "punct"; // a `/` right after `${` starts a regex
    this.#regexAllowed = true;
    let depth = 1;
    for (;;) {
      const kind = this.next();
      if (kind === "eof") throw new LexError(templateLine, "unterminated template literal");
      if (kind !== "punct") continue;
      if (this.value === "{") depth++;
      else if (this.value === "}" && --depth === 0) return;
    }
  }

  #readNumber(): TokenKind {
    const text = this.#text;
    const start = this.#pos;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      const exponentSign = (c === 0x2b || c === 0x2d) && /[eE]/.test(text[this.#pos - 1] ?? "") && !/^0[xX]/.test(text.slice(start, start + 2));
      if (!(isIdentifierPart(c) || c === 0x2e || exponentSign)) break;
      this.#pos++;
    }
    return this.#set("number", text.slice(start, this.#pos), false);
  }

  #readRegex(): TokenKind {
    const text = this.#text;
    const start = this.#pos++;
    let inClass = false;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (c === 0x0a) break;
      this.#pos++;
      if (c === 0x5c) this.#pos++;
      else if (c === 0x5b) inClass = true;
      else if (c === 0x5d) inClass = false;
      else if (c === 0x2f && !inClass) {
        while (this.#pos < text.length && isIdentifierPart(text.charCodeAt(this.#pos))) this.#pos++;
        return this.#set("regex", text.slice(start, this.#pos), false);
      }
    }
    // No closing `/` on the line: it was a division after all (`i++ / 2`).
    this.#pos = start + 1;
    return this.#set("punct", "/", true);
  }

  #readPunct(): TokenKind {
    const text = this.#text;
    const c = text[this.#pos] ?? "";
    const next = text[this.#pos + 1];
    let value = c;
    if (c === "=" && (next === "=" || next === ">")) {
      value = text.startsWith("===", this.#pos) ? "===" : c + next;
    } else if (next === "=" && "!<>+-*/%&|^".includes(c)) {
      value = text.startsWith("!==", this.#pos) ? "!==" : c + next;
    } else if (c === "." && text.startsWith("...", this.#pos)) {
      value = "...";
    } else if ((c === "+" || c === "-") && next === c) {
      value = c + c;
    }
    this.#pos += value.length;
    // After a closing bracket or a postfix `++` a `/` divides; after any other punctuator
    // it starts a regex.
    return this.#set("punct", value, !(value === ")" || value === "]" || value === "}" || value === "++" || value === "--"));
  }

  /** Applies JavaScript string escapes to the raw text between the quotes. */
  #cook(raw: string): string {
    if (!raw.includes("\\")) return raw.replace(/\r\n?/g, "\n");
    let out = "";
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i] as string;
      if (ch !== "\\") {
        out += ch;
        continue;
      }
      const e = raw[++i] ?? "";
      if (e in SIMPLE_ESCAPES && !(e === "0" && /[0-9]/.test(raw[i + 1] ?? ""))) out += SIMPLE_ESCAPES[e];
      else if (e === "x") {
        out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (e === "u" && raw[i + 1] === "{") {
        const end = raw.indexOf("}", i);
        out += String.fromCodePoint(parseInt(raw.slice(i + 2, end), 16));
        i = end;
      } else if (e === "u") {
        out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e === "\r") {
        if (raw[i + 1] === "\n") i++;
      } else if (e !== "\n") {
        out += e;
      }
    }
    return out;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24 ||
    (c > 0x7f && c !== 0xa0 && c !== 0xfeff && c !== 0x2028 && c !== 0x2029);
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}
