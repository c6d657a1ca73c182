// Which statements PostgreSQL refuses inside a transaction block ("… cannot run inside
// a transaction block"), recognised from their leading keywords. Used for raw SQL
// (execute, SQL revision files) where no operation data says it.
import { scanSql } from "./sql-lexer.js";

/** The keywords of a statement in order, lower-cased; strings and comments skipped. */
function keywordsOf(sql: string): string[] {
  return scanSql(sql)
    .filter((t) => t.kind === "word")
    .map((t) => t.text.toLowerCase());
}

function startsWith(words: readonly string[], ...prefix: string[]): boolean {
  return prefix.every((w, i) => words[i] === w);
}

/**
 * False when `statement` (one statement, no `;` separators) cannot run in a transaction:
 * CREATE [UNIQUE] INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY,
 * REINDEX DATABASE/SYSTEM, VACUUM, CREATE/DROP DATABASE, CREATE/DROP TABLESPACE,
 * ALTER SYSTEM, ALTER TABLE … DETACH PARTITION … CONCURRENTLY.
 */
export function isTransactionalStatement(statement: string): boolean {
  const w = keywordsOf(statement);
  const concurrently = w.includes("concurrently");
  if (startsWith(w, "create", "index", "concurrently") || startsWith(w, "create", "unique", "index", "concurrently")) return false;
  if (startsWith(w, "drop", "index", "concurrently")) return false;
  if (w[0] === "reindex" && (concurrently || w[1] === "database" || w[1] === "system")) return false;
  if (w[0] === "vacuum") return false;
  if ((w[0] === "create" || w[0] === "drop") && (w[1] === "database" || w[1] === "tablespace")) return false;
  if (startsWith(w, "alter", "system")) return false;
  if (startsWith(w, "alter", "table") && w.includes("detach") && concurrently) return false;
  return true;
}
