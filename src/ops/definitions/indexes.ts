// Index operations: create (on columns or expressions) and drop.
import type { IndexElement } from "../constraint.js";
import { defineOperation } from "../define-operation.js";

/** An index key: a column name, or an element with an expression and sort options. */
export type IndexColumn = string | IndexElement;

export const createIndex = defineOperation({
  kind: "createIndex",
  fields: (v) => ({
    name: v.name,
    table: v.name,
    /** Schema of the table; the index always lives in its table's schema. */
    schema: v.schema,
    columns: v.z.array(v.indexElement).min(1, "must list at least one column or expression"),
    unique: v.flag,
    /** Partial index predicate, without the WHERE keyword. */
    where: v.sqlText.optional(),
    /** Non-key columns stored in the index (INCLUDE). */
    include: v.z.array(v.name).optional(),
    /** Access method: btree (default), hash, gin, gist, brin, spgist… */
    method: v.z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, "must be an access method name such as btree, hash, gin, gist, brin")
      .optional(),
    nullsNotDistinct: v.flag,
    /** CREATE INDEX CONCURRENTLY: cannot run inside a transaction. */
    concurrently: v.flag,
    ifNotExists: v.flag,
  }),
  positional: [
    "name",
    "table",
    {
      field: "columns",
      // A key that is only a column is written as its name.
      convert: {
        toField: (columns: readonly IndexColumn[]): readonly IndexElement[] => columns.map((c) => (typeof c === "string" ? { column: c } : c)),
        toArgument: (elements: readonly IndexElement[]): readonly IndexColumn[] =>
          elements.map((c) => (c.column !== undefined && Object.keys(c).length === 1 ? c.column : c)),
      },
    },
  ],
});

export const dropIndex = defineOperation({
  kind: "dropIndex",
  fields: (v) => ({
    name: v.name,
    schema: v.schema,
    /** DROP INDEX CONCURRENTLY: cannot run inside a transaction, nor with cascade. */
    concurrently: v.flag,
    ifExists: v.flag,
    cascade: v.flag,
  }),
  positional: ["name"],
  refine: (op, ctx) => {
    if (op.concurrently === true && op.cascade === true) {
      ctx.addIssue({
        code: "custom",
        path: ["cascade"],
        message: "cannot be combined with concurrently (PostgreSQL refuses DROP INDEX CONCURRENTLY … CASCADE)",
      });
    }
  },
});
