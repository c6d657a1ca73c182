// SQL type names: building them (varchar(n), numeric(p,s), arrays, enum references) and
// normalising the many spellings PostgreSQL accepts to the one format_type() prints, so
// `varchar(100)`, `character varying(100)` and `VARCHAR(100)` compare equal.
import { needsQuoting, qualifiedName } from "./quote.js";

/** `varchar(n)`; without n, unbounded. */
export function varchar(length?: number): string {
  return length === undefined ? "varchar" : `varchar(${length})`;
}

/** `numeric(p,s)`, `numeric(p)` or plain `numeric`. */
export function numeric(precision?: number, scale?: number): string {
  if (precision === undefined) return "numeric";
  return scale === undefined ? `numeric(${precision})` : `numeric(${precision},${scale})`;
}

/** An array of `element` with `dimensions` levels: `text[]`, `integer[][]`. */
export function arrayOf(element: string, dimensions = 1): string {
  return element + "[]".repeat(dimensions);
}

/** An enum (or any user-defined type) by name, quoted and schema-qualified as needed. */
export function enumType(name: string, schema?: string): string {
  return qualifiedName(name, schema);
}

/** Aliases → the name format_type() prints. Keys are lower-case, spaces collapsed. */
const CANONICAL: Readonly<Record<string, string>> = {
  int: "integer",
  int4: "integer",
  integer: "integer",
  serial: "integer",
  serial4: "integer",
  int2: "smallint",
  smallint: "smallint",
  smallserial: "smallint",
  serial2: "smallint",
  int8: "bigint",
  bigint: "bigint",
  bigserial: "bigint",
  serial8: "bigint",
  float4: "real",
  real: "real",
  float8: "double precision",
  float: "double precision",
  "double precision": "double precision",
  bool: "boolean",
  boolean: "boolean",
  decimal: "numeric",
  numeric: "numeric",
  varchar: "character varying",
  "character varying": "character varying",
  char: "character",
  character: "character",
  bpchar: "character",
  text: "text",
  timestamptz: "timestamp with time zone",
  "timestamp with time zone": "timestamp with time zone",
  timestamp: "timestamp without time zone",
  "timestamp without time zone": "timestamp without time zone",
  timetz: "time with time zone",
  "time with time zone": "time with time zone",
  time: "time without time zone",
  "time without time zone": "time without time zone",
  varbit: "bit varying",
  "bit varying": "bit varying",
};

/** serial types are integer columns with a sequence default, not types of their own. */
export function isSerialType(type: string): boolean {
  return /^\s*(small|big)?serial[248]?\s*$/i.test(type);
}

/**
 * The spelling format_type() prints for a built-in type, so two spellings of one type
 * compare equal: `int4` → `integer`, `VARCHAR(100)` → `character varying(100)`,
 * `timestamptz(3)` → `timestamp(3) with time zone`, `decimal(10, 2)[]` → `numeric(10,2)[]`, `text[][]` → `text[]`,
 * `char` → `character(1)`. Types it does not know (enums, domains, extensions) come back
 * trimmed with their spacing collapsed, case kept (their case is significant when quoted).
 */
export function normalizeType(type: string): string {
  let text = type.trim().replace(/\s+/g, " ");
  let arraySuffix = "";
  const array = /(\s*\[\s*\d*\s*\])+$/.exec(text);
  if (array) {
    // PostgreSQL does not record dimensions: format_type() prints text[][] as text[].
    arraySuffix = "[]";
    text = text.slice(0, array.index).trimEnd();
  }
  if (/^[^(]+ array$/i.test(text)) {
    arraySuffix = "[]";
    text = text.slice(0, -" array".length);
  }
  // float(p): 1–24 is real, 25–53 double precision (the SQL standard's binary digits).
  const float = /^float\s*\(\s*(\d+)\s*\)$/i.exec(text);
  if (float) return (Number(float[1]) <= 24 ? "real" : "double precision") + arraySuffix;
  const match = /^([a-z][a-z0-9 ]*?)\s*(?:\(\s*([\d\s,]+?)\s*\))?(\s+(?:with|without) time zone)?$/i.exec(text);
  if (!match) return identifierSpelling(text) + arraySuffix;
  const base = (match[1] as string).toLowerCase() + (match[3] ?? "").toLowerCase();
  const modifier = match[2]?.replace(/\s+/g, "");
  const canonical = CANONICAL[base];
  if (canonical === undefined) return identifierSpelling(text) + arraySuffix;
  let args = modifier === undefined ? "" : `(${modifier})`;
  if (canonical === "character" && args === "") args = "(1)";
  // format_type() puts the precision of time types before "with/without time zone".
  const zone = / (with|without) time zone$/.exec(canonical);
  if (zone) return `${canonical.slice(0, zone.index)}${args}${zone[0]}${arraySuffix}`;
  return `${canonical}${args}${arraySuffix}`;
}

/**
 * A user-defined type name as Postgres resolves it: unquoted parts fold to lower case,
 * quotes that quote_ident would not need are dropped (`"mood"` = `MOOD` = `mood`).
 */
function identifierSpelling(text: string): string {
  return text.replace(/"((?:[^"]|"")*)"|[^"]+/g, (part, quoted: string | undefined) => {
    if (quoted === undefined) return part.toLowerCase();
    const name = quoted.replace(/""/g, '"');
    return needsQuoting(name) ? part : name;
  });
}
