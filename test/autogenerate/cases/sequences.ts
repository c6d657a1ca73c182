// Round trips of standalone sequences declared with sequence(): created before the
// table whose default uses it, altered in place (the current value kept), dropped.
import assert from "node:assert/strict";
import { collectModels, column, sequence, sql, table } from "../../../src/schema/index.js";
import type { RoundTripCase } from "../round-trip-cases.js";
import type { Target } from "../round-trip-harness.js";

async function nextval(target: Target, name: string): Promise<number> {
  const [row] = await target.query("SELECT nextval($1::regclass) AS v", [name]);
  return Number(row?.v);
}

export const sequenceCases: RoundTripCase[] = [
  {
    name: "a new sequence is created before the table whose default uses it",
    before: "",
    after: () => {
      const invoiceNo = sequence("invoice_no", { start: 1000, increment: 5, cache: 10 });
      return collectModels([
        invoiceNo,
        table("invoices", { id: column.int().primaryKey(), no: column.bigint().notNull().default(sql`nextval('invoice_no')`) }),
      ]);
    },
    afterUpgrade: async (t) => assert.equal(await nextval(t, "invoice_no"), 1000),
  },
  {
    name: "a sequence's options change in place: ALTER SEQUENCE keeps its current value",
    before: "CREATE SEQUENCE ticket_no AS integer START WITH 100; SELECT nextval('ticket_no'); SELECT nextval('ticket_no');",
    after: () => collectModels([sequence("ticket_no", { as: "integer", start: 100, increment: 10, maxValue: 100000, cycle: true })]),
    afterUpgrade: async (t) => assert.equal(await nextval(t, "ticket_no"), 111),
    afterDowngrade: async (t) => assert.equal(await nextval(t, "ticket_no"), 112),
  },
  {
    name: "a sequence no model declares is dropped (with --drop-unmodelled) and the downgrade re-creates it with its options",
    before: "CREATE SEQUENCE batch_no AS smallint INCREMENT BY -1 CACHE 5;",
    after: () => collectModels([]),
    afterUpgrade: async (t) => assert.equal((await t.query("SELECT to_regclass('batch_no') IS NULL AS gone"))[0]?.gone, true),
    afterDowngrade: async (t) => assert.equal(await nextval(t, "batch_no"), -1),
  },
  {
    name: "a sequence only the database has is dropped without --drop-unmodelled when include.object says true for it",
    before: "CREATE SEQUENCE legacy_no START WITH 7;",
    after: () => collectModels([]),
    autogenerate: { include: { object: (o) => (o.kind === "sequence" && o.name === "legacy_no" ? true : undefined) }, dropUnmodelled: false },
    afterUpgrade: async (t) => assert.equal((await t.query("SELECT to_regclass('legacy_no') IS NULL AS gone"))[0]?.gone, true),
    afterDowngrade: async (t) => assert.equal(await nextval(t, "legacy_no"), 7),
  },
];
