import assert from "node:assert/strict";
import { test } from "node:test";
import type { SchemaSnapshot, TableSnapshot } from "../../src/dialect/postgres/introspect-types.js";
import { applyInclude } from "../../src/autogenerate/include-filter.js";
import { type IncludeObject, comparedSchemas } from "../../src/autogenerate/include-rules.js";

function tableOf(schema: string, name: string, columns: string[] = ["id"]): TableSnapshot {
  return {
    schema,
    name,
    comment: null,
    columns: columns.map((c) => ({ name: c, type: "integer", nullable: true, default: null, identity: null, generated: null, comment: null })),
    primaryKey: null,
    uniques: [],
    foreignKeys: [],
    checks: [],
    indexes: [],
  };
}

const snapshot = (tables: TableSnapshot[]): SchemaSnapshot => ({ schemas: ["public"], enums: [], tables });
const names = (s: SchemaSnapshot) => s.tables.map((t) => `${t.schema}.${t.name}`);

test("a table only the database has is set aside as unmodelled by default, and kept for dropping with dropUnmodelled", () => {
  const model = snapshot([tableOf("public", "users")]);
  const db = snapshot([tableOf("public", "users"), tableOf("public", "legacy")]);
  const byDefault = applyInclude(model, db);
  assert.deepEqual(names(byDefault.database), ["public.users"]);
  assert.deepEqual(byDefault.unmodelled, [{ kind: "table", schema: "public", name: "legacy" }]);
  const dropping = applyInclude(model, db, {}, true);
  assert.deepEqual(names(dropping.database), ["public.users", "public.legacy"]);
  assert.deepEqual(dropping.unmodelled, []);
});

test("a sequence only the database has is unmodelled like a table: set aside by default, dropped with dropUnmodelled or when object() says true, left out when it says false", () => {
  const sequenceOf = (name: string) => ({
    schema: "public",
    name,
    as: "bigint",
    start: "1",
    increment: "1",
    minValue: "1",
    maxValue: "9223372036854775807",
    cache: "1",
    cycle: false,
  });
  const model: SchemaSnapshot = { ...snapshot([]), sequences: [sequenceOf("invoice_no")] };
  const db: SchemaSnapshot = { ...snapshot([]), sequences: [sequenceOf("invoice_no"), sequenceOf("batch_no"), sequenceOf("audit_no")] };
  const sequences = (s: SchemaSnapshot) => (s.sequences ?? []).map((x) => x.name);
  const byDefault = applyInclude(model, db);
  assert.deepEqual(sequences(byDefault.database), ["invoice_no"]);
  assert.deepEqual(byDefault.unmodelled, [
    { kind: "sequence", schema: "public", name: "batch_no" },
    { kind: "sequence", schema: "public", name: "audit_no" },
  ]);
  assert.deepEqual(sequences(applyInclude(model, db, {}, true).database), ["invoice_no", "batch_no", "audit_no"]);
  const ruled = applyInclude(model, db, {
    object: (o) => (o.kind !== "sequence" ? undefined : o.name === "batch_no" ? true : o.name === "audit_no" ? false : undefined),
  });
  assert.deepEqual(sequences(ruled.database), ["invoice_no", "batch_no"], "batch_no is compared (and so dropped), audit_no left out");
  assert.deepEqual(ruled.unmodelled, []);
});

test("table globs: a plain pattern matches the name in any schema, a dotted one schema.name; ! leaves out on both sides and wins", () => {
  const model = snapshot([tableOf("public", "users"), tableOf("public", "tmp_model")]);
  const db = snapshot([
    tableOf("public", "users"),
    tableOf("billing", "old_a"),
    tableOf("public", "old_b"),
    tableOf("public", "tmp_x"),
    tableOf("public", "other"),
  ]);
  const result = applyInclude(model, db, { tables: ["billing.old_?", "!tmp_*", "!public.old_b", "old_*"], object: () => true });
  assert.deepEqual(names(result.model), ["public.users"]);
  assert.deepEqual(names(result.database), ["public.users", "billing.old_a", "public.other"], "object() true covers other; ! beats it for old_b and tmp_x");
  assert.deepEqual(result.leftOut, ["public.tmp_model", "public.old_b", "public.tmp_x"]);
});

test("the object function is asked once per object with the sides that have it; nothing from it means the default rule", () => {
  const seen: IncludeObject[] = [];
  const model = snapshot([tableOf("public", "users", ["id", "email"])]);
  const db = snapshot([tableOf("public", "users", ["id", "search"]), tableOf("public", "legacy")]);
  const result = applyInclude(model, db, {
    object: (o) => {
      seen.push(o);
      if (o.kind === "column" && o.name === "search") return false;
    },
  });
  assert.deepEqual(
    result.database.tables[0]!.columns.map((c) => c.name),
    ["id"],
  );
  assert.deepEqual(
    result.model.tables[0]!.columns.map((c) => c.name),
    ["id", "email"],
  );
  assert.deepEqual(
    result.unmodelled.map((o) => o.name),
    ["legacy"],
    "undefined for legacy: unmodelled, not dropped",
  );
  assert.deepEqual(
    seen.filter((o) => o.kind === "column").map((o) => [o.name, o.table, o.inModels, o.inDatabase]),
    [
      ["id", "users", true, true],
      ["email", "users", true, false],
      ["search", "users", false, true],
    ],
  );
  assert.deepEqual(
    seen.filter((o) => o.kind === "table").map((o) => [o.name, o.inModels, o.inDatabase]),
    [
      ["users", true, true],
      ["legacy", false, true],
    ],
  );
});

test("compared schemas: the configured ones first, then the models', then every other database schema include.schemas lets in", () => {
  assert.deepEqual(comparedSchemas(["public"], ["public", "billing"], ["audit", "billing", "public", "reporting"]), [
    "public",
    "billing",
    "audit",
    "reporting",
  ]);
  assert.deepEqual(comparedSchemas(["public"], ["public"], ["audit", "public", "reporting"], ["!rep*"]), ["public", "audit"]);
  assert.deepEqual(
    comparedSchemas(["public"], ["billing"], ["audit", "billing", "public"], ["none"]),
    ["public", "billing"],
    "named schemas stay whatever the patterns say",
  );
});
