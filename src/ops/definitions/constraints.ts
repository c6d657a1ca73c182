// Constraint operations: add a primary key, unique, foreign key or check to a table,
// validate a NOT VALID one, drop one. A `null` name lets PostgreSQL name it.
import { defineOperation } from "../define-operation.js";

const orNull = <F extends string>(field: F) => ({ field, orNull: true }) as const;

export const createPrimaryKey = defineOperation({
  kind: "createPrimaryKey",
  fields: (v) => ({ ...v.table, name: v.name.optional(), columns: v.names }),
  positional: [orNull("name"), "table", "columns"],
});

export const createUniqueConstraint = defineOperation({
  kind: "createUniqueConstraint",
  fields: (v) => ({ ...v.table, name: v.name.optional(), columns: v.names, nullsNotDistinct: v.flag, ...v.deferrability }),
  positional: [orNull("name"), "table", "columns"],
});

export const createForeignKey = defineOperation({
  kind: "createForeignKey",
  fields: (v) => ({
    ...v.table,
    ...v.foreignKeyFields,
    /** NOT VALID: existing rows are not checked until validateConstraint. */
    notValid: v.flag,
  }),
  // A `null` referencedColumns means the referenced table's primary key.
  positional: [orNull("name"), "table", "referencedTable", "columns", orNull("referencedColumns")],
  refine: (op, ctx) => {
    if (op.referencedColumns !== undefined && op.referencedColumns.length !== op.columns.length) {
      ctx.addIssue({
        code: "custom",
        path: ["referencedColumns"],
        message: `lists ${op.referencedColumns.length} column(s) but columns lists ${op.columns.length}`,
      });
    }
  },
});

export const createCheckConstraint = defineOperation({
  kind: "createCheckConstraint",
  fields: (v) => ({ ...v.table, ...v.checkFields, notValid: v.flag }),
  positional: [orNull("name"), "table", "expression"],
});

export const validateConstraint = defineOperation({
  kind: "validateConstraint",
  fields: (v) => ({ ...v.table, name: v.name }),
  positional: ["name", "table"],
});

export const dropConstraint = defineOperation({
  kind: "dropConstraint",
  fields: (v) => ({ ...v.table, name: v.name, ifExists: v.flag, cascade: v.flag }),
  positional: ["name", "table"],
});
