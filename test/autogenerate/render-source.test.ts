import assert from "node:assert/strict";
import { test } from "node:test";
import { note, op } from "../../src/autogenerate/change.js";
import { renderBody, renderOperationSource } from "../../src/autogenerate/render-source.js";

test("addColumn renders as the call a person would write", () => {
  assert.equal(
    renderOperationSource({ kind: "addColumn", table: "users", column: { name: "new_field", type: "varchar(100)", nullable: true } }),
    'await op.addColumn("users", { name: "new_field", type: "varchar(100)", nullable: true });',
  );
});

test("schema and options go in a trailing object; names come first, Alembic's order", () => {
  assert.equal(
    renderOperationSource({ kind: "dropColumn", table: "users", column: "x", schema: "billing" }),
    'await op.dropColumn("users", "x", { schema: "billing" });',
  );
  assert.equal(
    renderOperationSource({ kind: "createIndex", name: "ix_a", table: "t", columns: [{ column: "a" }, { expression: "lower(b)" }], unique: true }),
    'await op.createIndex("ix_a", "t", ["a", { expression: "lower(b)" }], { unique: true });',
  );
});

test("a long createTable breaks one column per line", () => {
  const text = renderOperationSource({
    kind: "createTable",
    table: "users",
    columns: [
      { name: "id", type: "bigint", primaryKey: true, identity: { generated: "by default" } },
      { name: "email", type: "varchar(255)", nullable: false, unique: true },
    ],
  });
  assert.equal(
    text,
    [
      'await op.createTable("users", {',
      "    columns: [",
      '      { name: "id", type: "bigint", primaryKey: true, identity: { generated: "by default" } },',
      '      { name: "email", type: "varchar(255)", nullable: false, unique: true },',
      "    ],",
      "  });",
    ].join("\n"),
  );
});

test("notes become comments and an empty body says there is nothing to do", () => {
  assert.equal(
    renderBody([note("Drops users.x and its data."), op({ kind: "dropColumn", table: "users", column: "x" })]),
    '  // Drops users.x and its data.\n  await op.dropColumn("users", "x");',
  );
  assert.equal(renderBody([]), "  // Nothing to do.");
});

test("a createIndex with per-key options and INCLUDE renders the keys as objects and include as a list", () => {
  assert.equal(
    renderOperationSource({
      kind: "createIndex",
      name: "ix_events_recent",
      table: "events",
      columns: [{ column: "created_at", order: "DESC" }, { column: "kind", collation: "C", opclass: "text_pattern_ops", nulls: "FIRST" }, { column: "id" }],
      include: ["title"],
    }),
    [
      'await op.createIndex("ix_events_recent", "events", [',
      '    { column: "created_at", order: "DESC" },',
      '    { column: "kind", collation: "C", opclass: "text_pattern_ops", nulls: "FIRST" },',
      '    "id",',
      '  ], { include: ["title"] });',
    ].join("\n"),
  );
});
