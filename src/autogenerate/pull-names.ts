// TypeScript names for what `pull` writes: SQL names in camelCase (`created_at` →
// `createdAt`), a `.named()` wherever table() would not map the key back to the SQL
// name (snakeCase in src/schema/table.ts), and a suffix where two names would clash or
// a name is a reserved word.
import { snakeCase } from "../schema/table.js";

const reserved = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
  "await",
  "arguments",
  "eval",
  "undefined",
  "NaN",
  "Infinity",
  // what the pulled files import, and table()'s extras parameter (a table named t would be shadowed there)
  "t",
  "table",
  "column",
  "index",
  "unique",
  "check",
  "primaryKey",
  "foreignKey",
  "pgEnum",
  "sequence",
  "schema",
  "sql",
  "desc",
  "asc",
  "indexKey",
  "ColumnRef",
]);

/** `created_at` → `createdAt`, `Order Lines` → `orderLines`; "" when nothing is left of it. */
export function camelCase(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  // A word keeps its inner capitals (`ExternalRef` → `externalRef`), unless it is all capitals (`ID` → `id`).
  const parts = words.map((w, i) => {
    const word = w === w.toUpperCase() ? w.toLowerCase() : w;
    return (i === 0 ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase()) + word.slice(1);
  });
  const joined = parts.join("");
  return /^\p{N}/u.test(joined) ? `_${joined}` : joined;
}

/** A column's key, and whether `.named()` must say its SQL name. */
export function columnKey(name: string, taken: Set<string>): { key: string; named: boolean } {
  let key = camelCase(name) || "column";
  if (taken.has(key)) {
    let n = 2;
    while (taken.has(`${key}${n}`)) n++;
    key = `${key}${n}`;
  }
  taken.add(key);
  return { key, named: snakeCase(key) !== name };
}

/** A top-level constant's name from a camelCase one: not reserved (`deleteTable`), not yet taken (`orders2`). */
export function constName(camel: string, taken: Set<string>, suffix = "Table"): string {
  const base = reserved.has(camel) ? `${camel}${suffix}` : camel;
  let candidate = base;
  let n = 2;
  while (taken.has(candidate)) candidate = `${base}${n++}`;
  taken.add(candidate);
  return candidate;
}
