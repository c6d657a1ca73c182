// Identifier quoting exactly as PostgreSQL's quote_ident(): a name is left bare only
// when it would read back as itself (lower-case, [a-z_][a-z0-9_]*, not a keyword that
// quote_ident quotes); otherwise it is wrapped in "…" with embedded quotes doubled.

/**
 * Every keyword that quote_ident() quotes: pg_get_keywords() with catcode <> 'U'
 * (reserved, column-name and type/function-name keywords), the union of PostgreSQL 15
 * through 18 so one rendering is valid on every supported server.
 */
const QUOTED_KEYWORDS: ReadonlySet<string> = new Set([
  "all",
  "analyse",
  "analyze",
  "and",
  "any",
  "array",
  "as",
  "asc",
  "asymmetric",
  "authorization",
  "between",
  "bigint",
  "binary",
  "bit",
  "boolean",
  "both",
  "case",
  "cast",
  "char",
  "character",
  "check",
  "coalesce",
  "collate",
  "collation",
  "column",
  "concurrently",
  "constraint",
  "create",
  "cross",
  "current_catalog",
  "current_date",
  "current_role",
  "current_schema",
  "current_time",
  "current_timestamp",
  "current_user",
  "dec",
  "decimal",
  "default",
  "deferrable",
  "desc",
  "distinct",
  "do",
  "else",
  "end",
  "except",
  "exists",
  "extract",
  "false",
  "fetch",
  "float",
  "for",
  "foreign",
  "freeze",
  "from",
  "full",
  "grant",
  "greatest",
  "group",
  "grouping",
  "having",
  "ilike",
  "in",
  "initially",
  "inner",
  "inout",
  "int",
  "integer",
  "intersect",
  "interval",
  "into",
  "is",
  "isnull",
  "join",
  "json",
  "json_array",
  "json_arrayagg",
  "json_exists",
  "json_object",
  "json_objectagg",
  "json_query",
  "json_scalar",
  "json_serialize",
  "json_table",
  "json_value",
  "lateral",
  "leading",
  "least",
  "left",
  "like",
  "limit",
  "localtime",
  "localtimestamp",
  "merge_action",
  "national",
  "natural",
  "nchar",
  "none",
  "normalize",
  "not",
  "notnull",
  "null",
  "nullif",
  "numeric",
  "offset",
  "on",
  "only",
  "or",
  "order",
  "out",
  "outer",
  "overlaps",
  "overlay",
  "placing",
  "position",
  "precision",
  "primary",
  "real",
  "references",
  "returning",
  "right",
  "row",
  "select",
  "session_user",
  "setof",
  "similar",
  "smallint",
  "some",
  "substring",
  "symmetric",
  "system_user",
  "table",
  "tablesample",
  "then",
  "time",
  "timestamp",
  "to",
  "trailing",
  "treat",
  "trim",
  "true",
  "union",
  "unique",
  "user",
  "using",
  "values",
  "varchar",
  "variadic",
  "verbose",
  "when",
  "where",
  "window",
  "with",
  "xmlattributes",
  "xmlconcat",
  "xmlelement",
  "xmlexists",
  "xmlforest",
  "xmlnamespaces",
  "xmlparse",
  "xmlpi",
  "xmlroot",
  "xmlserialize",
  "xmltable",
]);

// quote_ident() (ruleutils.c quote_identifier) treats only a-z, 0-9 and _ as safe: a $ is quoted.
const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** True when `name` must be quoted to survive a round trip through the parser. */
export function needsQuoting(name: string): boolean {
  return !SAFE_IDENTIFIER.test(name) || QUOTED_KEYWORDS.has(name);
}

/**
 * Quote one identifier the way quote_ident() does.
 *
 * ### Examples
 * ```ts
 * quoteIdentifier("users")      // users
 * quoteIdentifier("Users")      // "Users"
 * quoteIdentifier("user")       // "user"   (reserved)
 * quoteIdentifier('say "hi"')   // "say ""hi"""
 * ```
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new RangeError("an identifier cannot be empty");
  if (name.includes("\0")) throw new RangeError("an identifier cannot contain a NUL character");
  return needsQuoting(name) ? `"${name.replaceAll('"', '""')}"` : name;
}

/** `schema.name`, or just `name` when no schema is given; each part quoted as needed. */
export function qualifiedName(name: string, schema?: string): string {
  return schema === undefined ? quoteIdentifier(name) : `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

/** A comma-separated list of quoted identifiers, e.g. for a column list. */
export function quoteIdentifierList(names: readonly string[]): string {
  return names.map(quoteIdentifier).join(", ");
}

/** The name a (possibly quoted) identifier stands for: `"Odd ""x"""` → `Odd "x"`; an unquoted one as it is. */
export function unquoteIdentifier(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text;
}
