// Golden SQL for enums, schemas and sequences.
import { goldenSuite } from "./golden.js";

goldenSuite(
  "enum, schema and sequence operations",
  ["CREATE TABLE accounts (id integer PRIMARY KEY, ref bigint)"],
  [
    {
      name: "createSchema",
      op: { kind: "createSchema", schema: "billing" },
      sql: "CREATE SCHEMA billing",
    },
    {
      name: "createSchema ifNotExists with a name that needs quotes",
      op: { kind: "createSchema", schema: "Audit Log", ifNotExists: true },
      sql: 'CREATE SCHEMA IF NOT EXISTS "Audit Log"',
    },
    {
      name: "createEnum with values that need escaping",
      op: { kind: "createEnum", schema: "billing", name: "Status", values: ["draft", "it's sent", "paid\\ok"] },
      sql: `CREATE TYPE billing."Status" AS ENUM ('draft', 'it''s sent', E'paid\\\\ok')`,
      then: `SELECT E'paid\\\\ok'::billing."Status"`,
    },
    {
      name: "addEnumValue at the end",
      op: { kind: "addEnumValue", schema: "billing", name: "Status", value: "void" },
      sql: `ALTER TYPE billing."Status" ADD VALUE 'void'`,
    },
    {
      name: "addEnumValue before an existing value, ifNotExists",
      op: { kind: "addEnumValue", schema: "billing", name: "Status", value: "pending", before: "paid\\ok", ifNotExists: true },
      sql: `ALTER TYPE billing."Status" ADD VALUE IF NOT EXISTS 'pending' BEFORE E'paid\\\\ok'`,
    },
    {
      name: "addEnumValue after an existing value",
      op: { kind: "addEnumValue", schema: "billing", name: "Status", value: "review", after: "draft" },
      sql: `ALTER TYPE billing."Status" ADD VALUE 'review' AFTER 'draft'`,
    },
    {
      name: "renameEnumValue",
      op: { kind: "renameEnumValue", schema: "billing", name: "Status", from: "void", to: "cancelled" },
      sql: `ALTER TYPE billing."Status" RENAME VALUE 'void' TO 'cancelled'`,
    },
    {
      name: "createEnum in the search path",
      op: { kind: "createEnum", name: "mood", values: ["sad", "ok"] },
      sql: "CREATE TYPE mood AS ENUM ('sad', 'ok')",
    },
    {
      name: "dropEnum plain",
      op: { kind: "dropEnum", name: "mood" },
      sql: "DROP TYPE mood",
    },
    {
      name: "dropEnum ifExists cascade",
      op: { kind: "dropEnum", schema: "billing", name: "Status", ifExists: true, cascade: true },
      sql: `DROP TYPE IF EXISTS billing."Status" CASCADE`,
    },
    {
      name: "createSequence with every option, owned by a column",
      op: {
        kind: "createSequence",
        name: "accounts_ref_seq",
        as: "bigint",
        start: 1000,
        increment: 10,
        minValue: 1000,
        maxValue: 9007199254740993n,
        cache: 5,
        cycle: false,
        ownedBy: { table: "accounts", column: "ref" },
      },
      sql: "CREATE SEQUENCE accounts_ref_seq AS bigint START WITH 1000 INCREMENT BY 10 MINVALUE 1000 MAXVALUE 9007199254740993 CACHE 5 NO CYCLE OWNED BY accounts.ref",
      then: "SELECT nextval('accounts_ref_seq')",
    },
    {
      name: "createSequence ifNotExists in a schema",
      op: { kind: "createSequence", schema: "billing", name: "invoice_no", ifNotExists: true },
      sql: "CREATE SEQUENCE IF NOT EXISTS billing.invoice_no",
    },
    {
      name: "alterSequence bounds off, cycle, restart with a value",
      op: { kind: "alterSequence", name: "accounts_ref_seq", minValue: null, maxValue: null, cycle: true, restart: 5000, increment: 1 },
      sql: "ALTER SEQUENCE accounts_ref_seq INCREMENT BY 1 NO MINVALUE NO MAXVALUE CYCLE RESTART WITH 5000",
    },
    {
      name: "alterSequence restart at the start, owned by none, as integer",
      op: { kind: "alterSequence", name: "accounts_ref_seq", as: "integer", restart: true, ownedBy: null },
      sql: "ALTER SEQUENCE accounts_ref_seq AS integer RESTART OWNED BY NONE",
    },
    {
      name: "dropSequence plain",
      op: { kind: "dropSequence", name: "accounts_ref_seq" },
      sql: "DROP SEQUENCE accounts_ref_seq",
    },
    {
      name: "dropSequence ifExists cascade",
      op: { kind: "dropSequence", schema: "billing", name: "invoice_no", ifExists: true, cascade: true },
      sql: "DROP SEQUENCE IF EXISTS billing.invoice_no CASCADE",
    },
    {
      name: "dropSchema ifExists cascade",
      op: { kind: "dropSchema", schema: "billing", ifExists: true, cascade: true },
      sql: "DROP SCHEMA IF EXISTS billing CASCADE",
    },
    {
      name: "dropSchema plain",
      op: { kind: "dropSchema", schema: "Audit Log" },
      sql: 'DROP SCHEMA "Audit Log"',
    },
  ],
);
