// A catalog type (format_type()'s spelling) as the column builder a person would write:
// `character varying(255)` → `column.varchar(255)`, `timestamp(3) with time zone` →
// `column.timestamptz(3)`, `integer[]` → `column.int().array()`, an enum → `column.enum(x)`.
// Anything else is `column.custom("…")` with the type as PostgreSQL prints it.

const plain: Readonly<Record<string, string>> = {
  smallint: "smallint",
  integer: "int",
  bigint: "bigint",
  real: "real",
  "double precision": "double",
  text: "text",
  boolean: "boolean",
  date: "date",
  interval: "interval",
  uuid: "uuid",
  inet: "inet",
  json: "json",
  jsonb: "jsonb",
  bytea: "bytea",
  numeric: "numeric",
  "character varying": "varchar",
  time: "time",
  "time without time zone": "time",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
};

const serialBuilder: Readonly<Record<string, string>> = { integer: "serial", bigint: "bigserial", smallint: "smallserial" };

/** `column.serial()` for a serial column of this integer type. */
export function serialSource(type: string): string {
  return `column.${serialBuilder[type] ?? "serial"}()`;
}

/** The builder call for a built-in type without the array suffix, or null for custom(). */
function builtIn(base: string): string | null {
  const simple = plain[base];
  if (simple !== undefined) return `column.${simple}()`;
  let m = /^character varying\((\d+)\)$/.exec(base);
  if (m) return `column.varchar(${m[1]})`;
  m = /^character\((\d+)\)$/.exec(base);
  if (m) return `column.char(${m[1]})`;
  m = /^numeric\((\d+),(-?\d+)\)$/.exec(base);
  if (m) return `column.numeric(${m[1]}, ${m[2]})`;
  m = /^(timestamp|time)\((\d+)\) (with|without) time zone$/.exec(base);
  if (m) {
    if (m[1] === "time" && m[3] === "with") return null;
    return `column.${m[1]}${m[1] === "timestamp" && m[3] === "with" ? "tz" : ""}(${m[2]})`;
  }
  return null;
}

export interface TypeSource {
  /** The builder call: `column.varchar(255)`, `column.enum(orderStatus).array()`. */
  readonly source: string;
  /** True when written with column.custom(). */
  readonly custom: boolean;
}

/**
 * The builder for a column of `type`. `enumConst` finds the constant of an enum that
 * format_type() names (`mood`, `billing.state`), or undefined when it is no pulled enum.
 */
export function typeSource(type: string, enumConst: (name: string) => string | undefined): TypeSource {
  const array = type.endsWith("[]");
  const base = array ? type.slice(0, -2) : type;
  const suffix = array ? ".array()" : "";
  const enumName = enumConst(base);
  if (enumName !== undefined) return { source: `column.enum(${enumName})${suffix}`, custom: false };
  const known = builtIn(base);
  if (known !== null) return { source: known + suffix, custom: false };
  // time with time zone: custom("timetz") reads back as format_type() prints it.
  const timetz = /^time(\(\d+\))? with time zone$/.exec(base);
  const spelled = timetz ? `timetz${timetz[1] ?? ""}` : base;
  return { source: `column.custom(${JSON.stringify(spelled)})${suffix}`, custom: true };
}
