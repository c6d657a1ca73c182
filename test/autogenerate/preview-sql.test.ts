import assert from "node:assert/strict";
import { test } from "node:test";
import { previewSql } from "../../src/autogenerate/preview-sql.js";

const sql = (text: string) => ({ op: { kind: "execute" as const, sql: text } });

test("generate --sql's preview commits around an autocommit block in the middle and notes become comments", () => {
  assert.deepEqual(previewSql([sql("SELECT 1"), { autocommit: [sql("SELECT 2")] }, { note: "review:\nthis" }, sql("SELECT 3")]), [
    "BEGIN;",
    "SELECT 1;",
    "COMMIT;",
    "SELECT 2;",
    "BEGIN;",
    "-- review:",
    "-- this",
    "SELECT 3;",
    "COMMIT;",
  ]);
});

test("a block at the end leaves no empty transaction after it", () => {
  assert.deepEqual(previewSql([sql("SELECT 1"), { autocommit: [sql("SELECT 2")] }]), ["BEGIN;", "SELECT 1;", "COMMIT;", "SELECT 2;"]);
});
