import assert from "node:assert/strict";
import { test } from "node:test";
import { modelSnapshot } from "../../src/autogenerate/model-snapshot.js";
import { isAthanorError } from "../../src/errors.js";
import {
  check,
  collectModels,
  column,
  foreignKey,
  getTableInfo,
  index,
  type InferRow,
  loadModels,
  pgEnum,
  primaryKey,
  schema,
  sequence,
  sql,
  table,
  unique,
} from "../../src/schema/index.js";

test("column keys become snake_case names unless .named() says otherwise", () => {
  const t = table("users", { createdAt: column.timestamptz(), userID: column.int(), legacy: column.text().named("LegacyName") });
  assert.deepEqual(
    getTableInfo(t).columns.map((c) => c.name),
    ["created_at", "user_id", "LegacyName"],
  );
  assert.equal(t.createdAt.name, "created_at");
});

test("builders are immutable: a shared base is not changed by what is chained on it", () => {
  const money = column.numeric(12, 2);
  const t = table("prices", { a: money.notNull(), b: money });
  assert.equal(t.a.state.notNull, true);
  assert.equal(t.b.state.notNull, false);
  assert.equal(t.a.state.type, "numeric(12,2)");
});

test("unnamed constraints get Postgres's default names", () => {
  const users = table("users", { id: column.bigint().primaryKey(), email: column.text().unique(), score: column.int() }, (t) => ({
    checks: [check(sql`${t.score} > 0`), check(sql`${t.score} < ${t.id}`)],
    indexes: [index([t.email, t.score])],
  }));
  const orders = table("orders", { a: column.int(), b: column.int(), userId: column.bigint().references(() => users.id) }, (t) => ({
    primaryKey: primaryKey([t.a, t.b]),
    uniques: [unique([t.a, t.userId])],
    foreignKeys: [foreignKey([t.userId], () => [users.id], { onDelete: "cascade", name: "fk_orders_user" })],
  }));
  const snap = modelSnapshot(collectModels([users, orders]));
  const [u, o] = snap.tables;
  assert.equal(u?.primaryKey?.name, "users_pkey");
  assert.deepEqual(
    u?.uniques.map((x) => x.name),
    ["users_email_key"],
  );
  assert.deepEqual(
    u?.checks.map((x) => x.name),
    ["users_score_check", "users_check"],
  );
  assert.deepEqual(
    u?.indexes.map((x) => x.name),
    ["users_email_score_idx"],
  );
  assert.deepEqual(o?.primaryKey, { name: "orders_pkey", columns: ["a", "b"] });
  assert.deepEqual(
    o?.uniques.map((x) => x.name),
    ["orders_a_user_id_key"],
  );
  assert.deepEqual(
    o?.foreignKeys.map((x) => [x.name, x.onDelete]),
    [
      ["orders_user_id_fkey", "NO ACTION"],
      ["fk_orders_user", "CASCADE"],
    ],
  );
});

test("sql interpolates columns as quoted names and values as literals", () => {
  const t = table("t", { user: column.text(), name: column.text() });
  assert.equal(sql`${t.user} = ${"it's"} and ${t.name} > ${3}`.text, `"user" = 'it''s' and name > 3`);
});

test("enums and schemas: columns name the type, qualified outside the default schema", () => {
  const billing = schema("billing");
  const status = billing.enum("status", ["open", "paid"]);
  const mood = pgEnum("mood", ["sad", "ok"]);
  const invoices = billing.table("invoices", { status: column.enum(status), mood: column.enum(mood).array() });
  const snap = modelSnapshot(collectModels([invoices]));
  assert.deepEqual(snap.schemas, ["public", "billing"]);
  assert.deepEqual(
    snap.enums.map((e) => `${e.schema}.${e.name}`),
    ["billing.status", "public.mood"],
    "enums used by columns are collected",
  );
  assert.deepEqual(
    snap.tables[0]?.columns.map((c) => c.type),
    ["billing.status", "mood[]"],
  );
});

test("literal defaults render as SQL literals, identity and serial imply NOT NULL", () => {
  const t = table("t", {
    a: column.text().default("x"),
    b: column.int().default(-1),
    c: column.boolean().default(true),
    d: column.serial(),
    e: column.bigint().identity("always"),
  });
  const cols = modelSnapshot(collectModels([t])).tables[0]?.columns ?? [];
  assert.deepEqual(
    cols.map((c) => c.default),
    ["'x'", "-1", "true", null, null],
  );
  assert.deepEqual(
    cols.map((c) => c.nullable),
    [true, true, true, false, false],
  );
  assert.equal(cols[4]?.identity, "always");
});

test("the same table declared twice is an error naming it", () => {
  const a = table("users", { id: column.int() });
  const b = table("users", { id: column.int() });
  assert.throws(
    () => collectModels([a, b]),
    (e) => isAthanorError(e) && e.code === "INVALID_MODELS" && /users/.test(e.message),
  );
});

test("loadModels names a model path that does not exist and says where to fix it", async () => {
  await assert.rejects(
    loadModels(["app/nope"], process.cwd()),
    (e) => isAthanorError(e) && /app\/nope/.test(e.message) && /athanor\.config\.ts/.test(e.hint ?? ""),
  );
});

test("InferRow gives the row type: NOT NULL columns non-null, the others nullable", () => {
  const users = table("users", { id: column.bigint().primaryKey(), name: column.text(), age: column.int().notNull() });
  const row: InferRow<typeof users> = { id: "1", name: null, age: 3 };
  // @ts-expect-error age is NOT NULL
  const bad: InferRow<typeof users> = { id: "1", name: "x", age: null };
  assert.ok(row && bad);
});

// A JavaScript project has no compiler to catch these: each is refused when the models
// are collected, naming the table and column, never a TypeError from deep inside.
const misuses: [string, () => unknown, RegExp][] = [
  ["a table without a name", () => collectModels([table("", { id: column.int() })]), /a table has no name/],
  ["a table whose columns are not an object", () => table("t", null as never), /table\("t", …\) was given null for its columns/],
  ["a column that is not a column builder", () => table("t", { id: 5 as never }), /column id is number 5, not a column/],
  [
    "two keys with one column name",
    () => collectModels([table("t", { createdAt: column.int(), created_at: column.int() })]),
    /column created_at of table t is named created_at in the database, as createdAt is/,
  ],
  ["a name PostgreSQL would cut", () => collectModels([table("t".repeat(64), { id: column.int() })]), /64 bytes; PostgreSQL keeps 63/],
  ["a varchar of length 0", () => collectModels([table("t", { a: column.varchar(0) })]), /column a of table t is varchar\(0\): the length must be/],
  ["a timestamp precision of 9", () => collectModels([table("t", { a: column.timestamptz(9) })]), /precision must be a whole number from 0 to 6/],
  ["a default that is an object", () => collectModels([table("t", { a: column.int().default({} as never) })]), /has the default an object/],
  [
    "a reference to nothing",
    () => collectModels([table("t", { a: column.int().references(() => undefined as never) })]),
    /references nothing, not a column of a model table/,
  ],
  [
    "an index without keys",
    () => collectModels([table("t", { a: column.int() }, () => ({ indexes: [index("ix_t", [])] }))]),
    /index ix_t of table t has no key/,
  ],
  [
    "an index on another table's column",
    () => {
      const other = table("other", { b: column.int() });
      return collectModels([table("t", { a: column.int() }, () => ({ indexes: [index("ix_t", [other.b])] }))]);
    },
    /index ix_t of table t lists an object, not a column of table t/,
  ],
  ["an enum without values", () => collectModels([pgEnum("mood", [])]), /enum mood has no values/],
  ["an enum value listed twice", () => collectModels([pgEnum("mood", ["ok", "ok"])]), /enum mood lists "ok" twice/],
  ["a sequence start that is not a whole number", () => collectModels([sequence("n", { start: 1.5 })]), /sequence n has start: number 1.5/],
  ["a named check without its expression", () => check("ck_price"), /check\("ck_price"\) has a name and no expression/],
];
for (const [what, declare, message] of misuses) {
  test(`${what} is refused as INVALID_MODELS naming it`, () => {
    assert.throws(declare, (e) => isAthanorError(e) && e.code === "INVALID_MODELS" && message.test(e.message) && (e.hint ?? "").length > 0);
  });
}
