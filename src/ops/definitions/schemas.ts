// Schema and sequence operations.
import { defineOperation } from "../define-operation.js";

export const createSchema = defineOperation({
  kind: "createSchema",
  fields: (v) => ({
    /** The schema to create. */
    schema: v.name,
    ifNotExists: v.flag,
  }),
  positional: ["schema"],
});

export const dropSchema = defineOperation({
  kind: "dropSchema",
  fields: (v) => ({
    /** The schema to drop. */
    schema: v.name,
    ifExists: v.flag,
    cascade: v.flag,
  }),
  positional: ["schema"],
});

export const createSequence = defineOperation({
  kind: "createSequence",
  fields: (v) => ({
    name: v.name,
    schema: v.schema,
    /** smallint, integer or bigint (PostgreSQL's default). */
    as: v.sqlText.optional(),
    ...v.sequenceOptions,
    ownedBy: v.owner.optional(),
    ifNotExists: v.flag,
  }),
  positional: ["name"],
});

export const alterSequence = defineOperation({
  kind: "alterSequence",
  fields: (v) => ({
    name: v.name,
    schema: v.schema,
    as: v.sqlText.optional(),
    ...v.sequenceOptions,
    /** `true` restarts at the start value; a number restarts there. */
    restart: v.z.union([v.z.boolean(), v.seqNumber]).optional(),
    /** `null`: OWNED BY NONE. */
    ownedBy: v.owner.nullable().optional(),
  }),
  positional: ["name"],
});

export const dropSequence = defineOperation({
  kind: "dropSequence",
  fields: (v) => ({ name: v.name, schema: v.schema, ifExists: v.flag, cascade: v.flag }),
  positional: ["name"],
});
