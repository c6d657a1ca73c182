// Standalone sequences: `sequence("invoice_no", { start: 1000 })`, used by a default
// such as `sql\`nextval('invoice_no')\``. Options left out are PostgreSQL's defaults.

const brand: unique symbol = Symbol.for("athanor.sequence");

export interface SequenceDefOptions {
  /** smallint, integer or bigint (the default). */
  readonly as?: "smallint" | "integer" | "bigint";
  readonly start?: number;
  readonly increment?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly cycle?: boolean;
  readonly cache?: number;
  /** The schema, or the default schema when left out. */
  readonly schema?: string;
}

export interface PgSequence {
  readonly [brand]: true;
  readonly name: string;
  readonly schema: string | null;
  readonly options: SequenceDefOptions;
}

export function isPgSequence(value: unknown): value is PgSequence {
  return typeof value === "object" && value !== null && brand in value;
}

/**
 * Declares a sequence.
 *
 * ### Examples
 *     export const invoiceNo = sequence("invoice_no", { start: 1000, cache: 10 });
 */
export function sequence(name: string, options: SequenceDefOptions = {}): PgSequence {
  return { [brand]: true, name, schema: options.schema ?? null, options: { ...options } };
}
