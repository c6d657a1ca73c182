// InferRow's keys are the column names node-postgres returns for `SELECT *`, not the
// model's property names. The type checks here are checked by `tsc` (npm run typecheck):
// a wrong key or value type fails to compile. The runtime tests build the table from
// the model on PostgreSQL and PGlite and compare the keys the driver returns.
import { PGlite } from "@electric-sql/pglite";
import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { autogenerate } from "../../src/autogenerate/autogenerate.js";
import type { QueryFunction } from "../../src/dialect/postgres/introspect-types.js";
import { type InferRow, collectModels, column, getTableInfo, pgEnum, sql, table } from "../../src/schema/index.js";
import type { SnakeCase } from "../../src/schema/snake-case.js";
import { snakeCase } from "../../src/schema/table.js";
import { createTestDatabase } from "../helpers/database.js";
import { runGeneratedBody } from "../autogenerate/round-trip-harness.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

const accounts = table("accounts", {
  id: column.bigint().primaryKey().identity(),
  createdAt: column.timestamptz().notNull().default(sql`now()`),
  userHTTPServer: column.text(),
  address2Line: column.text(),
  displayName: column.varchar(100).named("shown_as").notNull().default("anonymous"),
  already_snake: column.int(),
  tags: column.text().array().named("labels"),
});
type Row = InferRow<typeof accounts>;

// Compile-time: the keys are the SQL names; named() survives the calls chained after it.
assertType<Equal<keyof Row, "id" | "created_at" | "user_http_server" | "address2_line" | "shown_as" | "already_snake" | "labels">>();
assertType<Equal<Row["shown_as"], string>>();
assertType<Equal<Row["created_at"], Date>>();
assertType<Equal<Row["labels"], string[] | null>>();
assertType<Equal<Row["id"], string>>();
// @ts-expect-error the model's property name is not a key of the row
assertType<Equal<Row["createdAt"], Date>>();
// @ts-expect-error shown_as is NOT NULL
const nullName: Row["shown_as"] = null;
void nullName;

/** Every key of the row, exactly: a missing or extra key does not compile. */
const rowKeys: Record<keyof Row, true> = {
  id: true,
  created_at: true,
  user_http_server: true,
  address2_line: true,
  shown_as: true,
  already_snake: true,
  labels: true,
};

/** The type-level and runtime snake_case agree: a wrong `snake` does not compile, a runtime difference fails. */
function sameSnake<const K extends string>(key: K, snake: SnakeCase<K>): void {
  assert.equal(snakeCase(key), snake, key);
}

test("SnakeCase and snakeCase() name columns alike, acronyms and digits included", () => {
  sameSnake("createdAt", "created_at");
  sameSnake("userHTTPServer", "user_http_server");
  sameSnake("HTTPServer", "http_server");
  sameSnake("address2Line", "address2_line");
  sameSnake("userID", "user_id");
  sameSnake("already_snake", "already_snake");
  sameSnake("ABC", "abc");
  sameSnake("aBc", "a_bc");
});

test("InferRow's keys are the columns' names in the database as the model names them", () => {
  assert.deepEqual(
    Object.keys(rowKeys).sort(),
    getTableInfo(accounts)
      .columns.map((c) => c.name)
      .sort(),
  );
});

async function keysReturned(query: QueryFunction): Promise<string[]> {
  const result = await autogenerate({ query, models: collectModels([accounts]) });
  await runGeneratedBody({ query, exec: async (text) => void (await query(text)) }, result.upgradeBody);
  await query("INSERT INTO accounts DEFAULT VALUES");
  const [row] = await query("SELECT * FROM accounts");
  return Object.keys(row ?? {}).sort();
}

test("PostgreSQL: node-postgres returns exactly InferRow's keys for SELECT * on the table built from the model", async () => {
  const database = await createTestDatabase("infer");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const keys = await keysReturned(async (text, params) => (await client.query(text, params as unknown[])).rows);
    assert.deepEqual(keys, Object.keys(rowKeys).sort());
    const typed = await client.query<Row>("SELECT * FROM accounts");
    assert.equal(typed.rows[0]?.shown_as, "anonymous");
  } finally {
    await client.end();
    await database.drop();
  }
});

test("PGlite: SELECT * on the table built from the model returns exactly InferRow's keys", async () => {
  const db = await PGlite.create();
  try {
    const keys = await keysReturned(async (text, params) => (await db.query<Record<string, unknown>>(text, params as unknown[])).rows);
    assert.deepEqual(keys, Object.keys(rowKeys).sort());
  } finally {
    await db.close();
  }
});

// Every builder's value type, as README's Columns table says node-postgres returns it.
const mood = pgEnum("infer_mood", ["sad", "ok"]);
const kinds = table("kinds", {
  small: column.smallint().notNull(),
  whole: column.int(),
  big: column.bigint(),
  counter: column.serial(),
  bigCounter: column.bigserial(),
  amount: column.numeric(12, 2),
  ratio: column.double(),
  label: column.varchar(20),
  flag: column.boolean(),
  day: column.date(),
  at: column.time(),
  stamp: column.timestamptz(),
  span: column.interval(),
  key: column.uuid(),
  doc: column.jsonb<{ a: number }>(),
  bytes: column.bytea(),
  mood: column.enum(mood).notNull(),
  words: column.custom<string>("tsvector"),
  tags: column.text().array(),
  ident: column.int().identity(),
});
type Kinds = InferRow<typeof kinds>;
assertType<
  Equal<
    Kinds,
    {
      small: number;
      whole: number | null;
      big: string | null;
      counter: number;
      big_counter: string;
      amount: string | null;
      ratio: number | null;
      label: string | null;
      flag: boolean | null;
      day: Date | null;
      at: string | null;
      stamp: Date | null;
      span: unknown;
      key: string | null;
      doc: { a: number } | null;
      bytes: Buffer | null;
      mood: "sad" | "ok";
      words: string | null;
      tags: string[] | null;
      ident: number;
    }
  >
>();

test("PostgreSQL: node-postgres returns each column's value as InferRow types it", async () => {
  const database = await createTestDatabase("infer");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const query: QueryFunction = async (text, params) => (await client.query(text, params as unknown[])).rows;
    const result = await autogenerate({ query, models: collectModels([mood, kinds]) });
    await runGeneratedBody({ query, exec: async (text) => void (await query(text)) }, result.upgradeBody);
    await client.query(`INSERT INTO kinds (small, whole, big, amount, ratio, label, flag, day, "at", stamp, span, key, doc, bytes, mood, words, tags)
      VALUES (1, 2, 3, 4.5, 0.5, 'x', true, '2025-12-15', '10:00', now(), '1 day', gen_random_uuid(), '{"a": 1}', '\\x00', 'ok', 'a b', '{t}')`);
    const { rows } = await client.query<Kinds>("SELECT * FROM kinds");
    const row = rows[0]!;
    const kindOf = (v: unknown) => (v instanceof Date ? "Date" : Buffer.isBuffer(v) ? "Buffer" : Array.isArray(v) ? "array" : typeof v);
    assert.deepEqual(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, kindOf(v)])), {
      small: "number",
      whole: "number",
      big: "string",
      counter: "number",
      big_counter: "string",
      amount: "string",
      ratio: "number",
      label: "string",
      flag: "boolean",
      day: "Date",
      at: "string",
      stamp: "Date",
      span: "object",
      key: "string",
      doc: "object",
      bytes: "Buffer",
      mood: "string",
      words: "string",
      tags: "array",
      ident: "number",
    });
  } finally {
    await client.end();
    await database.drop();
  }
});
