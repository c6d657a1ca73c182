// Catalog expressions as model source: a server default as the literal a person writes
// (`.default(0)`, `.default("draft")`) when it is one, else `sql\`now()\``; checks and
// index expressions as `sql` templates with the table's columns interpolated
// (`sql\`${t.price} > 0\``), which render back to the same text and give a check the
// default name PostgreSQL would (`<table>_<column>_check`).
import { scanSql } from "../dialect/postgres/sql-lexer.js";
import { unquoteIdentifier } from "../dialect/postgres/quote.js";
import { normalizeType } from "./normalize-type.js";

/** Text as the static part of a template literal: `\`, backtick and `${` escaped. */
function templateText(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${");
}

/** `sql\`…\`` taken as written. */
export function rawSql(text: string): string {
  return `sql\`${templateText(text)}\``;
}

export interface SqlTemplate {
  readonly source: string;
  /** The SQL names of the columns interpolated, in order (what sql`` records). */
  readonly columns: readonly string[];
}

/**
 * `sql\`${t.price} > 0\``: identifiers that name a column of the table become
 * interpolations; function names, qualified names and type names stay text.
 */
export function sqlTemplate(text: string, keys: ReadonlyMap<string, string>, tableVar = "t"): SqlTemplate {
  const tokens = scanSql(text);
  const significant = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < tokens.length; j += step) if (tokens[j]!.kind !== "space") return tokens[j]!;
    return undefined;
  };
  let source = "";
  const columns: string[] = [];
  tokens.forEach((token, i) => {
    const name = token.kind === "identifier" ? unquoteIdentifier(token.text) : token.kind === "word" ? token.text : null;
    const key = name === null ? undefined : keys.get(name);
    const before = significant(i, -1);
    const after = significant(i, 1);
    const beforeThat = before ? significant(tokens.indexOf(before), -1) : undefined;
    const isCast = before?.text === ":" && beforeThat?.text === ":";
    if (key !== undefined && name !== null && before?.text !== "." && after?.text !== "(" && after?.text !== "." && !isCast) {
      source += `\${${tableVar}.${key}}`;
      columns.push(name);
    } else source += templateText(token.text);
  });
  return { source: `sql\`${source}\``, columns };
}

const castedString = /^'((?:[^']|'')*)'::(.+)$/s;
const number = /^-?\d+(\.\d+)?$/;
const negativeNumber = /^'(-\d+(?:\.\d+)?)'::(?:integer|bigint|smallint|numeric|real|double precision)$/;

/** A type without its modifier: `character varying(20)` → `character varying`. */
const baseType = (type: string) => normalizeType(type).replace(/\(.*?\)/, "");

/** The argument of `.default(…)` for a catalog default on a column of `type`. */
export function defaultSource(text: string, type: string): string {
  if (text === "true" || text === "false") return text;
  if (number.test(text) && String(Number(text)) === text && Number.isSafeInteger(Math.trunc(Number(text)))) return text;
  const negative = negativeNumber.exec(text);
  if (negative?.[1] !== undefined && String(Number(negative[1])) === negative[1]) return negative[1];
  const str = castedString.exec(text);
  if (str?.[1] !== undefined && str[2] !== undefined && baseType(str[2]) === baseType(type)) {
    return JSON.stringify(str[1].replaceAll("''", "'"));
  }
  return rawSql(text);
}
