// Types compared by meaning, not spelling: the model says `varchar(100)`, `int4`,
// `timestamptz` or `serial`; the catalog's format_type() says `character varying(100)`,
// `integer`, `timestamp with time zone`, `integer` (+ a nextval default). Both sides
// are brought to format_type()'s spelling before they are compared.

const aliases: Record<string, string> = {
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
  varchar: "character varying",
  "character varying": "character varying",
  char: "character(1)",
  character: "character(1)",
  bpchar: "bpchar",
  decimal: "numeric",
  numeric: "numeric",
  timestamp: "timestamp without time zone",
  "timestamp without time zone": "timestamp without time zone",
  timestamptz: "timestamp with time zone",
  "timestamp with time zone": "timestamp with time zone",
  time: "time without time zone",
  "time without time zone": "time without time zone",
  timetz: "time with time zone",
  "time with time zone": "time with time zone",
};

/** Brackets of an array type, e.g. `[]` or `[][]`, split from the element type. */
function splitArray(type: string): [string, string] {
  const match = /^(.*?)((?:\s*\[\d*\])+)$/.exec(type);
  if (!match) return [type, ""];
  return [match[1] ?? type, "[]".repeat((match[2] ?? "").split("[").length - 1)];
}

function canonicalElement(raw: string): string {
  // Quoted identifiers keep their case; everything else folds to lower case.
  const folded = raw.replace(/"([^"]*)"|[^"]+/g, (m, quoted: string | undefined) =>
    quoted !== undefined ? (/^[a-z_][a-z0-9_$]*$/.test(quoted) ? quoted : m) : m.toLowerCase(),
  );
  const type = folded.replace(/\s+/g, " ").replace(/\s*\(\s*/g, "(").replace(/\s*,\s*/g, ",").replace(/\s*\)/g, ")").trim();
  const direct = aliases[type];
  if (direct) return direct;
  // float(p): 1–24 is real, 25–53 double precision.
  const float = /^float\((\d+)\)$/.exec(type);
  if (float) return Number(float[1]) <= 24 ? "real" : "double precision";
  // name(args) with an optional time-zone suffix: varchar(100), timestamptz(3), time(0) with time zone
  const parametrised = /^([a-z ]+?)(\([\d,]+\))( with(?:out)? time zone)?$/.exec(type);
  if (parametrised) {
    const [, base = "", args = "", zone = ""] = parametrised;
    if (base === "timestamptz") return `timestamp${args} with time zone`;
    if (base === "timetz") return `time${args} with time zone`;
    if (base === "timestamp" || base === "time") return `${base}${args}${zone || " without time zone"}`;
    const name = aliases[base] ?? base;
    if (name === "character(1)" || base === "bpchar") return `character${args}`;
    return `${name}${args}`;
  }
  return type;
}

/** The format_type() spelling of a type as SQL accepts it. */
export function normalizeType(type: string): string {
  const [element, brackets] = splitArray(type.trim());
  return canonicalElement(element) + brackets;
}

/** True when two spellings name the same type. */
export function sameType(a: string, b: string): boolean {
  return normalizeType(a) === normalizeType(b);
}

/** serial, bigserial, smallserial (and their serialN aliases): an integer column with an owned sequence. */
export function isSerialType(type: string): boolean {
  return /^(small|big)?serial[248]?$/i.test(type.trim());
}

/** format_type()'s long spellings in the short form people write: `varchar(100)`, `timestamptz`. */
export function shortType(type: string): string {
  return type
    .replace(/^character varying/, "varchar")
    .replace(/^character\(/, "char(")
    .replace(/^timestamp(\(\d+\))? with time zone/, "timestamptz$1")
    .replace(/^timestamp(\(\d+\))? without time zone/, "timestamp$1")
    .replace(/^time(\(\d+\))? with time zone/, "timetz$1")
    .replace(/^time(\(\d+\))? without time zone/, "time$1");
}
