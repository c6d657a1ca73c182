// What `include` in the config may say about the objects autogenerate compares: the
// schemas it looks at, patterns over table names, and a function with the last word on
// any object, in the spirit of Alembic's include_name / include_object hooks. Types and
// pattern matching only; include-filter.ts applies them to the two snapshots.

/** The kinds of object the `object` function is asked about. */
export type IncludeKind = "table" | "column" | "primaryKey" | "unique" | "foreignKey" | "check" | "index" | "enum" | "sequence";

/** One object of the comparison, as the `object` function sees it. */
export interface IncludeObject {
  readonly kind: IncludeKind;
  readonly schema: string;
  readonly name: string;
  /** The table a column, key, constraint or index belongs to; absent for tables, enums and sequences. */
  readonly table?: string;
  /** A model declares it. */
  readonly inModels: boolean;
  /** The database has it. */
  readonly inDatabase: boolean;
}

/**
 * false: leave the object out of the comparison (neither created, altered nor dropped).
 * true: compare it; a table, enum or sequence only the database has is then dropped.
 * Nothing (undefined): the default rules decide.
 */
export type IncludeFunction = (object: IncludeObject) => boolean | undefined | void;

export interface IncludeRules {
  /**
   * Database schemas looked at besides `schemas` and those the models name: globs,
   * `!pattern` leaves matching schemas out. Default `["*"]`: every schema except
   * PostgreSQL's own (pg_*, information_schema) and those an extension created.
   */
  readonly schemas?: readonly string[];
  /**
   * Globs over table names (`legacy_*`, or `billing.*` with a schema): a table only the
   * database has is dropped when a pattern matches it; `!pattern` leaves matching tables
   * out of the comparison on both sides.
   */
  readonly tables?: readonly string[];
  readonly object?: IncludeFunction;
}

/** Glob patterns split into those that include and those (`!…`) that leave out. */
export interface NamePatterns {
  readonly include: readonly Pattern[];
  readonly exclude: readonly Pattern[];
}

interface Pattern {
  readonly regex: RegExp;
  /** The pattern names a schema too (`billing.*`), so it is matched against `schema.name`. */
  readonly qualified: boolean;
}

function globRegex(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`);
}

export function compilePatterns(patterns: readonly string[] = []): NamePatterns {
  const include: Pattern[] = [];
  const exclude: Pattern[] = [];
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const glob = negated ? raw.slice(1) : raw;
    (negated ? exclude : include).push({ regex: globRegex(glob), qualified: glob.includes(".") });
  }
  return { include, exclude };
}

/** Does one of `patterns` match the object `name` (in `schema`)? */
export function matchesAny(patterns: readonly Pattern[], schema: string, name: string): boolean {
  return patterns.some((p) => p.regex.test(p.qualified ? `${schema}.${name}` : name));
}

/** A schema passes `include.schemas` when it matches an including pattern (or there is none) and no excluding one. */
function schemaIncluded(patterns: NamePatterns, schema: string): boolean {
  const included = patterns.include.length === 0 || patterns.include.some((p) => p.regex.test(schema));
  return included && !patterns.exclude.some((p) => p.regex.test(schema));
}

/**
 * The schemas compared: the configured ones (the first is the default), those the
 * models name, and every other database schema `include.schemas` lets in, so a table
 * whose model was deleted is still seen in a schema nothing else names.
 */
export function comparedSchemas(
  configured: readonly string[],
  modelSchemas: readonly string[],
  databaseSchemas: readonly string[],
  patterns: readonly string[] = ["*"],
): string[] {
  const compiled = compilePatterns(patterns);
  return [...new Set([...configured, ...modelSchemas, ...databaseSchemas.filter((s) => schemaIncluded(compiled, s))])];
}
