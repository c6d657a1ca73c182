// Statements a schema comparison cannot see, so `squash` lists them for the author to
// carry over by hand: data statements (INSERT, UPDATE, DELETE, COPY, MERGE, TRUNCATE, a
// DO block or a CALL that may do either), and DDL on objects autogenerate does not compare
// (functions, triggers, extensions, views, policies, grants…). Told by the first code
// words, as classify-sql.ts tells data statements apart.
import { sqlTokens } from "./sql-tokens.js";

const DATA_WORDS = new Set(["insert", "update", "delete", "copy", "merge", "truncate", "do", "call", "with", "select", "values"]);

/**
 * The statement's leading word when it is a data statement, else undefined. A SELECT
 * that only calls set_config is a session setting, not data.
 *
 * ### Examples
 * ```ts
 * dataStatementWord("UPDATE users SET active = true"); // "update"
 * dataStatementWord("CREATE INDEX ix ON users (email)"); // undefined
 * ```
 */
export function dataStatementWord(sql: string): string | undefined {
  const lead = sqlTokens(sql, 1)[0];
  if (lead === undefined || lead.kind !== "word" || !DATA_WORDS.has(lead.text)) return undefined;
  if (lead.text === "select" && /\bset_config\s*\(/i.test(sql)) return undefined;
  return lead.text;
}

// Object kinds autogenerate neither compares nor pulls (README, "What autogenerate compares").
const UNCOMPARED_KINDS = new Set([
  "function",
  "procedure",
  "trigger",
  "extension",
  "view",
  "policy",
  "rule",
  "aggregate",
  "domain",
  "operator",
  "language",
  "publication",
  "subscription",
  "event",
  "cast",
  "collation",
  "conversion",
  "role",
  "user",
  "server",
  "statistics",
  "transform",
]);
const KIND_PREFIXES = new Set([
  "or",
  "replace",
  "materialized",
  "constraint",
  "recursive",
  "temporary",
  "temp",
  "trusted",
  "procedural",
  "if",
  "not",
  "exists",
  "default",
]);

/**
 * `create function`, `drop trigger`, `grant`, …: the statement's leading words when it
 * changes an object autogenerate does not compare, else undefined.
 *
 * ### Examples
 * ```ts
 * uncomparedStatement("CREATE OR REPLACE FUNCTION touch() …"); // "create function"
 * uncomparedStatement("CREATE TABLE users (id int)"); // undefined
 * ```
 */
export function uncomparedStatement(sql: string): string | undefined {
  const words = sqlTokens(sql, 8)
    .filter((token) => token.kind === "word")
    .map((token) => token.text);
  const verb = words[0];
  if (verb === "grant" || verb === "revoke") return verb;
  if (verb !== "create" && verb !== "alter" && verb !== "drop") return undefined;
  const kind = words.slice(1).find((word) => !KIND_PREFIXES.has(word));
  return kind !== undefined && UNCOMPARED_KINDS.has(kind) ? `${verb} ${kind}` : undefined;
}
