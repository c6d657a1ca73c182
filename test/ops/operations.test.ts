// The Operations facade: each method builds the operation data, bad arguments are
// refused naming the option, query is online only, and non-transactional operations
// are refused inside a transaction unless wrapped in autocommitBlock.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { Operations } from "../../src/ops/operations.js";
import type { Operation } from "../../src/ops/operation.js";
import { CollectingSink } from "./collecting-sink.js";

async function built(call: (op: Operations) => Promise<unknown>): Promise<Operation[]> {
  const sink = new CollectingSink();
  await call(new Operations(sink));
  return sink.operations;
}

async function refusal(call: (op: Operations) => Promise<unknown>, options = {}): Promise<AthanorError> {
  const op = new Operations(new CollectingSink(), options);
  try {
    await call(op);
  } catch (error) {
    assert.ok(error instanceof AthanorError, `expected an AthanorError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected the call to be refused");
}

describe("Operations builds operation data", () => {
  const cases: { name: string; call: (op: Operations) => Promise<unknown>; expected: Operation }[] = [
    {
      name: "createTable",
      call: (op) => op.createTable("users", { schema: "app", columns: [{ name: "id", type: "bigint", primaryKey: true }], comment: "c" }),
      expected: { kind: "createTable", table: "users", schema: "app", columns: [{ name: "id", type: "bigint", primaryKey: true }], comment: "c" },
    },
    { name: "dropTable", call: (op) => op.dropTable("users", { cascade: true }), expected: { kind: "dropTable", table: "users", cascade: true } },
    { name: "renameTable", call: (op) => op.renameTable("a", "b"), expected: { kind: "renameTable", table: "a", newName: "b" } },
    { name: "createTableComment", call: (op) => op.createTableComment("a", "hi"), expected: { kind: "createTableComment", table: "a", comment: "hi" } },
    { name: "dropTableComment", call: (op) => op.dropTableComment("a"), expected: { kind: "dropTableComment", table: "a" } },
    {
      name: "addColumn",
      call: (op) => op.addColumn("users", { name: "new_field", type: "varchar(100)" }, { ifNotExists: true }),
      expected: { kind: "addColumn", table: "users", column: { name: "new_field", type: "varchar(100)" }, ifNotExists: true },
    },
    { name: "dropColumn", call: (op) => op.dropColumn("users", "x"), expected: { kind: "dropColumn", table: "users", column: "x" } },
    {
      name: "alterColumn",
      call: (op) => op.alterColumn("users", "x", { type: "text", using: "x::text", default: null }),
      expected: { kind: "alterColumn", table: "users", column: "x", type: "text", using: "x::text", default: null },
    },
    {
      name: "setColumnComment",
      call: (op) => op.setColumnComment("t", "c", null),
      expected: { kind: "setColumnComment", table: "t", column: "c", comment: null },
    },
    {
      name: "createIndex turns column names into elements",
      call: (op) => op.createIndex("ix", "t", ["a", { expression: "lower(b)" }], { unique: true }),
      expected: { kind: "createIndex", name: "ix", table: "t", columns: [{ column: "a" }, { expression: "lower(b)" }], unique: true },
    },
    { name: "dropIndex", call: (op) => op.dropIndex("ix", { ifExists: true }), expected: { kind: "dropIndex", name: "ix", ifExists: true } },
    {
      name: "createPrimaryKey without a name",
      call: (op) => op.createPrimaryKey(null, "t", ["id"]),
      expected: { kind: "createPrimaryKey", table: "t", columns: ["id"] },
    },
    {
      name: "createUniqueConstraint",
      call: (op) => op.createUniqueConstraint("uq", "t", ["a"]),
      expected: { kind: "createUniqueConstraint", name: "uq", table: "t", columns: ["a"] },
    },
    {
      name: "createForeignKey in Alembic's argument order",
      call: (op) => op.createForeignKey("fk", "blogs", "users", ["user_id"], ["id"], { onDelete: "CASCADE" }),
      expected: {
        kind: "createForeignKey",
        name: "fk",
        table: "blogs",
        referencedTable: "users",
        columns: ["user_id"],
        referencedColumns: ["id"],
        onDelete: "CASCADE",
      },
    },
    {
      name: "createForeignKey to the primary key",
      call: (op) => op.createForeignKey(null, "blogs", "users", ["user_id"], null),
      expected: { kind: "createForeignKey", table: "blogs", referencedTable: "users", columns: ["user_id"] },
    },
    {
      name: "createCheckConstraint",
      call: (op) => op.createCheckConstraint("ck", "t", "a > 0"),
      expected: { kind: "createCheckConstraint", name: "ck", table: "t", expression: "a > 0" },
    },
    { name: "validateConstraint", call: (op) => op.validateConstraint("ck", "t"), expected: { kind: "validateConstraint", name: "ck", table: "t" } },
    { name: "dropConstraint", call: (op) => op.dropConstraint("ck", "t"), expected: { kind: "dropConstraint", name: "ck", table: "t" } },
    { name: "createEnum", call: (op) => op.createEnum("mood", ["a", "b"]), expected: { kind: "createEnum", name: "mood", values: ["a", "b"] } },
    { name: "dropEnum", call: (op) => op.dropEnum("mood"), expected: { kind: "dropEnum", name: "mood" } },
    {
      name: "addEnumValue",
      call: (op) => op.addEnumValue("mood", "c", { after: "a" }),
      expected: { kind: "addEnumValue", name: "mood", value: "c", after: "a" },
    },
    { name: "renameEnumValue", call: (op) => op.renameEnumValue("mood", "a", "z"), expected: { kind: "renameEnumValue", name: "mood", from: "a", to: "z" } },
    { name: "createSchema", call: (op) => op.createSchema("s"), expected: { kind: "createSchema", schema: "s" } },
    { name: "dropSchema", call: (op) => op.dropSchema("s", { cascade: true }), expected: { kind: "dropSchema", schema: "s", cascade: true } },
    { name: "createSequence", call: (op) => op.createSequence("q", { start: 5n }), expected: { kind: "createSequence", name: "q", start: 5n } },
    { name: "alterSequence", call: (op) => op.alterSequence("q", { restart: true }), expected: { kind: "alterSequence", name: "q", restart: true } },
    { name: "dropSequence", call: (op) => op.dropSequence("q"), expected: { kind: "dropSequence", name: "q" } },
    { name: "execute", call: (op) => op.execute("SELECT $1", [1]), expected: { kind: "execute", sql: "SELECT $1", params: [1] } },
    {
      name: "bulkInsert",
      call: (op) => op.bulkInsert("t", [{ a: 1 }], { schema: "s" }),
      expected: { kind: "bulkInsert", table: "t", rows: [{ a: 1 }], schema: "s" },
    },
  ];
  for (const c of cases) {
    test(`${c.name} emits its operation`, async () => {
      assert.deepEqual(await built(c.call), [c.expected]);
    });
  }
});

describe("Operations refuses bad arguments and names the option", () => {
  const cases: { name: string; call: (op: Operations) => Promise<unknown>; message: RegExp }[] = [
    {
      name: "a column without a type",
      call: (op) => op.createTable("t", { columns: [{ name: "a", type: "int" }, { name: "b" } as never] }),
      message: /^op\.createTable: columns\[1\]\.type: /,
    },
    {
      name: "a misspelt option",
      call: (op) => op.addColumn("t", { name: "a", type: "int", nullabe: false } as never),
      message: /column\.nullabe: is not an option of this operation/,
    },
    { name: "an empty table name", call: (op) => op.dropTable(""), message: /^op\.dropTable: table: must not be empty/ },
    { name: "a name longer than 63 bytes", call: (op) => op.createSchema("é".repeat(32)), message: /schema: is longer than PostgreSQL's 63-byte limit/ },
    {
      name: "an unknown referential action",
      call: (op) => op.createForeignKey("fk", "a", "b", ["x"], ["y"], { onDelete: "cascade" as never }),
      message: /onDelete: /,
    },
    {
      name: "column lists of different lengths",
      call: (op) => op.createForeignKey("fk", "a", "b", ["x", "y"], ["z"]),
      message: /referencedColumns: lists 1 column\(s\) but columns lists 2/,
    },
    {
      name: "identity with a default",
      call: (op) => op.addColumn("t", { name: "a", type: "int", default: "1", identity: { generated: "always" } }),
      message: /column\.identity: cannot be combined with default/,
    },
    { name: "using without a type", call: (op) => op.alterColumn("t", "a", { using: "a::int" }), message: /using: only applies to a type change/ },
    { name: "an alterColumn that changes nothing", call: (op) => op.alterColumn("t", "a", {}), message: /changes nothing/ },
    {
      name: "before and after together",
      call: (op) => op.addEnumValue("e", "v", { before: "a", after: "b" }),
      message: /after: cannot be combined with before/,
    },
    { name: "a fractional sequence start", call: (op) => op.createSequence("q", { start: 1.5 }), message: /start: / },
    {
      name: "dropIndex concurrently with cascade",
      call: (op) => op.autocommitBlock(() => op.dropIndex("ix", { concurrently: true, cascade: true })),
      message: /cascade: cannot be combined with concurrently/,
    },
    { name: "an index without columns", call: (op) => op.createIndex("ix", "t", []), message: /columns: must list at least one/ },
  ];
  for (const c of cases) {
    test(`${c.name} is INVALID_OPERATION naming the option`, async () => {
      const error = await refusal(c.call);
      assert.equal(error.code, "INVALID_OPERATION");
      assert.match(error.message, c.message);
      assert.ok(error.hint);
    });
  }
});

describe("Operations and transactions", () => {
  test("query offline is OFFLINE_UNSUPPORTED and says to use execute or run online", async () => {
    const op = new Operations(new CollectingSink(true));
    await assert.rejects(op.query("SELECT 1"), (error: AthanorError) => {
      assert.equal(error.code, "OFFLINE_UNSUPPORTED");
      assert.match(error.hint ?? "", /op\.execute\(\).*without --sql/);
      return true;
    });
  });

  test("query online returns the sink's rows", async () => {
    assert.deepEqual(await new Operations(new CollectingSink()).query("SELECT 1"), [{ n: 1 }]);
  });

  test("createIndex concurrently inside a transaction is refused with both fixes in the hint", async () => {
    const error = await refusal((op) => op.createIndex("ix", "t", ["a"], { concurrently: true }));
    assert.equal(error.code, "INVALID_OPERATION");
    assert.match(error.message, /^op\.createIndex: this statement cannot run inside a transaction/);
    assert.match(error.hint ?? "", /op\.autocommitBlock\(async \(\) =>/);
    assert.match(error.hint ?? "", /export const transactional = false/);
  });

  test("createIndex concurrently inside autocommitBlock is emitted between commit and begin", async () => {
    const sink = new CollectingSink();
    const op = new Operations(sink);
    await op.autocommitBlock(async () => {
      await op.createIndex("ix", "t", ["a"], { concurrently: true });
    });
    await op.dropTable("t");
    assert.deepEqual(sink.events, ["commit", "createIndex", "begin", "dropTable"]);
  });

  test("dropIndex concurrently in a non-transactional revision is emitted", async () => {
    const sink = new CollectingSink();
    await new Operations(sink, { transactional: false }).dropIndex("ix", { concurrently: true });
    assert.equal(sink.operations.length, 1);
  });

  test("a transactional check from the runtime catches raw SQL in execute", async () => {
    const isTransactional = (o: Operation) => !(o.kind === "execute" && /CONCURRENTLY/i.test(o.sql));
    const error = await refusal((op) => op.execute("CREATE INDEX CONCURRENTLY ix ON t (a)"), { isTransactional });
    assert.match(error.message, /^op\.execute: this statement cannot run inside a transaction/);
  });
});
