// Data operations: raw SQL and rows inserted as literals, so offline output is complete.
import { defineOperation } from "../define-operation.js";

/** Raw SQL, with optional positional parameters ($1, $2, …) rendered as literals. */
export const execute = defineOperation({
  kind: "execute",
  fields: (v) => ({ sql: v.z.string().min(1, "must not be empty"), params: v.z.array(v.z.unknown()).optional() }),
  positional: ["sql", { field: "params", optional: true }],
});

/** Rows inserted as literals (one INSERT for all rows). */
export const bulkInsert = defineOperation({
  kind: "bulkInsert",
  fields: (v) => ({
    ...v.table,
    /** Column order of the INSERT; omitted: every key of every row, in first-seen order. */
    columns: v.z.array(v.name).optional(),
    rows: v.rows,
  }),
  positional: ["table", "rows"],
});
