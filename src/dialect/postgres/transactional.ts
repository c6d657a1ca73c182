// Which statements PostgreSQL refuses inside a transaction block ("… cannot run inside
// a transaction block"), recognised from their leading keywords. Used for raw SQL
// (execute, SQL revision files) where no operation data says it.
import { SqlScanner } from "./sql-lexer.js";

const LEADING = ["create", "drop", "reindex", "vacuum", "alter"];

/**
 * The first words of a statement, lower-cased (strings and comments skipped), and
 * whether CONCURRENTLY and DETACH occur anywhere: all the rules below look at. A
 * statement may be megabytes long, so the rest is compared in place, never sliced.
 */
function keywordsOf(sql: string): { words: string[]; concurrently: boolean; detach: boolean } {
  const words: string[] = [];
  let concurrently = false;
  let detach = false;
  const scanner = new SqlScanner(sql);
  while (scanner.next()) {
    if (scanner.kind !== "word") continue;
    // Only statements starting with these words can refuse a transaction: the rest
    // (every INSERT of a large data revision) stop after one word.
    if (words.length === 0 && !LEADING.some((word) => scanner.isWord(word))) return { words: [""], concurrently: false, detach: false };
    if (words.length < 4) words.push(scanner.text.toLowerCase());
    if (scanner.isWord("concurrently")) concurrently = true;
    else if (scanner.isWord("detach")) detach = true;
  }
  return { words, concurrently, detach };
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
  const { words: w, concurrently, detach } = keywordsOf(statement);
  if (startsWith(w, "create", "index", "concurrently") || startsWith(w, "create", "unique", "index", "concurrently")) return false;
  if (startsWith(w, "drop", "index", "concurrently")) return false;
  if (w[0] === "reindex" && (concurrently || w[1] === "database" || w[1] === "system")) return false;
  if (w[0] === "vacuum") return false;
  if ((w[0] === "create" || w[0] === "drop") && (w[1] === "database" || w[1] === "tablespace")) return false;
  if (startsWith(w, "alter", "system")) return false;
  if (startsWith(w, "alter", "table") && detach && concurrently) return false;
  return true;
}
