// Reads a TypeScript/JavaScript revision's metadata — top-level `export const NAME = <literal>`
// — without compiling or running the file, so building the graph never executes user code.
// Only literals are accepted: a value that needs evaluating is an error naming file:line.
import { AthanorError } from "../graph/errors.js";
import { LexError, TsLexer, type TokenKind } from "./ts-lexer.js";
import { readPlainHeader } from "./read-ts-header.js";
import { METADATA_NAMES, isMetadataName, type MetadataName, type RawMetadata } from "./revision-metadata.js";

// Any mention of a metadata name; one regex pass finds the last one several times faster
// than a lastIndexOf per name.
const MENTION = new RegExp(METADATA_NAMES.join("|"), "g");

function lastMentionIn(text: string): number {
  MENTION.lastIndex = 0;
  let last = -1;
  for (let match = MENTION.exec(text); match !== null; match = MENTION.exec(text)) last = match.index;
  return last;
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
    throw new AthanorError("INVALID_REVISION_FILE", `${path}:${error.line}: ${error.message}; athanor cannot read this file's metadata`, {
      hint: "Fix the syntax error (the file would not compile either).",
      details: { file: path, line: error.line },
      cause: error,
    });
  }
}

class MetadataReader {
  readonly #fields: { -readonly [K in MetadataName]?: { value: unknown; line: number } } = {};

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
      if (depth === 0 && kind === "identifier" && lx.value === "export") {
        kind = this.#afterExport();
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

  /** Just read `export`; returns the next unprocessed token. */
  #afterExport(): TokenKind {
    const lx = this.lx;
    let kind = lx.next();
    if (kind !== "identifier" || !(lx.value === "const" || lx.value === "let" || lx.value === "var")) return kind;
    const keyword = lx.value;
    kind = lx.next();
    if (kind !== "identifier" || !isMetadataName(lx.value)) return kind;
    const name = lx.value as MetadataName;
    const line = lx.line;
    if (keyword !== "const") {
      this.#fail(line, `${name} is declared with \`${keyword}\``, `Declare it as \`export const ${name} = …;\` so it cannot change at run time.`);
    }
    const previous = this.#fields[name];
    if (previous !== undefined) {
      this.#fail(line, `${name} is declared twice (first on line ${previous.line})`, "Keep one declaration.");
    }
    const value = this.#readInitializer(name);
    this.#fields[name] = { value, line };
    return this.#readTerminator(name);
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
    if (kind === "eof") return kind;
    if (lx.isPunct(";")) return lx.next();
    // A new statement on the next line ends the declaration (automatic semicolon insertion).
    if (lx.newlineBefore && kind !== "punct" && kind !== "regex") return kind;
    return this.#notLiteral(name, `${describeToken(lx)} after the value (an expression, not a literal)`);
  }

  #notLiteral(name: MetadataName, found: string): never {
    const kinds =
      name === "transactional" ? "true or false"
      : name === "statementTimeout" || name === "lockTimeout" ? 'a duration string like "5min" or a number of milliseconds'
      : "a string, an array of strings or null";
    return this.#fail(
      this.lx.line,
      `${name} must be a literal value (${kinds}); found ${found}. Revision metadata is read without running the file`,
      `Write the value itself, e.g. ${example(name)}`,
    );
  }

  #fail(line: number, message: string, hint: string): never {
    throw new AthanorError("INVALID_REVISION_FILE", `${this.path}:${line}: ${message}`, {
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
    case "revision": return 'export const revision = "0002";';
    case "downRevision": return 'export const downRevision = "0001"; (null for a base, ["a", "b"] for a merge)';
    case "branchLabels": return 'export const branchLabels = ["feature_x"];';
    case "dependsOn": return 'export const dependsOn = ["0003"];';
    case "message": return 'export const message = "add users table";';
    case "createDate": return 'export const createDate = "2025-12-15 10:00:00";';
    case "transactional": return "export const transactional = false;";
    case "statementTimeout": return 'export const statementTimeout = "5min";';
    case "lockTimeout": return 'export const lockTimeout = "2s";';
  }
}
