// Table operations: create, drop, rename, and the table's comment.
import { defineOperation } from "../define-operation.js";

export const createTable = defineOperation({
  kind: "createTable",
  fields: (v) => ({
    ...v.table,
    columns: v.z.array(v.column),
    /** Table-level (composite) primary key; a column's `primaryKey: true` is the other way. */
    primaryKey: v.primaryKey.optional(),
    uniques: v.z.array(v.unique).optional(),
    foreignKeys: v.z.array(v.foreignKey).optional(),
    checks: v.z.array(v.check).optional(),
    ifNotExists: v.flag,
    /** Table comment; column comments live on each ColumnSpec. */
    comment: v.z.string().optional(),
  }),
  positional: ["table"],
});

export const dropTable = defineOperation({
  kind: "dropTable",
  fields: (v) => ({ ...v.table, ifExists: v.flag, cascade: v.flag }),
  positional: ["table"],
});

export const renameTable = defineOperation({
  kind: "renameTable",
  fields: (v) => ({ ...v.table, newName: v.name }),
  positional: ["table", "newName"],
});

export const createTableComment = defineOperation({
  kind: "createTableComment",
  fields: (v) => ({ ...v.table, comment: v.z.string() }),
  positional: ["table", "comment"],
});

export const dropTableComment = defineOperation({
  kind: "dropTableComment",
  fields: (v) => ({ ...v.table }),
  positional: ["table"],
});
