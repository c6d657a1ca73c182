// A small JavaScript/TypeScript tokenizer: just enough to find top-level `export const`
// declarations without running or compiling the file. It reads comments, strings,
// template literals (nested `${}` included) and regex literals as ECMAScript does, so
// that none of them can hide or fake a declaration: the four line terminators (LF, CR,
// U+2028, U+2029) end a `//` comment and count as lines, and ts-slash-context.ts decides
// whether a `/` is a regex or a division. What it cannot read the way the module would
// run (an ambiguous `/`, an escape a module refuses) is a LexError naming the line.
import { ownString } from "./own-string.js";
import { SlashContext, type SlashMeaning } from "./ts-slash-context.js";
import { cookEscapes, isLineTerminator } from "./ts-escapes.js";

export type TokenKind = "eof" | "identifier" | "string" | "template" | "number" | "regex" | "punct";

/** Thrown by the lexer; the caller turns it into an AthanorError naming the file. */
export class LexError extends Error {
  constructor(
    readonly line: number,
    message: string,
    /** What to do, when it is not fixing a syntax error. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

// Punctuators longer than one character, longest first where one starts another.
const PUNCTUATORS = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "**",
  "<<",
  ">>",
];
// The longer punctuators by their first character (most characters start none): one
// lookup instead of trying each of them at every punctuator.
const LONGER_BY_FIRST: (string[] | undefined)[] = [];
for (const p of PUNCTUATORS) (LONGER_BY_FIRST[p.charCodeAt(0)] ??= []).push(p);

const ID_START = /[\p{ID_Start}$_]/u;
const ID_PART = /[\p{ID_Continue}$\u200c\u200d]/u;
const SPACE_SEPARATOR = /\p{Zs}/u;

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
  /** 1-based line where the current token starts (ECMAScript's line terminators). */
  line = 1;
  /** A line terminator separates the current token from the previous one (for ASI). */
  newlineBefore = false;
  /**
   * What a `/` would have meant in place of the current token: "division" when the
   * tokens before end a value (so a line break before this one may end the statement),
   * "regex" when an operand must follow, "arrowBody" right after an arrow function's
   * block body, "ambiguous" when the tokens cannot tell.
   */
  before: SlashMeaning = "regex";

  #pos = 0;
  #line = 1;
  #value: string | undefined = "";
  #start = 0;
  #end = 0;
  readonly #text: string;
  readonly #slash = new SlashContext();
  /** The last `}` closed a template's `${`, not a bracket. */
  #closedSubstitution = false;

  constructor(text: string) {
    this.#text = text;
    if (text.startsWith("#!")) {
      while (this.#pos < text.length && !isLineTerminator(text.charCodeAt(this.#pos))) this.#pos++;
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
    this.before = this.#slash.slash;
    this.#skipTrivia();
    const text = this.#text;
    this.line = this.#line;
    this.substitution = false;
    this.#start = this.#pos;
    if (this.#pos >= text.length) return this.#set("eof", "");
    const c = text.charCodeAt(this.#pos);
    if (c === 0x5c || (c < 0x80 ? isAsciiIdStart(c) : ID_START.test(String.fromCodePoint(text.codePointAt(this.#pos) as number)))) {
      return this.#readIdentifier();
    }
    if (c === 0x22 || c === 0x27) return this.#set("string", this.#readString(c));
    if (c === 0x60) return this.#readTemplate();
    if (c === 0x7d && this.#slash.inSubstitution) {
      this.#slash.closeSubstitution();
      this.#pos++;
      this.#closedSubstitution = true;
      this.kind = "punct";
      this.#value = "}";
      return "punct";
    }
    if (isDigit(c) || (c === 0x2e && isDigit(text.charCodeAt(this.#pos + 1)))) return this.#readNumber();
    if (c === 0x2f) {
      const meaning = this.#slash.slash;
      if (meaning === "ambiguous" || (meaning === "arrowBody" && !this.newlineBefore)) {
        throw new LexError(
          this.#line,
          "a `/` that could start a regular expression or divide, depending on how the code before it parses",
          "Put the regular expression in parentheses, or the division's left side, so the `/` can only mean one thing.",
        );
      }
      if (meaning === "regex" || meaning === "arrowBody") return this.#readRegex();
    }
    return this.#readPunct();
  }

  #set(kind: TokenKind, value: string): TokenKind {
    this.kind = kind;
    this.#value = value;
    this.#slash.see(kind, value, this.newlineBefore);
    return kind;
  }

  #readIdentifier(): TokenKind {
    const text = this.#text;
    const length = text.length;
    let pos = this.#pos;
    while (pos < length && isAsciiIdPart(text.charCodeAt(pos))) pos++;
    this.#pos = pos;
    while (this.#pos < length) {
      const c = text.charCodeAt(this.#pos);
      if (c === 0x5c) {
        throw new LexError(this.#line, "a name written with a \\u escape; write the name itself");
      }
      if (c < 0x80) {
        if (!isAsciiIdPart(c)) break;
        this.#pos++;
        continue;
      }
      const point = text.codePointAt(this.#pos) as number;
      if (!ID_PART.test(String.fromCodePoint(point))) break;
      this.#pos += point > 0xffff ? 2 : 1;
    }
    this.#end = this.#pos;
    this.kind = "identifier";
    this.#value = undefined;
    this.#slash.see("identifier", this.value, this.newlineBefore);
    return "identifier";
  }

  /** Skips whitespace and comments, counting lines. */
  #skipTrivia(): void {
    const text = this.#text;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (isLineTerminator(c)) {
        this.#newline(c);
      } else if (
        c === 0x20 ||
        c === 0x09 ||
        c === 0x0b ||
        c === 0x0c ||
        c === 0xa0 ||
        c === 0xfeff ||
        (c > 0x7f && SPACE_SEPARATOR.test(text[this.#pos] as string))
      ) {
        this.#pos++;
      } else if (c === 0x2f && text.charCodeAt(this.#pos + 1) === 0x2f) {
        this.#pos += 2;
        while (this.#pos < text.length && !isLineTerminator(text.charCodeAt(this.#pos))) this.#pos++;
      } else if (c === 0x2f && text.charCodeAt(this.#pos + 1) === 0x2a) {
        const startLine = this.#line;
        this.#pos += 2;
        for (;;) {
          if (this.#pos >= text.length) throw new LexError(startLine, "unterminated /* comment");
          const d = text.charCodeAt(this.#pos);
          if (d === 0x2a && text.charCodeAt(this.#pos + 1) === 0x2f) break;
          if (isLineTerminator(d)) this.#newline(d);
          else this.#pos++;
        }
        this.#pos += 2;
      } else if (c === 0x3c && text.startsWith("<!--", this.#pos)) {
        throw new LexError(this.#line, "`<!--` (an HTML comment, which an ES module does not allow)");
      } else if (c === 0x2d && text.startsWith("-->", this.#pos) && this.#onlyTriviaBeforeOnLine()) {
        throw new LexError(this.#line, "`-->` at the start of a line (an HTML comment, which an ES module does not allow)");
      } else {
        return;
      }
    }
  }

  /** Nothing but whitespace and comments before the current position on its line. */
  #onlyTriviaBeforeOnLine(): boolean {
    return this.newlineBefore || (this.#line === 1 && this.kind === "eof" && this.#start === 0);
  }

  /** Steps over the line terminator `c` at the current position (CR LF is one). */
  #newline(c: number): void {
    this.#pos += c === 0x0d && this.#text.charCodeAt(this.#pos + 1) === 0x0a ? 2 : 1;
    this.#line++;
    this.newlineBefore = true;
  }

  #readString(quote: number): string {
    const text = this.#text;
    const start = ++this.#pos;
    const startLine = this.#line;
    let escaped = false;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (c === quote) {
        const raw = text.slice(start, this.#pos++);
        return escaped ? this.#cook(raw, startLine, false) : ownString(raw);
      }
      if (c === 0x5c) {
        escaped = true;
        this.#pos++;
        const e = text.charCodeAt(this.#pos);
        if (isLineTerminator(e)) this.#newline(e);
        else this.#pos++;
      } else if (c === 0x0a || c === 0x0d) {
        break;
      } else {
        // U+2028 and U+2029 may stand in a string (ES2019) and still end a line.
        if (c === 0x2028 || c === 0x2029) this.#line++;
        this.#pos++;
      }
    }
    throw new LexError(startLine, "unterminated string");
  }

  /** Reads a whole template literal, lexing (and discarding) the `${…}` expressions in it. */
  #readTemplate(): TokenKind {
    const text = this.#text;
    const startLine = this.#line;
    const newlineBefore = this.newlineBefore;
    const before = this.before;
    const tokenStart = this.#pos;
    let start = ++this.#pos;
    let raw = "";
    let substitution = false;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (c === 0x60) {
        raw += text.slice(start, this.#pos++);
        this.line = startLine;
        this.newlineBefore = newlineBefore;
        this.before = before;
        this.substitution = substitution;
        this.#start = tokenStart;
        this.kind = "template";
        // Template text reads CR LF and CR as LF (ECMAScript's TV), then the escapes.
        this.#value = substitution ? "" : ownString(this.#cook(raw.replace(/\r\n?/g, "\n"), startLine, true));
        this.#slash.endTemplate();
        return "template";
      }
      if (c === 0x5c) {
        this.#pos++;
        const e = text.charCodeAt(this.#pos);
        if (isLineTerminator(e)) this.#newline(e);
        else this.#pos++;
      } else if (c === 0x24 && text.charCodeAt(this.#pos + 1) === 0x7b) {
        substitution = true;
        this.#pos += 2;
        this.#skipSubstitution(startLine);
        start = this.#pos;
      } else if (isLineTerminator(c)) {
        raw += text.slice(start, this.#pos);
        start = this.#pos;
        this.#newline(c);
      } else {
        this.#pos++;
      }
    }
    throw new LexError(startLine, "unterminated template literal");
  }

  /** Lexes the tokens of a `${…}` up to the `}` that closes it (nested templates included). */
  #skipSubstitution(templateLine: number): void {
    this.#slash.openSubstitution();
    for (;;) {
      const kind = this.next();
      if (this.#closedSubstitution) {
        this.#closedSubstitution = false;
        return;
      }
      if (kind === "eof") throw new LexError(templateLine, "unterminated template literal");
    }
  }

  #readNumber(): TokenKind {
    const text = this.#text;
    const start = this.#pos;
    const hex = /^0[xX]/.test(text.slice(start, start + 2));
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      const previous = text.charCodeAt(this.#pos - 1);
      const exponentSign = (c === 0x2b || c === 0x2d) && (previous === 0x65 || previous === 0x45) && !hex;
      if (!(isAsciiIdPart(c) || c === 0x2e || exponentSign)) break;
      this.#pos++;
    }
    return this.#set("number", text.slice(start, this.#pos));
  }

  #readRegex(): TokenKind {
    const text = this.#text;
    const start = this.#pos++;
    let inClass = false;
    while (this.#pos < text.length) {
      const c = text.charCodeAt(this.#pos);
      if (isLineTerminator(c)) break;
      this.#pos++;
      if (c === 0x5c) {
        if (this.#pos >= text.length || isLineTerminator(text.charCodeAt(this.#pos))) break;
        this.#pos++;
      } else if (c === 0x5b) inClass = true;
      else if (c === 0x5d) inClass = false;
      else if (c === 0x2f && !inClass) {
        while (this.#pos < text.length && isAsciiIdPart(text.charCodeAt(this.#pos))) this.#pos++;
        return this.#set("regex", text.slice(start, this.#pos));
      }
    }
    throw new LexError(this.#line, "unterminated regular expression (a `/` where JavaScript expects a value starts one)");
  }

  #readPunct(): TokenKind {
    const text = this.#text;
    const c = text.charCodeAt(this.#pos);
    let value: string | undefined;
    const longer = c < 0x80 ? LONGER_BY_FIRST[c] : undefined;
    if (longer !== undefined) {
      for (const p of longer) {
        if (!text.startsWith(p, this.#pos)) continue;
        // `?.` followed by a digit is `?` then a number (`a?.5:b`).
        if (p === "?." && isDigit(text.charCodeAt(this.#pos + 2))) continue;
        value = p;
        break;
      }
    }
    // A lone surrogate pair stays one (unknown) punctuator.
    value ??= c >= 0xd800 && c < 0xdc00 ? text.slice(this.#pos, this.#pos + 2) : (text[this.#pos] as string);
    this.#pos += value.length;
    return this.#set("punct", value);
  }

  /** Applies JavaScript string escapes to the raw text between the quotes. */
  #cook(raw: string, startLine: number, template: boolean): string {
    const cooked = cookEscapes(raw, template);
    if (typeof cooked === "string") return cooked;
    throw new LexError(startLine + cooked.linesBefore, cooked.message);
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

// ASCII characters by what they may be in a name: 1 start or part, 2 part only.
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24) ASCII_NAME[c] = 1;
  else if (isDigit(c)) ASCII_NAME[c] = 2;
}

function isAsciiIdStart(c: number): boolean {
  return ASCII_NAME[c] === 1;
}

/** `c` (below 0x80, or any: false above) may be part of a name. */
function isAsciiIdPart(c: number): boolean {
  return c < 0x80 && ASCII_NAME[c] !== 0;
}
