// One operation, declared once: its kind, its fields with their zod schemas, and which
// fields the Operations facade takes as positional arguments, in order. The operation's
// data type, the facade's arguments and option object, its validation and the call
// autogenerate writes all come from that one definition; the dialect renders the data.
import type { RefinementCtx, z } from "zod";
import type { OperationVocabulary } from "./operation-vocabulary.js";

/** Field name → zod schema, as `z.strictObject` takes it. */
export type FieldShape = Readonly<Record<string, z.ZodType>>;

/** How a positional argument becomes a field when it is not simply the field's value. */
export interface PositionalField<F extends string = string, A = any, V = any> {
  readonly field: F;
  /** The argument may be `null`, which leaves the (optional) field out. */
  readonly orNull?: true;
  /** A trailing argument that may be left out, which leaves the (optional) field out. */
  readonly optional?: true;
  /** The argument as the facade takes it (e.g. `"email"` for `{ column: "email" }`), and back. */
  readonly convert?: { readonly toField: (argument: A) => V; readonly toArgument: (value: V) => A };
}

/** A positional argument: a field's name, or a field with how its argument reads. */
export type Positional<F extends string = string> = F | PositionalField<F>;

type ShapeOutput<S extends FieldShape> = z.output<z.ZodObject<{ -readonly [F in keyof S]: S[F] }, z.core.$strict>>;
type ReadonlyArrays<V> = V extends readonly (infer E)[] ? readonly E[] : V;

type Flat<T> = { [F in keyof T]: T[F] } & {};

/** The operation's data: `kind`, then every field, read-only (arrays too). */
export type OperationData<K extends string, S extends FieldShape> = Flat<
  { readonly kind: K } & {
    readonly [F in keyof ShapeOutput<S>]: ReadonlyArrays<ShapeOutput<S>[F]>;
  }
>;

export interface OperationDefinition<
  K extends string = string,
  S extends FieldShape = FieldShape,
  P extends readonly Positional[] = readonly Positional[],
  R extends true | undefined = true | undefined,
> {
  readonly kind: K;
  /** Every field but `kind`, with its schema; optional fields are the operation's options. */
  readonly fields: (v: OperationVocabulary) => S;
  /** The facade's positional arguments, in order; the other fields make its option object. */
  readonly positional: P;
  /** The option object must be given even though each option is optional (alterColumn changes something). */
  readonly optionsRequired?: R;
  /** Rules across fields, after each field's own schema passed. */
  readonly refine?: (data: OperationData<K, S>, ctx: RefinementCtx) => void;
}

/**
 * Declare an operation. `fields` is called only when the schemas are built (the first
 * validation), so declaring loads no zod.
 *
 * ### Examples
 * ```ts
 * export const dropColumn = defineOperation({
 *   kind: "dropColumn",
 *   fields: (v) => ({ ...v.table, column: v.name, ifExists: v.flag, cascade: v.flag }),
 *   positional: ["table", "column"],
 * });
 * ```
 */
export function defineOperation<
  const K extends string,
  S extends FieldShape,
  const P extends readonly Positional<keyof S & string>[],
  const R extends true | undefined = undefined,
>(definition: OperationDefinition<K, S, P, R>): OperationDefinition<K, S, P, R> {
  return definition;
}

// ---- types derived from a definition ----

/** What the derived types read of a definition (refine's parameter would make the kinds' definitions incompatible). */
interface AnyDefinition {
  readonly kind: string;
  readonly fields: (v: OperationVocabulary) => FieldShape;
  readonly positional: readonly Positional[];
  readonly optionsRequired?: true;
}

export type DataOf<D extends AnyDefinition> = OperationData<D["kind"], ReturnType<D["fields"]>>;

type FieldOf<P> = P extends string ? P : P extends PositionalField<infer F> ? F : never;
type PositionalNames<P extends readonly unknown[]> = { [I in keyof P]: FieldOf<P[I]> }[number];

/** One positional argument's type, as a one-element tuple (optional when it may be left out). */
type ArgumentTuple<P, Data> = P extends { readonly convert: { readonly toArgument: (value: any) => infer A } }
  ? [A]
  : P extends { readonly optional: true; readonly field: infer F extends keyof Data }
    ? [Data[F]?]
    : P extends { readonly orNull: true; readonly field: infer F extends keyof Data }
      ? [Exclude<Data[F], undefined> | null]
      : P extends keyof Data
        ? [Data[P]]
        : never;

type PositionalArguments<P extends readonly unknown[], Data> = P extends readonly [infer Head, ...infer Tail]
  ? [...ArgumentTuple<Head, Data>, ...PositionalArguments<Tail, Data>]
  : [];

/** The option object of a definition's facade method: every field not taken positionally. */
export type OptionsOf<D extends AnyDefinition> = Omit<DataOf<D>, "kind" | PositionalNames<D["positional"]>>;

type RequiredKeys<T> = { [F in keyof T]-?: object extends Pick<T, F> ? never : F }[keyof T];

type OptionsArgument<D extends AnyDefinition> = keyof OptionsOf<D> extends never
  ? []
  : RequiredKeys<OptionsOf<D>> extends never
    ? [Exclude<D["optionsRequired"], undefined>] extends [never]
      ? [OptionsOf<D>?]
      : [OptionsOf<D>]
    : [OptionsOf<D>];

/** The facade method's parameters: the positional arguments, then the option object when there are options. */
export type FacadeArguments<D extends AnyDefinition> = [...PositionalArguments<D["positional"], DataOf<D>>, ...OptionsArgument<D>];
