// Reads a TypeScript/JavaScript revision's metadata — top-level `export const NAME = <literal>`
// — without compiling or running the file, so building the graph never executes user code.
// Only literals are accepted: a value that needs evaluating is an error naming file:line.
import { errors } from "../error-factories.js";
import { LexError, TsLexer, type TokenKind } from "./ts-lexer.js";
import { readPlainHeader } from "./read-ts-header.js";
import { METADATA_NAMES, isMetadataName, type MetadataName, type RawMetadata } from "./revision-metadata.js";

// Any mention of a metadata name; one regex pass finds the last one several times faster
// than a lastIndexOf per name. A `\u` may spell a name in escapes and `export *` may
// export one unnamed: the reader must reach those too, to refuse them.
const MENTION = new RegExp([...METADATA_NAMES, String.raw`\\u`, String.raw`export\s*\*`].join("|"), "g");

function lastMentionIn(text: string): number {
  MENTION.lastIndex = 0;
  let last = -1;
  for (let match = MENTION.exec(text); match !== null; match = MENTION.exec(text)) last = match.index;
  return last;
}

// After a value and a line break, a token that cannot go on with the expression ends the
// statement (automatic semicolon insertion); these can. TypeScript's `as`, `satisfies`
// and postfix `!` do not reach across a line break, and `++`/`--` may not.
const CONTINUING_NAMES = new Set(["in", "instanceof"]);
const STARTING_PUNCT = new Set(["{", "++", "--", "!", "~", ";", "@", "#"]);

/** The current token, after a line break that follows a value, goes on with the expression. */
function continuesExpression(lx: TsLexer, kind: TokenKind): boolean {
  if (kind === "punct") return !STARTING_PUNCT.has(lx.value);
  if (kind === "identifier") return CONTINUING_NAMES.has(lx.value);
  return kind === "template"; // a tagged template: "x"\n`y` calls "x"
}

const OPENERS = new Set(["(", "[", "{", "<"]);
const CLOSERS = new Set([")", "]", "}", ">"]);
const TYPE_PUNCT = new Set(["|", "&", ".", ",", ":", "?", "=>"]);

/** Collects the metadata declarations of one file; `path` is used in error messages. */
export function readTsMetadata(text: string, path: string): RawMetadata {
  const lastMention = lastMentionIn(text);
  return readPlainHeader(text, lastMention) ?? readWithLexer(text, path, lastMention);
}

/** The tokenizer's reading: any file, and the errors that name file:line. */
export function readWithLexer(text: string, path: string, lastMention = lastMentionIn(text)): RawMetadata {
  try {
    return new MetadataReader(new TsLexer(text), path, lastMention).read();
  } catch (error) {
    if (!(error instanceof LexError)) throw error;
    throw errors.invalidRevisionFile(`${path}:${error.line}: ${error.message}; athanor cannot read this file's metadata`, {
      hint: error.hint ?? "Fix the syntax error (the file would not compile either).",
      details: { file: path, line: error.line },
      cause: error,
    });
  }
}

class MetadataReader {
  readonly #fields: { -readonly [K in MetadataName]?: { value: unknown; line: number } } = {};
  /** Inside an `export const|let|var` statement whose declarators are not all read: its keyword. */
  #inDeclaration = "";
  /** A line break in it where the tokens cannot tell whether the statement ended: its line. */
  #uncertainEnd = 0;

  constructor(
    private readonly lx: TsLexer,
    private readonly path: string,
    private readonly lastMention: number,
  ) {}

  read(): RawMetadata {
    const lx = this.lx;
    // Past the last place any metadata name is written, no token can declare one: the
    // rest of the file (usually the upgrade and downgrade bodies) need not be read.
    const lastMention = this.lastMention;
    let depth = 0;
    let kind = lx.next();
    while (kind !== "eof") {
      if (depth === 0 && lx.offset > lastMention) break;
      if (depth === 0 && this.#inDeclaration !== "") this.#checkEnd(kind);
      if (depth === 0 && kind === "identifier" && lx.value === "export") {
        this.#inDeclaration = "";
        this.#uncertainEnd = 0;
        kind = this.#afterExport();
        continue;
      }
      if (depth === 0 && this.#inDeclaration !== "" && lx.isPunct(",")) {
        // `export const a = 1, revision = "x";` declares both.
        kind = this.#declarators(this.#inDeclaration);
        continue;
      }
      if (kind === "punct") {
        if (lx.value === "{" || lx.value === "(" || lx.value === "[") depth++;
        else if ((lx.value === "}" || lx.value === ")" || lx.value === "]") && depth > 0) depth--;
      }
      kind = lx.next();
    }
    return this.#fields;
  }

  /** Ends the `export const|let|var` statement being read if it ends before this token. */
  #checkEnd(kind: TokenKind): void {
    const lx = this.lx;
    if (lx.isPunct(";")) {
      this.#inDeclaration = "";
      this.#uncertainEnd = 0;
    } else if (lx.newlineBefore && lx.before === "arrowBody" && !lx.isPunct(",")) {
      // Only a `,` goes on after an arrow function's body.
      this.#inDeclaration = "";
      this.#uncertainEnd = 0;
    } else if (lx.newlineBefore && lx.before !== "regex" && !continuesExpression(lx, kind)) {
      if (lx.before === "division") {
        this.#inDeclaration = "";
        this.#uncertainEnd = 0;
      } else if (this.#uncertainEnd === 0) {
        this.#uncertainEnd = lx.line;
      }
    }
  }

  /** Just read `export`; returns the next unprocessed token. */
  #afterExport(): TokenKind {
    const lx = this.lx;
    let kind = lx.next();
    if (lx.isPunct("{") || lx.isPunct("*")) return this.#reexport();
    if (kind !== "identifier") return kind;
    if (lx.value === "const" || lx.value === "let" || lx.value === "var") return this.#declarators(lx.value);
    if (lx.value === "async") kind = lx.next();
    if (kind === "identifier" && (lx.value === "function" || lx.value === "class" || lx.value === "enum" || lx.value === "namespace")) {
      const what = lx.value;
      kind = lx.next();
      if (lx.isPunct("*")) kind = lx.next();
      if (kind === "identifier" && isMetadataName(lx.value)) {
        this.#fail(
          lx.line,
          `${lx.value} is declared as ${what === "enum" || what === "namespace" ? "an" : "a"} ${what}`,
          `Declare it as \`export const ${lx.value} = …;\`: revision metadata is a literal value.`,
        );
      }
    }
    return kind;
  }

  /**
   * `export { … }` or `export * …`: refused when it may export a metadata name, whose
   * value athanor cannot see there (`export { helper as message }` exports `message`,
   * `export { message as helper }` does not).
   */
  #reexport(): TokenKind {
    const lx = this.lx;
    if (lx.isPunct("*")) {
      const line = lx.line;
      const kind = lx.next();
      if (kind !== "identifier" || lx.value !== "as") {
        this.#fail(
          line,
          "`export *` may export revision metadata athanor cannot see",
          "Declare the metadata in the revision file itself (`export const revision = …;`) and export the other names one by one.",
        );
      }
      lx.next();
      this.#refuseExported(lx.value, lx.line, "`export * as`");
      return lx.next();
    }
    let exported = "";
    let exportedLine = 0;
    let afterAs = false;
    for (let kind = lx.next(); ; kind = lx.next()) {
      if (kind === "eof" || lx.isPunct(",") || lx.isPunct("}")) {
        this.#refuseExported(exported, exportedLine, "a list (`export { … }`)");
        if (kind === "eof" || lx.isPunct("}")) return lx.next();
        exported = "";
        afterAs = false;
      } else if (kind === "identifier" && lx.value === "as" && exported !== "" && !afterAs) {
        afterAs = true;
        exported = "";
      } else if (exported === "" && (kind === "identifier" || kind === "string")) {
        exported = lx.value;
        exportedLine = lx.line;
      }
    }
  }

  #refuseExported(name: string, line: number, where: string): void {
    if (!isMetadataName(name)) return;
    this.#fail(line, `${name} is exported from ${where}, which athanor does not read`, `Declare it where it is defined: \`export const ${name} = …;\`.`);
  }

  /**
   * The declarators after `export const` (or `let`/`var`): each metadata one is read; at
   * the first other one the statement goes on in read(), which hands any later `,` back.
   */
  #declarators(keyword: string): TokenKind {
    const lx = this.lx;
    for (;;) {
      let kind = lx.next();
      if (lx.isPunct("{") || lx.isPunct("[")) {
        this.#checkPattern();
        this.#inDeclaration = keyword;
        return lx.next();
      }
      if (kind !== "identifier" || !isMetadataName(lx.value)) {
        this.#inDeclaration = keyword;
        return kind;
      }
      const name = lx.value as MetadataName;
      const line = lx.line;
      if (this.#uncertainEnd !== 0) {
        this.#fail(
          line,
          `cannot tell whether the line break before line ${this.#uncertainEnd} ends the \`export ${keyword}\` statement, so whether ${name} is exported`,
          `Declare it in a statement of its own: ${example(name)}`,
        );
      }
      if (keyword !== "const") {
        this.#fail(line, `${name} is declared with \`${keyword}\``, `Declare it as \`export const ${name} = …;\` so it cannot change at run time.`);
      }
      const previous = this.#fields[name];
      if (previous !== undefined) {
        this.#fail(line, `${name} is declared twice (first on line ${previous.line})`, "Keep one declaration.");
      }
      const value = this.#readInitializer(name);
      this.#fields[name] = { value, line };
      kind = this.#readTerminator(name);
      if (!lx.isPunct(",")) return kind;
    }
  }

  /** A destructuring `export const { … } =`: refused when it binds a metadata name. */
  #checkPattern(): void {
    const lx = this.lx;
    let depth = 1;
    while (depth > 0) {
      const kind = lx.next();
      if (kind === "eof") return;
      if (kind === "identifier" && isMetadataName(lx.value)) {
        this.#fail(
          lx.line,
          `${lx.value} is exported by destructuring, which athanor does not read`,
          `Declare it with a literal value: ${example(lx.value as MetadataName)}`,
        );
      }
      if (kind !== "punct") continue;
      if (lx.value === "{" || lx.value === "[" || lx.value === "(") depth++;
      else if (lx.value === "}" || lx.value === "]" || lx.value === ")") depth--;
    }
  }

  /** Reads `[: type] = <literal>`; leaves the lexer on the literal's last token. */
  #readInitializer(name: MetadataName): unknown {
    const lx = this.lx;
    let kind = lx.next();
    if (lx.isPunct(":")) {
      // Skip the type annotation: everything up to the `=` outside brackets.
      let depth = 0;
      for (;;) {
        kind = lx.next();
        if (kind === "eof" || (depth === 0 && lx.isPunct(";"))) break;
        if (kind !== "punct") continue;
        if (OPENERS.has(lx.value)) depth++;
        else if (CLOSERS.has(lx.value)) depth--;
        else if (lx.value === "=" && depth <= 0) break;
      }
    }
    if (!lx.isPunct("=")) {
      this.#fail(lx.line, `${name} has no value`, `Give it a literal value, e.g. ${example(name)}`);
    }
    lx.next();
    return this.#readLiteral(name);
  }

  #readLiteral(name: MetadataName): unknown {
    const lx = this.lx;
    switch (lx.kind) {
      case "string":
        return lx.value;
      case "template":
        if (lx.substitution) this.#notLiteral(name, "a template string with ${…}");
        return lx.value;
      case "number":
        return Number(lx.value.replaceAll("_", ""));
      case "identifier":
        if (lx.value === "null") return null;
        if (lx.value === "true") return true;
        if (lx.value === "false") return false;
        return this.#notLiteral(name, `\`${lx.value}\`, a name whose value is only known when the file runs`);
      case "punct":
        if (lx.value === "[") return this.#readArray(name);
        return this.#notLiteral(name, `\`${lx.value}\``);
      default:
        return this.#notLiteral(name, lx.kind === "eof" ? "the end of the file" : `a ${lx.kind}`);
    }
  }

  #readArray(name: MetadataName): string[] {
    const lx = this.lx;
    const items: string[] = [];
    for (;;) {
      let kind = lx.next();
      if (lx.isPunct("]")) return items;
      if (kind === "string" || (kind === "template" && !lx.substitution)) items.push(lx.value);
      else if (kind === "template") this.#notLiteral(name, "a template string with ${…} in the array");
      else this.#notLiteral(name, `${describeToken(lx)} in the array`);
      kind = lx.next();
      if (lx.isPunct("]")) return items;
      if (!lx.isPunct(",")) this.#notLiteral(name, `${describeToken(lx)} in the array`);
    }
  }

  /** After the literal: `as const` / `as T` / `satisfies T`, then `;`, end of line or end of file. */
  #readTerminator(name: MetadataName): TokenKind {
    const lx = this.lx;
    let kind = lx.next();
    if (kind === "identifier" && !lx.newlineBefore && (lx.value === "as" || lx.value === "satisfies")) {
      // Skip the type on this line; anything that cannot be part of a type ends it.
      let depth = 0;
      for (;;) {
        kind = lx.next();
        if (kind === "eof" || (depth === 0 && lx.newlineBefore)) break;
        if (kind !== "punct") continue;
        if (OPENERS.has(lx.value)) depth++;
        else if (CLOSERS.has(lx.value)) depth--;
        else if (!TYPE_PUNCT.has(lx.value)) break;
      }
    }
    if (kind === "eof" || lx.isPunct(",")) return kind;
    if (lx.isPunct(";")) return lx.next();
    // A new statement on the next line ends the declaration (automatic semicolon insertion).
    if (lx.newlineBefore && !continuesExpression(lx, kind)) return kind;
    return this.#notLiteral(name, `${describeToken(lx)} after the value (an expression, not a literal)`);
  }

  #notLiteral(name: MetadataName, found: string): never {
    const kinds =
      name === "transactional"
        ? "true or false"
        : name === "statementTimeout" || name === "lockTimeout"
          ? 'a duration string like "5min" or a number of milliseconds'
          : "a string, an array of strings or null";
    return this.#fail(
      this.lx.line,
      `${name} must be a literal value (${kinds}); found ${found}. Revision metadata is read without running the file`,
      `Write the value itself, e.g. ${example(name)}`,
    );
  }

  #fail(line: number, message: string, hint: string): never {
    throw errors.invalidRevisionFile(`${this.path}:${line}: ${message}`, {
      hint,
      details: { file: this.path, line },
    });
  }
}

function describeToken(lx: TsLexer): string {
  if (lx.kind === "eof") return "the end of the file";
  if (lx.kind === "string") return JSON.stringify(lx.value);
  if (lx.kind === "template") return "a template string";
  return `\`${lx.value}\``;
}

function example(name: MetadataName): string {
  switch (name) {
    case "revision":
      return 'export const revision = "0002";';
    case "downRevision":
      return 'export const downRevision = "0001"; (null for a base, ["a", "b"] for a merge)';
    case "branchLabels":
      return 'export const branchLabels = ["feature_x"];';
    case "dependsOn":
      return 'export const dependsOn = ["0003"];';
    case "replaces":
      return 'export const replaces = ["0002", "0003"];';
    case "message":
      return 'export const message = "add users table";';
    case "createDate":
      return 'export const createDate = "2025-12-15 10:00:00";';
    case "transactional":
      return "export const transactional = false;";
    case "statementTimeout":
      return 'export const statementTimeout = "5min";';
    case "lockTimeout":
      return 'export const lockTimeout = "2s";';
  }
}
