// Enum type operations: create, drop, add a value, rename a value.
import { defineOperation } from "../define-operation.js";

export const createEnum = defineOperation({
  kind: "createEnum",
  fields: (v) => ({ name: v.name, schema: v.schema, values: v.z.array(v.z.string().min(1, "must not be empty").max(63, "is longer than 63 bytes")) }),
  positional: ["name", "values"],
});

export const dropEnum = defineOperation({
  kind: "dropEnum",
  fields: (v) => ({ name: v.name, schema: v.schema, ifExists: v.flag, cascade: v.flag }),
  positional: ["name"],
});

export const addEnumValue = defineOperation({
  kind: "addEnumValue",
  fields: (v) => ({
    /** The enum type's name. */
    name: v.name,
    schema: v.schema,
    value: v.z.string().min(1, "must not be empty"),
    /** Position: before or after an existing value (at most one); omitted appends. */
    before: v.z.string().optional(),
    after: v.z.string().optional(),
    ifNotExists: v.flag,
  }),
  positional: ["name", "value"],
  refine: (op, ctx) => {
    if (op.before !== undefined && op.after !== undefined)
      ctx.addIssue({ code: "custom", path: ["after"], message: "cannot be combined with before: give one position" });
  },
});

export const renameEnumValue = defineOperation({
  kind: "renameEnumValue",
  fields: (v) => ({ name: v.name, schema: v.schema, from: v.z.string().min(1), to: v.z.string().min(1) }),
  positional: ["name", "from", "to"],
});
