// quoteIdentifier and isTransactionalStatement without a database (the round-trip test
// checks quoting against the server's own quote_ident()).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { qualifiedName, quoteIdentifier } from "../../src/dialect/postgres/quote.js";
import { isTransactionalStatement } from "../../src/dialect/postgres/transactional.js";

describe("quoteIdentifier", () => {
  const cases: [string, string][] = [
    ["users", "users"],
    ["_private1", "_private1"],
    ["Users", '"Users"'],
    ["user", '"user"'],
    ["integer", '"integer"'],
    ["json_table", '"json_table"'],
    ["name", "name"],
    ["with$dollar", '"with$dollar"'],
    ["my table", '"my table"'],
    ['say "hi"', '"say ""hi"""'],
    ["日本", '"日本"'],
    ["1abc", '"1abc"'],
  ];
  for (const [name, expected] of cases) {
    test(`${JSON.stringify(name)} renders as ${expected}`, () => {
      assert.equal(quoteIdentifier(name), expected);
    });
  }
  test("qualifiedName quotes each part on its own", () => {
    assert.equal(qualifiedName("Order Items", "app"), 'app."Order Items"');
    assert.equal(qualifiedName("a.b"), '"a.b"');
  });
});

describe("isTransactionalStatement", () => {
  const cases: [string, boolean][] = [
    ["CREATE INDEX CONCURRENTLY ix ON t (a)", false],
    ["create unique index concurrently ix on t (a)", false],
    ["DROP INDEX CONCURRENTLY IF EXISTS ix", false],
    ["REINDEX INDEX CONCURRENTLY ix", false],
    ["VACUUM ANALYZE t", false],
    ["CREATE DATABASE x", false],
    ["ALTER SYSTEM SET work_mem = '64MB'", false],
    ["ALTER TABLE p DETACH PARTITION c CONCURRENTLY", false],
    ["/* CREATE INDEX CONCURRENTLY */ CREATE INDEX ix ON t (a)", true],
    ["INSERT INTO log VALUES ('VACUUM')", true],
    ["CREATE INDEX ix ON t (a)", true],
    ["REFRESH MATERIALIZED VIEW CONCURRENTLY v", true],
  ];
  for (const [sql, expected] of cases) {
    test(`${sql} is ${expected ? "" : "not "}transactional`, () => {
      assert.equal(isTransactionalStatement(sql), expected);
    });
  }
});

describe("isTransactionalOperation", () => {
  test("answers from the rendered statements, raw SQL included", async () => {
    const { isTransactionalOperation } = await import("../../src/dialect/postgres/render.js");
    assert.equal(isTransactionalOperation({ kind: "execute", sql: "CREATE INDEX CONCURRENTLY ix ON t (a)" }), false);
    assert.equal(isTransactionalOperation({ kind: "createIndex", name: "ix", table: "t", columns: [{ column: "a" }], concurrently: true }), false);
    assert.equal(isTransactionalOperation({ kind: "dropTable", table: "t" }), true);
  });
});
