// ECMAScript's escapes in string and template literals, applied to the raw text between
// the quotes. A revision is an ES module, so it is strict: a legacy octal escape (`\1`,
// `\08`) or `\8` is a syntax error there, as are a malformed `\x`/`\u`, and the reader
// refuses them rather than give them a value the module would never have.

/** LF, CR, U+2028 and U+2029: what ends a line and a `//` comment in JavaScript. */
export function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

const SIMPLE: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v" };
const HEX = /^[0-9a-fA-F]+$/;

export interface EscapeError {
  readonly message: string;
  /** Line terminators in the raw text before the bad escape. */
  readonly linesBefore: number;
}

/** The cooked value, or what is wrong with an escape. */
export function cookEscapes(raw: string, template: boolean): string | EscapeError {
  if (!raw.includes("\\")) return raw;
  let out = "";
  let lines = 0;
  const bad = (what: string): EscapeError => ({
    message: `${what} in a ${template ? "template literal" : "string"} (a syntax error in an ES module)`,
    linesBefore: lines,
  });
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch !== "\\") {
      if (isLineTerminator(ch.charCodeAt(0)) && !(ch === "\r" && raw[i + 1] === "\n")) lines++;
      out += ch;
      continue;
    }
    const e = raw[++i] ?? "";
    if (e in SIMPLE) out += SIMPLE[e];
    else if (e === "0" && !/[0-9]/.test(raw[i + 1] ?? "")) out += "\0";
    else if (/[0-9]/.test(e)) return bad(`the octal escape \`\\${e}\``);
    else if (e === "x") {
      const digits = raw.slice(i + 1, i + 3);
      if (digits.length !== 2 || !HEX.test(digits)) return bad("a `\\x` escape without two hex digits");
      out += String.fromCharCode(parseInt(digits, 16));
      i += 2;
    } else if (e === "u" && raw[i + 1] === "{") {
      const end = raw.indexOf("}", i);
      const digits = end === -1 ? "" : raw.slice(i + 2, end);
      const point = HEX.test(digits) ? parseInt(digits, 16) : NaN;
      if (!(point <= 0x10ffff)) return bad("a `\\u{…}` escape that is not a code point");
      out += String.fromCodePoint(point);
      i = end;
    } else if (e === "u") {
      const digits = raw.slice(i + 1, i + 5);
      if (digits.length !== 4 || !HEX.test(digits)) return bad("a `\\u` escape without four hex digits");
      out += String.fromCharCode(parseInt(digits, 16));
      i += 4;
    } else if (e === "\r") {
      // A line continuation: the backslash and the line terminator are no part of the value.
      if (raw[i + 1] === "\n") i++;
      lines++;
    } else if (isLineTerminator(e.charCodeAt(0))) {
      lines++;
    } else {
      out += e;
    }
  }
  return out;
}
