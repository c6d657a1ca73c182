// Column builders: `column.varchar(255).notNull().unique()`. Each call returns a new
// builder, so a shared base (`const money = column.numeric(12, 2)`) can be reused safely.
// Builders describe a column; table() binds them to a table and a name.
import type { PgEnum } from "./enum.js";
import type { SqlExpression } from "./sql.js";

export type ReferentialAction = "no action" | "restrict" | "cascade" | "set null" | "set default";

/** A server default: raw SQL (`sql\`now()\``) or a literal value rendered as SQL. */
export type ServerDefault = SqlExpression | string | number | boolean | null;

/** What a column's foreign key points at; a thunk so tables can reference each other in any order. */
export interface ReferenceSpec {
  readonly target: () => ColumnTarget;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly name?: string;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

/** The column a foreign key points at: a model table's column. */
export interface ColumnTarget {
  readonly name: string;
  readonly columnOf: { readonly schema: string | null; readonly name: string };
}

export interface ColumnState {
  /** The type as SQL spells it: `varchar(255)`, `integer[]`, an enum's name. */
  readonly type: string;
  readonly name?: string;
  readonly notNull: boolean;
  readonly primaryKey: boolean;
  /** true, or the unique constraint's name. */
  readonly unique: boolean | string;
  readonly default?: ServerDefault;
  readonly identity?: "always" | "by default";
  readonly serial: boolean;
  readonly references?: ReferenceSpec;
  readonly comment?: string;
  /** A stored generated column's expression. */
  readonly generated?: SqlExpression;
  readonly enum?: PgEnum;
}

const brand: unique symbol = Symbol.for("athanor.column");

/**
 * A column under construction. `TValue` is the JavaScript type node-postgres returns,
 * `TNotNull` whether the column may be null, `TName` the name given with `.named()`
 * (`string` when none was): `InferRow` reads them.
 */
export class ColumnBuilder<TValue = unknown, TNotNull extends boolean = false, TName extends string = string> {
  readonly [brand] = true;
  declare readonly _value: TValue;
  declare readonly _notNull: TNotNull;
  declare readonly _name: TName;
  readonly state: ColumnState;

  constructor(state: ColumnState) {
    this.state = state;
  }

  #with<V = TValue, N extends boolean = TNotNull>(patch: Partial<ColumnState>): ColumnBuilder<V, N, TName> {
    return new ColumnBuilder<V, N, TName>({ ...this.state, ...patch });
  }

  /** The column's name in the database, when it differs from the key (which is snake_cased). */
  named<const N extends string>(name: N): ColumnBuilder<TValue, TNotNull, N> {
    return new ColumnBuilder<TValue, TNotNull, N>({ ...this.state, name });
  }
  notNull(): ColumnBuilder<TValue, true, TName> {
    return this.#with<TValue, true>({ notNull: true });
  }
  /** Allows NULL (the default); reads better after a shared base that was notNull. */
  nullable(): ColumnBuilder<TValue, false, TName> {
    return this.#with<TValue, false>({ notNull: false });
  }
  /** Part of the primary key (implies NOT NULL, as in Postgres). */
  primaryKey(): ColumnBuilder<TValue, true, TName> {
    return this.#with<TValue, true>({ primaryKey: true, notNull: true });
  }
  /** A single-column unique constraint, named `<table>_<column>_key` unless `name` is given. */
  unique(name?: string): ColumnBuilder<TValue, TNotNull, TName> {
    return this.#with({ unique: name ?? true });
  }
  /** Server default: `default(sql\`now()\`)` or a literal (`default(0)`, `default("draft")`). */
  default(value: ServerDefault): ColumnBuilder<TValue, TNotNull, TName> {
    return this.#with({ default: value });
  }
  /** `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY` (implies NOT NULL). */
  identity(mode: "always" | "by default" = "by default"): ColumnBuilder<TValue, true, TName> {
    return this.#with<TValue, true>({ identity: mode, notNull: true });
  }
  /** `GENERATED ALWAYS AS (expr) STORED`. */
  generatedAs(expression: SqlExpression): ColumnBuilder<TValue, TNotNull, TName> {
    return this.#with({ generated: expression });
  }
  /** A foreign key to another table's column: `references(() => users.id, { onDelete: "cascade" })`. */
  references(target: () => ColumnTarget, options: Omit<ReferenceSpec, "target"> = {}): ColumnBuilder<TValue, TNotNull, TName> {
    return this.#with({ references: { target, ...options } });
  }
  comment(text: string): ColumnBuilder<TValue, TNotNull, TName> {
    return this.#with({ comment: text });
  }
  /** An array of this type: `column.text().array()` is `text[]`. */
  array(): ColumnBuilder<TValue[], TNotNull, TName> {
    return this.#with<TValue[], TNotNull>({ type: `${this.state.type}[]` });
  }
}

export function isColumnBuilder(value: unknown): value is ColumnBuilder {
  return typeof value === "object" && value !== null && brand in value;
}

function make<T, N extends boolean = false>(type: string, extra: Partial<ColumnState> = {}): ColumnBuilder<T, N> {
  return new ColumnBuilder<T, N>({ type, notNull: false, primaryKey: false, unique: false, serial: false, ...extra });
}

function withPrecision(base: string, precision?: number): string {
  return precision === undefined ? base : `${base}(${precision})`;
}

/** Column types. Each returns a builder; the type string is what SQL would call it. */
export const column = {
  smallint: () => make<number>("smallint"),
  int: () => make<number>("integer"),
  integer: () => make<number>("integer"),
  /** node-postgres returns int8 as a string, to keep every digit. */
  bigint: () => make<string>("bigint"),
  smallserial: () => make<number, true>("smallserial", { serial: true, notNull: true }),
  serial: () => make<number, true>("serial", { serial: true, notNull: true }),
  bigserial: () => make<string, true>("bigserial", { serial: true, notNull: true }),
  numeric: (precision?: number, scale?: number) =>
    make<string>(precision === undefined ? "numeric" : `numeric(${precision}${scale === undefined ? "" : `,${scale}`})`),
  real: () => make<number>("real"),
  double: () => make<number>("double precision"),
  text: () => make<string>("text"),
  varchar: (length?: number) => make<string>(length === undefined ? "varchar" : `varchar(${length})`),
  char: (length = 1) => make<string>(`char(${length})`),
  boolean: () => make<boolean>("boolean"),
  /** node-postgres parses a date into a Date at local midnight. */
  date: () => make<Date>("date"),
  time: (precision?: number) => make<string>(withPrecision("time", precision)),
  timestamp: (precision?: number) => make<Date>(withPrecision("timestamp", precision)),
  timestamptz: (precision?: number) => make<Date>(withPrecision("timestamptz", precision)),
  interval: () => make<unknown>("interval"),
  uuid: () => make<string>("uuid"),
  json: <T = unknown>() => make<T>("json"),
  jsonb: <T = unknown>() => make<T>("jsonb"),
  bytea: () => make<Buffer>("bytea"),
  inet: () => make<string>("inet"),
  /** A column of an enum declared with pgEnum(). */
  enum: <const V extends string>(type: PgEnum<V>) => make<V>(type.qualifiedName, { enum: type as PgEnum }),
  /** Any other type, as SQL spells it: `column.custom("tsvector")`, `column.custom("numeric(5,2)[]")`. */
  custom: <T = unknown>(type: string) => make<T>(type),
};
