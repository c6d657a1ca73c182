// zod schemas for every Operation kind: the one place argument rules live, so the facade,
// autogenerate and tests validate the same way. Objects are strict: a misspelt option
// (`nullabe`) is an error naming it, not silently ignored.
import type { RefinementCtx } from "zod";
import { zod } from "../config/zod-loader.js";

// Built on first use: `import "athanor"` (every config file, every model module) loads
// this module with the Operations facade, and building the schemas loads zod (about a
// tenth of a second a command); only running a TypeScript revision's operations needs them.
function buildOperationSchemas() {
  const { z } = zod();
  /** A PostgreSQL name: non-empty, no NUL, at most 63 bytes (longer names are truncated). */
  const name = z
    .string()
    .min(1, "must not be empty")
    .refine((s) => !s.includes("\0"), "must not contain a NUL character")
    .refine((s) => Buffer.byteLength(s, "utf8") <= 63, "is longer than PostgreSQL's 63-byte limit for names (it would be truncated)");
  /** SQL text the author writes (a type, an expression): non-empty. */
  const sqlText = z.string().min(1, "must not be empty");
  const names = z.array(name).min(1, "must list at least one column");
  const schema = name.optional();
  const flag = z.boolean().optional();
  const seqNumber = z.union([z.number().int("must be an integer"), z.bigint()]);
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
  const identity = z.strictObject({ generated: z.enum(["always", "by default"]), ...sequenceOptions });
  const deferrability = { deferrable: flag, initially: initially.optional() };

  const column = z
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
    });

  const primaryKey = z.strictObject({ name: name.optional(), columns: names });
  const unique = z.strictObject({ name: name.optional(), columns: names, nullsNotDistinct: flag, ...deferrability });
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
  const foreignKey = z.strictObject(foreignKeyFields);
  const check = z.strictObject({ name: name.optional(), expression: sqlText, noInherit: flag });
  const indexElement = z.union([
    z.strictObject({
      column: name,
      order: z.enum(["ASC", "DESC"]).optional(),
      nulls: z.enum(["FIRST", "LAST"]).optional(),
      opclass: sqlText.optional(),
      collation: name.optional(),
    }),
    z.strictObject({
      expression: sqlText,
      order: z.enum(["ASC", "DESC"]).optional(),
      nulls: z.enum(["FIRST", "LAST"]).optional(),
      opclass: sqlText.optional(),
      collation: name.optional(),
    }),
  ]);
  const table = { table: name, schema };
  const owner = z.strictObject({ table: name, column: name });

  const sameLength = (fk: { columns: readonly string[]; referencedColumns?: readonly string[] | undefined }, ctx: RefinementCtx) => {
    if (fk.referencedColumns !== undefined && fk.referencedColumns.length !== fk.columns.length) {
      ctx.addIssue({
        code: "custom",
        path: ["referencedColumns"],
        message: `lists ${fk.referencedColumns.length} column(s) but columns lists ${fk.columns.length}`,
      });
    }
  };

  return {
    createTable: z.strictObject({
      kind: z.literal("createTable"),
      ...table,
      columns: z.array(column),
      primaryKey: primaryKey.optional(),
      uniques: z.array(unique).optional(),
      foreignKeys: z.array(foreignKey.superRefine(sameLength)).optional(),
      checks: z.array(check).optional(),
      ifNotExists: flag,
      comment: z.string().optional(),
    }),
    dropTable: z.strictObject({ kind: z.literal("dropTable"), ...table, ifExists: flag, cascade: flag }),
    renameTable: z.strictObject({ kind: z.literal("renameTable"), ...table, newName: name }),
    createTableComment: z.strictObject({ kind: z.literal("createTableComment"), ...table, comment: z.string() }),
    dropTableComment: z.strictObject({ kind: z.literal("dropTableComment"), ...table }),
    addColumn: z.strictObject({ kind: z.literal("addColumn"), ...table, column, ifNotExists: flag }),
    dropColumn: z.strictObject({ kind: z.literal("dropColumn"), ...table, column: name, ifExists: flag, cascade: flag }),
    alterColumn: z
      .strictObject({
        kind: z.literal("alterColumn"),
        ...table,
        column: name,
        type: sqlText.optional(),
        using: sqlText.optional(),
        collation: name.optional(),
        nullable: flag,
        default: sqlText.nullable().optional(),
        comment: z.string().nullable().optional(),
        identity: identity.nullable().optional(),
        setGenerated: z.enum(["always", "by default"]).optional(),
        newName: name.optional(),
      })
      .superRefine((op, ctx) => {
        for (const key of ["using", "collation"] as const) {
          if (op[key] !== undefined && op.type === undefined)
            ctx.addIssue({ code: "custom", path: [key], message: "only applies to a type change: give type as well" });
        }
        if (op.setGenerated !== undefined && op.identity !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["setGenerated"],
            message: "cannot be combined with identity: setGenerated changes an identity the column has",
          });
        }
        const changes = ["type", "nullable", "default", "comment", "identity", "setGenerated", "newName"] as const;
        if (changes.every((key) => op[key] === undefined)) {
          ctx.addIssue({ code: "custom", path: [], message: `changes nothing: give at least one of ${changes.join(", ")}` });
        }
      }),
    setColumnComment: z.strictObject({ kind: z.literal("setColumnComment"), ...table, column: name, comment: z.string().nullable() }),
    createIndex: z.strictObject({
      kind: z.literal("createIndex"),
      name,
      ...table,
      columns: z.array(indexElement).min(1, "must list at least one column or expression"),
      unique: flag,
      where: sqlText.optional(),
      include: z.array(name).optional(),
      method: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/, "must be an access method name such as btree, hash, gin, gist, brin")
        .optional(),
      nullsNotDistinct: flag,
      concurrently: flag,
      ifNotExists: flag,
    }),
    dropIndex: z
      .strictObject({ kind: z.literal("dropIndex"), name, schema, concurrently: flag, ifExists: flag, cascade: flag })
      .refine((op) => !(op.concurrently === true && op.cascade === true), {
        path: ["cascade"],
        message: "cannot be combined with concurrently (PostgreSQL refuses DROP INDEX CONCURRENTLY … CASCADE)",
      }),
    createPrimaryKey: z.strictObject({ kind: z.literal("createPrimaryKey"), ...table, name: name.optional(), columns: names }),
    createUniqueConstraint: z.strictObject({
      kind: z.literal("createUniqueConstraint"),
      ...table,
      name: name.optional(),
      columns: names,
      nullsNotDistinct: flag,
      ...deferrability,
    }),
    createForeignKey: z.strictObject({ kind: z.literal("createForeignKey"), ...table, ...foreignKeyFields, notValid: flag }).superRefine(sameLength),
    createCheckConstraint: z.strictObject({
      kind: z.literal("createCheckConstraint"),
      ...table,
      name: name.optional(),
      expression: sqlText,
      noInherit: flag,
      notValid: flag,
    }),
    validateConstraint: z.strictObject({ kind: z.literal("validateConstraint"), ...table, name }),
    dropConstraint: z.strictObject({ kind: z.literal("dropConstraint"), ...table, name, ifExists: flag, cascade: flag }),
    createEnum: z.strictObject({
      kind: z.literal("createEnum"),
      name,
      schema,
      values: z.array(z.string().min(1, "must not be empty").max(63, "is longer than 63 bytes")),
    }),
    dropEnum: z.strictObject({ kind: z.literal("dropEnum"), name, schema, ifExists: flag, cascade: flag }),
    addEnumValue: z
      .strictObject({
        kind: z.literal("addEnumValue"),
        name,
        schema,
        value: z.string().min(1, "must not be empty"),
        before: z.string().optional(),
        after: z.string().optional(),
        ifNotExists: flag,
      })
      .refine((op) => op.before === undefined || op.after === undefined, { path: ["after"], message: "cannot be combined with before: give one position" }),
    renameEnumValue: z.strictObject({ kind: z.literal("renameEnumValue"), name, schema, from: z.string().min(1), to: z.string().min(1) }),
    createSchema: z.strictObject({ kind: z.literal("createSchema"), schema: name, ifNotExists: flag }),
    dropSchema: z.strictObject({ kind: z.literal("dropSchema"), schema: name, ifExists: flag, cascade: flag }),
    createSequence: z.strictObject({
      kind: z.literal("createSequence"),
      name,
      schema,
      as: sqlText.optional(),
      ...sequenceOptions,
      ownedBy: owner.optional(),
      ifNotExists: flag,
    }),
    alterSequence: z.strictObject({
      kind: z.literal("alterSequence"),
      name,
      schema,
      as: sqlText.optional(),
      ...sequenceOptions,
      restart: z.union([z.boolean(), seqNumber]).optional(),
      ownedBy: owner.nullable().optional(),
    }),
    dropSequence: z.strictObject({ kind: z.literal("dropSequence"), name, schema, ifExists: flag, cascade: flag }),
    execute: z.strictObject({ kind: z.literal("execute"), sql: z.string().min(1, "must not be empty"), params: z.array(z.unknown()).optional() }),
    bulkInsert: z.strictObject({
      kind: z.literal("bulkInsert"),
      ...table,
      columns: z.array(name).optional(),
      rows: z.array(z.record(z.string(), z.unknown())),
    }),
  } as const;
}

let built: ReturnType<typeof buildOperationSchemas> | undefined;

/** Every Operation kind's zod schema, built once. */
export function operationSchemas(): ReturnType<typeof buildOperationSchemas> {
  built ??= buildOperationSchemas();
  return built;
}
