// Whether a column default is volatile. Since PostgreSQL 11, ADD COLUMN with a
// non-volatile default stores the value once in the catalog; a volatile one (a new
// value per row) makes it rewrite the table. Offline no catalog says how a function is
// marked, so calls are sorted by name: known volatile, known stable or immutable, and
// the rest (a user's function is VOLATILE unless it says otherwise) unknown.
import { sqlTokens } from "../sql-tokens.js";

const VOLATILE = new Set([
  "random",
  "gen_random_uuid",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "setval",
  "txid_current",
  "pg_current_xact_id",
  "gen_random_bytes",
  "random_normal",
]);

const NON_VOLATILE = new Set([
  "now",
  "transaction_timestamp",
  "statement_timestamp",
  "current_setting",
  "current_date",
  "current_timestamp",
  "localtimestamp",
  "lower",
  "upper",
  "coalesce",
  "nullif",
  "greatest",
  "least",
  "concat",
  "concat_ws",
  "length",
  "abs",
  "round",
  "trunc",
  "floor",
  "ceil",
  "to_char",
  "to_date",
  "to_timestamp",
  "to_json",
  "to_jsonb",
  "make_interval",
  "make_date",
  "date_trunc",
  "extract",
  "timezone",
  "jsonb_build_object",
  "json_build_object",
  "jsonb_build_array",
  "json_build_array",
  "array",
  "cast",
  "md5",
  "substring",
  "trim",
  "format",
  "replace",
  "left",
  "right",
  "array_fill",
  "interval",
  "row",
]);

export type Volatility = { readonly kind: "safe" } | { readonly kind: "volatile" | "unknown"; readonly call: string };

/**
 * How a default expression behaves: `safe` when every function it calls is known not
 * to be volatile, else the first volatile (or unknown) call.
 *
 * ### Examples
 * ```ts
 * defaultVolatility("now()");             // { kind: "safe" }
 * defaultVolatility("gen_random_uuid()"); // { kind: "volatile", call: "gen_random_uuid" }
 * ```
 */
export function defaultVolatility(expression: string): Volatility {
  const tokens = sqlTokens(expression);
  let unknown: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== "word" || tokens[i + 1]?.text !== "(") continue;
    // `'1'::numeric(10,2)`: a type with a modifier, not a call.
    if (tokens[i - 1]?.text === ":") continue;
    // A schema-qualified call (`public.f()`): judged by its own name.
    if (VOLATILE.has(token.text)) return { kind: "volatile", call: token.text };
    if (!NON_VOLATILE.has(token.text)) unknown ??= token.text;
  }
  return unknown === undefined ? { kind: "safe" } : { kind: "unknown", call: unknown };
}

/** serial, bigserial, smallserial: a nextval() default, volatile. */
export function isSerialType(type: string): boolean {
  return /^(small|big)?serial[248]?$/i.test(type.trim());
}
