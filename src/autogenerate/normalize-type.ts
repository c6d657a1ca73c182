// Types compared by meaning, not spelling: the model says `varchar(100)`, `int4`,
// `timestamptz` or `serial`; the catalog's format_type() says `character varying(100)`,
// `integer`, `timestamp with time zone`, `integer` (+ a nextval default). Both sides
// are brought to format_type()'s spelling before they are compared.

// One normalisation serves the dialect and autogenerate, so the type a revision writes
// and the type autogenerate compares can never disagree.
import { isSerialType, normalizeType } from "../dialect/postgres/types.js";

export { isSerialType, normalizeType };

/** True when two spellings name the same type. */
export function sameType(a: string, b: string): boolean {
  return normalizeType(a) === normalizeType(b);
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
