// Round trips of expressions compared by PostgreSQL's reading: checks, defaults,
// predicates, index expressions and generated columns. The spellings the catalog
// rewrites must come back clean after the upgrade (no revision that never converges);
// the differences loose text comparison missed must be found and undone.
import assert from "node:assert/strict";
import { check, collectModels, column, index, sql, table } from "../../../src/schema/index.js";
import type { RoundTripCase } from "../round-trip-cases.js";
import type { Target } from "../round-trip-harness.js";

const items = `CREATE TABLE items (id integer PRIMARY KEY, status text NOT NULL, qty integer, price numeric(10, 2), code text);`;
const itemColumns = {
  id: column.int().primaryKey(),
  status: column.text().notNull(),
  qty: column.integer(),
  price: column.numeric(10, 2),
  code: column.text(),
};

async function scalar(target: Target, text: string): Promise<unknown> {
  const [row] = await target.query(text);
  return row ? Object.values(row)[0] : undefined;
}

export const expressionCases: RoundTripCase[] = [
  {
    name: "checks with IN and BETWEEN, a now() + interval default and a partial index on IN are created and then compare clean",
    before: items,
    after: () =>
      collectModels([
        table("items", { ...itemColumns, due: column.timestamptz().default(sql`now() + interval '1 day'`) }, (t) => ({
          checks: [check("ck_items_status", sql`${t.status} IN ('new', 'paid')`), check("ck_items_qty", sql`${t.qty} BETWEEN 1 AND 100`)],
          indexes: [index("ix_items_open", [t.id]).where(sql`${t.status} IN ('new', 'paid')`), index("ix_items_code", [sql`lower(${t.code})`])],
        })),
      ]),
  },
  {
    name: "a check regrouped from a AND b OR c to a AND (b OR c) is detected and replaced",
    before: items + `ALTER TABLE items ADD CONSTRAINT ck_items_logic CHECK (qty > 0 AND price > 0 OR status = 'new');`,
    after: () =>
      collectModels([
        table("items", itemColumns, (t) => ({ checks: [check("ck_items_logic", sql`${t.qty} > 0 AND (${t.price} > 0 OR ${t.status} = 'new')`)] })),
      ]),
    afterUpgrade: async (target) =>
      assert.match(String(await scalar(target, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_items_logic'")), /AND \(\(price > /),
  },
  {
    name: "a changed cast inside a check is detected and replaced",
    before: items + `ALTER TABLE items ADD CONSTRAINT ck_items_code CHECK (code::int >= 0);`,
    after: () => collectModels([table("items", itemColumns, (t) => ({ checks: [check("ck_items_code", sql`${t.code}::bigint >= 0`)] }))]),
  },
  {
    name: "a text default changed from '007' to '7' is detected",
    before: `CREATE TABLE items (id integer PRIMARY KEY, code text DEFAULT '007');`,
    after: () => collectModels([table("items", { id: column.int().primaryKey(), code: column.text().default("7") })]),
    afterUpgrade: async (target) =>
      assert.equal(
        await scalar(target, "SELECT column_default FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'code'"),
        "'7'::text",
      ),
  },
  {
    name: "a changed partial-index predicate and a changed index expression are detected and the indexes rebuilt",
    before: items + `CREATE INDEX ix_items_open ON items (id) WHERE status IN ('new', 'paid'); CREATE INDEX ix_items_code ON items (lower(code));`,
    after: () =>
      collectModels([
        table("items", itemColumns, (t) => ({
          indexes: [index("ix_items_open", [t.id]).where(sql`${t.status} IN ('new', 'sent')`), index("ix_items_code", [sql`upper(${t.code})`])],
        })),
      ]),
  },
  {
    name: "a changed generated-column expression rebuilds the column (drop and add, with a review comment) and the index on it",
    before: items + `ALTER TABLE items ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED; CREATE INDEX ix_items_total ON items (total);`,
    after: () =>
      collectModels([
        table("items", { ...itemColumns, total: column.numeric().generatedAs(sql.raw("price * qty * 2")) }, (t) => ({
          indexes: [index("ix_items_total", [t.total])],
        })),
      ]),
    seed: async (target) => target.exec("INSERT INTO items (id, status, qty, price) VALUES (1, 'new', 3, 2.50)"),
    afterUpgrade: async (target) => {
      assert.equal(Number(await scalar(target, "SELECT total FROM items WHERE id = 1")), 15, "the values are computed with the new expression");
      assert.equal(await scalar(target, "SELECT to_regclass('ix_items_total') IS NOT NULL"), true, "the index on it is there");
    },
    afterDowngrade: async (target) => assert.equal(Number(await scalar(target, "SELECT total FROM items WHERE id = 1")), 7.5),
  },
];
