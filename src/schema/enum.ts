// Enum types: `pgEnum("mood", ["sad", "ok"])`. The order of values is the order Postgres
// sorts them in, so it is part of the model; new values can be added, not removed.

const brand: unique symbol = Symbol.for("athanor.enum");

export interface PgEnum<V extends string = string> {
  readonly [brand]: true;
  readonly name: string;
  /** The schema, or null for the default schema (search_path). */
  readonly schema: string | null;
  readonly values: readonly V[];
  /** `name` or `schema.name`, as a column's type. */
  readonly qualifiedName: string;
}

export function isPgEnum(value: unknown): value is PgEnum {
  return typeof value === "object" && value !== null && brand in value;
}

/**
 * Declares an enum type.
 *
 * ### Examples
 *     export const mood = pgEnum("mood", ["sad", "ok", "happy"]);
 *     export const people = table("people", { mood: column.enum(mood).notNull() });
 */
export function pgEnum<const V extends string>(name: string, values: readonly V[], schema: string | null = null): PgEnum<V> {
  return { [brand]: true, name, schema, values: [...values], qualifiedName: schema ? `${schema}.${name}` : name };
}
