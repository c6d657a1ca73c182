// The code tokens of one SQL statement, for the classifier: comments and whitespace
// dropped, strings kept as opaque values, bare words lower-cased, quoted identifiers
// unquoted. Built on the dialect's lexer, so a keyword inside a string, a comment or a
// dollar-quoted body is never read as code.
import { SqlScanner } from "../dialect/postgres/sql-lexer.js";

export interface SqlToken {
  /** word: a keyword or bare identifier (lower-cased); ident: a "quoted" identifier (as written inside the quotes). */
  readonly kind: "word" | "ident" | "string" | "punct" | "other";
  readonly text: string;
  /** Offset in the statement, to count lines. */
  readonly start: number;
}

/**
 * The tokens of `sql`, at most `limit` of them: classification needs the head of a
 * statement, and a data revision's INSERT can be megabytes long.
 */
export function sqlTokens(sql: string, limit = 2000): SqlToken[] {
  const tokens: SqlToken[] = [];
  const scanner = new SqlScanner(sql);
  while (tokens.length < limit && scanner.next()) {
    const { kind, start } = scanner;
    if (kind === "space" || kind === "lineComment" || kind === "blockComment") continue;
    if (kind === "word") tokens.push({ kind: "word", text: scanner.text.toLowerCase(), start });
    else if (kind === "identifier") tokens.push({ kind: "ident", text: scanner.text.slice(1, -1).replaceAll('""', '"'), start });
    else if (kind === "string" || kind === "dollar") tokens.push({ kind: "string", text: scanner.text, start });
    else if (kind === "other" && /^[(),.*=]$/.test(scanner.text)) tokens.push({ kind: "punct", text: scanner.text, start });
    else tokens.push({ kind: kind === "semicolon" ? "punct" : "other", text: scanner.text, start });
  }
  return tokens;
}

/** A name as PostgreSQL folds it: quoted as written, bare lower-cased (sqlTokens already did). */
export function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === "word" || token.kind === "ident");
}

/** The tokens as text again (for types and expressions in messages), spaced the way one writes SQL. */
export function joinTokens(tokens: readonly SqlToken[]): string {
  let text = "";
  let previous: SqlToken | undefined;
  for (const token of tokens) {
    const tight =
      previous === undefined ||
      token.text === ")" ||
      token.text === "," ||
      token.text === "." ||
      previous.text === "(" ||
      previous.text === "." ||
      (token.text === "(" && previous.kind === "word");
    const shown = token.kind === "ident" ? `"${token.text.replaceAll('"', '""')}"` : token.text;
    text += (tight ? "" : " ") + shown;
    previous = token;
  }
  return text.replace(/ ?: ?: ?/g, "::");
}
