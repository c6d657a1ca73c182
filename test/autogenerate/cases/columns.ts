// Round trips of columns autogenerate cannot pair up: a renamed column looks like one
// dropped and one added (Alembic writes the same drop and add), so the revision says
// which pair is a likely rename; and a rebuilt generated column, which PostgreSQL 15
// can only add at the end of the table.
import assert from "node:assert/strict";
import { collectModels, column, sql, table } from "../../../src/schema/index.js";
import type { RoundTripCase } from "../round-trip-cases.js";
import type { Target } from "../round-trip-harness.js";

async function columnNames(target: Target, tableName: string): Promise<unknown[]> {
  const rows = await target.query(
    "SELECT attname::text AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
    [tableName],
  );
  return rows.map((r) => r.name);
}

export const columnCases: RoundTripCase[] = [
  {
    name: "a column renamed while another is added: drop and add (the dropped column's data is gone), under a review comment naming the likely rename; the downgrade brings the column back empty, last",
    before: "CREATE TABLE users (id integer PRIMARY KEY, full_name text, email text NOT NULL);",
    after: () =>
      collectModels([table("users", { id: column.int().primaryKey(), displayName: column.text(), email: column.text().notNull(), age: column.int() })]),
    movesColumns: true,
    seed: (t) => t.exec("INSERT INTO users (id, full_name, email) VALUES (1, 'Ada Lovelace', 'ada@example.com')"),
    afterUpgrade: async (t) => {
      const [row] = await t.query("SELECT display_name, email, age FROM users");
      assert.deepEqual(row, { display_name: null, email: "ada@example.com", age: null }, "the revision as generated loses full_name: hence the review comment");
    },
    afterDowngrade: async (t) => {
      const [row] = await t.query("SELECT full_name, email FROM users");
      assert.deepEqual(row, { full_name: null, email: "ada@example.com" });
    },
  },
  {
    name: "a generated column in the middle of a table whose expression changes is rebuilt at the end; the downgrade rebuilds it again, so only the column order differs from before",
    before:
      "CREATE TABLE items (id integer PRIMARY KEY, price numeric(10, 2), qty integer, total numeric GENERATED ALWAYS AS (price * qty) STORED, note text);",
    after: () =>
      collectModels([
        table("items", {
          id: column.int().primaryKey(),
          price: column.numeric(10, 2),
          qty: column.int(),
          total: column.numeric().generatedAs(sql.raw("price * qty * 2")),
          note: column.text(),
        }),
      ]),
    movesColumns: true,
    seed: (t) => t.exec("INSERT INTO items (id, price, qty, note) VALUES (1, 2.50, 3, 'x')"),
    afterUpgrade: async (t) => {
      assert.deepEqual(await columnNames(t, "items"), ["id", "price", "qty", "note", "total"]);
      assert.equal(Number((await t.query("SELECT total FROM items"))[0]?.total), 15);
    },
    afterDowngrade: async (t) => {
      assert.deepEqual(await columnNames(t, "items"), ["id", "price", "qty", "note", "total"]);
      assert.equal(Number((await t.query("SELECT total FROM items"))[0]?.total), 7.5);
    },
  },
];
