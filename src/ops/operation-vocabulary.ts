// The zod pieces operation definitions are made of: a PostgreSQL name, SQL text, a
// column, a foreign key… Built on first validation, never on import (see
// operation-schema.ts). The shared shapes keep their hand-written interfaces
// (ColumnSpec, ForeignKeySpec, …), which the dialect and autogenerate use too; each
// schema here is checked against its interface both ways, so the two cannot drift.
import type { RefinementCtx, z } from "zod";
import { zod } from "../config/zod-loader.js";
import type { ColumnSpec, IdentitySpec, SequenceNumber } from "./column.js";
import type { CheckSpec, ForeignKeySpec, IndexElement, PrimaryKeySpec, UniqueSpec } from "./constraint.js";

/** Which column a sequence belongs to (dropped with it); `null` on alter: OWNED BY NONE. */
export interface SequenceOwner {
  readonly table: string;
  readonly column: string;
}

// zod's output is mutable; the interfaces are read-only, arrays too.
type ReadonlyDeep<V> = V extends readonly (infer E)[] ? readonly ReadonlyDeep<E>[] : V extends object ? { readonly [K in keyof V]: ReadonlyDeep<V[K]> } : V;
type SameShape<Output, T> = [Output] extends [T] ? ([T] extends [ReadonlyDeep<Output>] ? true : false) : false;

/** `schema`, typed as the interface `T` it validates, when its output and T fit each other both ways. */
function typed<T>() {
  return <S extends z.ZodType>(schema: S & (SameShape<z.output<S>, T> extends true ? unknown : { "does not fit its interface": T })) =>
    schema as unknown as z.ZodType<T>;
}

/** zod's namespace, named so that the declarations can name it. */
type Zod = typeof import("zod").z;

function buildVocabulary() {
  const { z } = zod();
  /** A PostgreSQL name: non-empty, no NUL, at most 63 bytes (longer names are truncated). */
  const name = z
    .string()
    .min(1, "must not be empty")
    .refine((s) => !s.includes("\0"), "must not contain a NUL character")
    .refine((s) => Buffer.byteLength(s, "utf8") <= 63, "is longer than PostgreSQL's 63-byte limit for names (it would be truncated)");
  /** SQL text the author writes (a type, an expression): non-empty. */
  const sqlText = z.string().min(1, "must not be empty");
  const names = typed<readonly string[]>()(z.array(name).min(1, "must list at least one column"));
  const schema = name.optional();
  const flag = z.boolean().optional();
  const seqNumber = typed<SequenceNumber>()(z.union([z.number().int("must be an integer"), z.bigint()]));
  const action = z.enum(["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"]);
  const initially = z.enum(["IMMEDIATE", "DEFERRED"]);
  const match = z.enum(["SIMPLE", "FULL"]);

  const sequenceOptions = {
    start: seqNumber.optional(),
    increment: seqNumber.refine((n) => n !== 0 && n !== 0n, "must not be zero").optional(),
    minValue: seqNumber.nullable().optional(),
    maxValue: seqNumber.nullable().optional(),
    cycle: flag,
    cache: seqNumber.refine((n) => n >= 1, "must be at least 1").optional(),
  };
  const identity = typed<IdentitySpec>()(z.strictObject({ generated: z.enum(["always", "by default"]), ...sequenceOptions }));
  const deferrability = { deferrable: flag, initially: initially.optional() };

  const column = typed<ColumnSpec>()(
    z
      .strictObject({
        name,
        type: sqlText,
        nullable: flag,
        default: sqlText.optional(),
        identity: identity.optional(),
        generated: sqlText.optional(),
        primaryKey: flag,
        unique: flag,
        references: z
          .strictObject({
            table: name,
            schema,
            column: name.optional(),
            name: name.optional(),
            onDelete: action.optional(),
            onUpdate: action.optional(),
            match: match.optional(),
            ...deferrability,
          })
          .optional(),
        check: sqlText.optional(),
        collation: name.optional(),
        comment: z.string().optional(),
      })
      .superRefine((c, ctx) => {
        const exclusive = (a: "identity" | "generated", b: "default" | "generated", why: string) => {
          if (c[a] !== undefined && c[b] !== undefined) ctx.addIssue({ code: "custom", path: [a], message: `cannot be combined with ${b}: ${why}` });
        };
        exclusive("identity", "default", "an identity column takes its values from its sequence");
        exclusive("identity", "generated", "a column is either an identity or generated");
        exclusive("generated", "default", "a generated column is computed, it has no default");
      }),
  );

  const primaryKey = typed<PrimaryKeySpec>()(z.strictObject({ name: name.optional(), columns: names }));
  const unique = typed<UniqueSpec>()(z.strictObject({ name: name.optional(), columns: names, nullsNotDistinct: flag, ...deferrability }));
  const foreignKeyFields = {
    name: name.optional(),
    columns: names,
    referencedTable: name,
    referencedSchema: schema,
    referencedColumns: names.optional(),
    onDelete: action.optional(),
    onUpdate: action.optional(),
    match: match.optional(),
    ...deferrability,
  };
  /** Referenced columns, when given, pair with the columns one to one. */
  const sameLength = (fk: { columns: readonly string[]; referencedColumns?: readonly string[] | undefined }, ctx: RefinementCtx) => {
    if (fk.referencedColumns !== undefined && fk.referencedColumns.length !== fk.columns.length) {
      ctx.addIssue({
        code: "custom",
        path: ["referencedColumns"],
        message: `lists ${fk.referencedColumns.length} column(s) but columns lists ${fk.columns.length}`,
      });
    }
  };
  const foreignKey = typed<ForeignKeySpec>()(z.strictObject(foreignKeyFields).superRefine(sameLength));
  const checkFields = { name: name.optional(), expression: sqlText, noInherit: flag };
  const check = typed<CheckSpec>()(z.strictObject(checkFields));
  const elementOptions = {
    order: z.enum(["ASC", "DESC"]).optional(),
    nulls: z.enum(["FIRST", "LAST"]).optional(),
    opclass: sqlText.optional(),
    collation: name.optional(),
  };
  const indexElement = typed<IndexElement>()(
    z.union([z.strictObject({ column: name, ...elementOptions }), z.strictObject({ expression: sqlText, ...elementOptions })]),
  );
  const owner = typed<SequenceOwner>()(z.strictObject({ table: name, column: name }));
  const rows = typed<readonly Readonly<Record<string, unknown>>[]>()(z.array(z.record(z.string(), z.unknown())));

  return {
    z: z as Zod,
    name,
    sqlText,
    names,
    schema,
    flag,
    seqNumber,
    sequenceOptions,
    identity,
    deferrability,
    column,
    primaryKey,
    unique,
    foreignKeyFields,
    foreignKey,
    sameLength,
    checkFields,
    check,
    indexElement,
    owner,
    rows,
    /** The table an operation is on, and its schema (omitted: the search path). */
    table: { table: name, schema },
  } as const;
}

/** What an operation definition builds its fields from. */
export type OperationVocabulary = ReturnType<typeof buildVocabulary>;

let built: OperationVocabulary | undefined;

/** The vocabulary, built once, on the first validation. */
export function operationVocabulary(): OperationVocabulary {
  built ??= buildVocabulary();
  return built;
}
