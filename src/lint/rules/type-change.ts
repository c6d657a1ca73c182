// Which column type changes PostgreSQL makes without rewriting the table: the binary
// coercible ones that only relax a limit (docs, ALTER TABLE: "changing the type of an
// existing column will normally cause the entire table and its indexes to be rebuilt",
// except when the old type is binary coercible to the new one and no USING is given).

interface ParsedType {
  readonly base: string;
  readonly args: readonly number[];
  readonly array: boolean;
}

const ALIASES: Record<string, string> = {
  "character varying": "varchar",
  "char varying": "varchar",
  "bit varying": "varbit",
  decimal: "numeric",
};

function parseType(type: string): ParsedType | undefined {
  const text = type
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/ ?\( ?/g, "(")
    .replace(/ ?\) ?/g, ")")
    .replace(/ ?, ?/g, ",");
  const match = /^([a-z_][a-z0-9_ ]*?)(?:\((\d+(?:,\d+)?)\))?((?:\[\])*)$/.exec(text);
  if (match === null) return undefined;
  const base = ALIASES[match[1] as string] ?? (match[1] as string);
  const args = match[2] === undefined ? [] : (match[2] as string).split(",").map(Number);
  return { base, args, array: (match[3] ?? "") !== "" };
}

/**
 * Whether changing a column from `from` to `to` keeps the table as it is. Only changes
 * that relax a length or precision (or drop it), varchar ↔ text and cidr → inet do.
 *
 * ### Examples
 * ```ts
 * keepsTable("varchar(50)", "varchar(100)"); // true
 * keepsTable("integer", "bigint");           // false: every row is rewritten
 * ```
 */
export function keepsTable(from: string, to: string): boolean {
  const a = parseType(from);
  const b = parseType(to);
  if (a === undefined || b === undefined || a.array !== b.array) return false;
  if (a.base === b.base && a.args.join() === b.args.join()) return true;
  const widens = (limit: number) => b.args.length === 0 || (b.args[0] as number) >= limit;
  if (a.base === "varchar" && b.base === "varchar") return a.args.length === 0 ? b.args.length === 0 : widens(a.args[0] as number);
  if ((a.base === "varchar" || a.base === "text") && b.base === "text") return true;
  if (a.base === "text" && b.base === "varchar") return b.args.length === 0;
  if (a.base === "varbit" && b.base === "varbit") return a.args.length === 0 ? b.args.length === 0 : widens(a.args[0] as number);
  if (a.base === "numeric" && b.base === "numeric") {
    if (b.args.length === 0) return true;
    if (a.args.length === 0) return false;
    return (b.args[0] as number) >= (a.args[0] as number) && (b.args[1] ?? 0) === (a.args[1] ?? 0);
  }
  return a.base === "cidr" && b.base === "inet";
}
