// The quick way through a revision file's metadata, for the header athanor's template
// writes (and most hand-written ones): line by line with one regex instead of the
// tokenizer. It accepts only lines whose meaning is plain (imports, `//` comments,
// `export const NAME = <string | null | true | false | [strings]>;`) and returns null on
// anything else, which the tokenizer then reads (read-ts-metadata.ts). On every header
// it accepts, it gives exactly the tokenizer's answer: read-ts-header.test.ts compares the two.
import { ownString } from "./own-string.js";
import { isMetadataName, type MetadataName, type RawMetadata } from "./revision-metadata.js";

// ECMAScript's line terminators: LF, CR (alone or before LF), U+2028 and U+2029 each end
// a line and a `//` comment, as in the tokenizer (ts-escapes.ts).
const NOT_EOL = String.raw`\n\r\u2028\u2029`;
const EOL = String.raw`(?:\r\n?|\n|\u2028|\u2029|$)`;

// A string without escapes, line terminators or its own quote: its value is its text.
const STRING = String.raw`"[^"\\${NOT_EOL}]*"|'[^'\\${NOT_EOL}]*'`;
const ARRAY = String.raw`\[[ \t]*(?:(?:${STRING})[ \t]*(?:,[ \t]*(?:${STRING})[ \t]*)*,?[ \t]*)?\]`;
// A type annotation the tokenizer would skip: no `=`, `;`, quotes, `/` (a comment) or line break.
const ANNOTATION = String.raw`:[^=;"'\x60/${NOT_EOL}]*`;

/**
 * One line, from its start: blank; a `//` comment; an import ending in `from "x";`; or a
 * metadata declaration ending in `;`, whose name and value are groups 1 and 2 (numbered,
 * not named: a groups object per line is 80,000 objects on 10,000 files).
 */
const LINE = new RegExp(
  String.raw`[ \t]*(?:` +
    String.raw`//[^${NOT_EOL}]*|` +
    String.raw`import\b[^;"'\x60/${NOT_EOL}]*\bfrom[ \t]*(?:${STRING})[ \t]*;|` +
    String.raw`export[ \t]+const[ \t]+([A-Za-z]+)[ \t]*(?:${ANNOTATION})?=[ \t]*(${STRING}|null|true|false|${ARRAY})[ \t]*;` +
    String.raw`)?[ \t]*` +
    EOL,
  "y",
);
const ARRAY_ITEM = new RegExp(STRING, "g");

/**
 * The metadata declared in the lines up to and including the one holding `lastMention`
 * (past it, nothing can declare metadata), or null when some line there is not one of
 * the plain forms.
 */
export function readPlainHeader(text: string, lastMention: number): RawMetadata | null {
  const fields: { -readonly [K in MetadataName]?: { value: unknown; line: number } } = {};
  let position = 0;
  let line = 1;
  while (position <= lastMention) {
    LINE.lastIndex = position;
    const match = LINE.exec(text);
    if (match === null || LINE.lastIndex === position) return null;
    const name = match[1];
    const value = match[2];
    if (name !== undefined && value !== undefined) {
      // Another export, or a second declaration (an error the tokenizer words): not plain.
      if (!isMetadataName(name) || fields[name] !== undefined) return null;
      fields[name] = { value: valueOf(value), line };
    }
    position = LINE.lastIndex;
    line++;
  }
  // The tokenizer reads one token past the header: if that one may be unterminated (a
  // comment, string or template), it is the tokenizer's error to report.
  TRIVIA.lastIndex = position;
  TRIVIA.exec(text);
  return RISKY_START.test(text.slice(TRIVIA.lastIndex, TRIVIA.lastIndex + 2)) ? null : fields;
}

// Whitespace and `//` comments, then what starts the next token.
const TRIVIA = new RegExp(String.raw`(?:\s|//[^${NOT_EOL}]*)*`, "y");
const RISKY_START = /^(?:\/\*|["'\x60])/;

function valueOf(literal: string): unknown {
  switch (literal) {
    case "null":
      return null;
    case "true":
      return true;
    case "false":
      return false;
  }
  if (literal.startsWith("[")) return (literal.match(ARRAY_ITEM) ?? []).map(unquote);
  return unquote(literal);
}

function unquote(quoted: string): string {
  return ownString(quoted.slice(1, -1));
}
