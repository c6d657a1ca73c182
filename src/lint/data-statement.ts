// Whether a SQL statement changes rows rather than schema (INSERT, UPDATE, DELETE, COPY,
// MERGE, TRUNCATE, a DO block or a CALL that may do either): what a schema comparison
// cannot see, so `squash` lists such statements for the author to carry over by hand.
// Told by the first code word, as classify-sql.ts tells data statements apart.
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
