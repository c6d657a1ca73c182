// The words `athanor test` prints when a downgrade does not restore the schema: one line
// per object that is missing, left over or changed, named the way a person names it.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ColumnSnapshot, SchemaSnapshot, TableSnapshot } from "../../src/dialect/postgres/introspect-types.js";
import { snapshotDifferences } from "../../src/dialect/postgres/snapshot-diff.js";

const column = (name: string, type = "text", nullable = true): ColumnSnapshot => ({
  name,
  type,
  nullable,
  default: null,
  identity: null,
  generated: null,
  comment: null,
});
const table = (name: string, columns: ColumnSnapshot[], extra: Partial<TableSnapshot> = {}): TableSnapshot => ({
  schema: "public",
  name,
  comment: null,
  columns,
  primaryKey: null,
  uniques: [],
  foreignKeys: [],
  checks: [],
  indexes: [],
  ...extra,
});
const snapshot = (tables: TableSnapshot[], extra: Partial<SchemaSnapshot> = {}): SchemaSnapshot => ({ schemas: ["public"], enums: [], tables, ...extra });

test("a column the downgrade left behind, and one it dropped too many", () => {
  const before = snapshot([table("users", [column("id", "integer", false), column("email")])]);
  const after = snapshot([table("users", [column("id", "integer", false), column("nickname")])]);
  assert.deepEqual(snapshotDifferences(before, after, "after downgrade"), [
    "table users: column email missing after downgrade",
    "table users: column nickname still there after downgrade",
  ]);
});

test("a changed column names each field that changed, before → after; column order is not a difference", () => {
  const before = snapshot([table("users", [column("id", "integer", false), column("email", "varchar(255)", false)])]);
  const after = snapshot([table("users", [column("email", "text", true), column("id", "integer", false)])]);
  assert.deepEqual(snapshotDifferences(before, after, "after downgrade"), [
    "table users: column email differs after downgrade: type varchar(255) → text; nullable false → true",
  ]);
});

test("tables, indexes, enums and schemas outside public", () => {
  const index = { name: "ix_posts_user", unique: false, method: "btree", elements: [], include: [], where: null };
  const before = snapshot([table("posts", [column("id")])], { schemas: ["public"] });
  const after = snapshot([table("posts", [column("id")], { indexes: [index] }), { ...table("invoices", [column("id")]), schema: "billing" }], {
    schemas: ["billing", "public"],
    enums: [{ schema: "public", name: "mood", values: ["ok"] }],
  });
  assert.deepEqual(snapshotDifferences(before, after, "after downgrade"), [
    "schema billing still there after downgrade",
    "enum mood still there after downgrade",
    "table posts: index ix_posts_user still there after downgrade",
    "table billing.invoices still there after downgrade",
  ]);
  assert.deepEqual(snapshotDifferences(before, before, "after downgrade"), []);
});
