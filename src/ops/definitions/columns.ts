// Column operations: add, drop, alter (type, nullability, default, identity, comment,
// name) and the column's comment.
import { defineOperation } from "../define-operation.js";

export const addColumn = defineOperation({
  kind: "addColumn",
  fields: (v) => ({ ...v.table, column: v.column, ifNotExists: v.flag }),
  positional: ["table", "column"],
});

export const dropColumn = defineOperation({
  kind: "dropColumn",
  fields: (v) => ({ ...v.table, column: v.name, ifExists: v.flag, cascade: v.flag }),
  positional: ["table", "column"],
});

const alterColumnChanges = ["type", "nullable", "default", "comment", "identity", "setGenerated", "newName"] as const;

/**
 * Change one column. Every field is optional and independent; an omitted field is left
 * as it is. Rendered as one ALTER TABLE for type/nullable/default/identity, then the
 * comment, then the rename (so the other changes name the column by its old name).
 */
export const alterColumn = defineOperation({
  kind: "alterColumn",
  fields: (v) => ({
    ...v.table,
    column: v.name,
    /** New SQL type. */
    type: v.sqlText.optional(),
    /** `USING expr` for the type change, e.g. `email::citext`. */
    using: v.sqlText.optional(),
    collation: v.name.optional(),
    nullable: v.flag,
    /** A SQL expression sets the server default; `null` drops it. */
    default: v.sqlText.nullable().optional(),
    /** A string sets the comment; `null` removes it. */
    comment: v.z.string().nullable().optional(),
    /** Drop an identity (`null`) or add one to a column that has none. */
    identity: v.identity.nullable().optional(),
    /**
     * Switch an identity column between `always` and `by default` in place
     * (`SET GENERATED …`): the sequence and its next value are kept.
     */
    setGenerated: v.z.enum(["always", "by default"]).optional(),
    newName: v.name.optional(),
  }),
  positional: ["table", "column"],
  optionsRequired: true,
  refine: (op, ctx) => {
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
    if (alterColumnChanges.every((key) => op[key] === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: `changes nothing: give at least one of ${alterColumnChanges.join(", ")}` });
    }
  },
});

export const setColumnComment = defineOperation({
  kind: "setColumnComment",
  fields: (v) => ({
    ...v.table,
    column: v.name,
    /** `null` removes the comment. */
    comment: v.z.string().nullable(),
  }),
  positional: ["table", "column", "comment"],
});
