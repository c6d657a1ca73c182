// Per-key options read back from pg_get_indexdef's text: the collation and operator
// class PostgreSQL prints only when they are not the key's default.
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexKeys } from "../../src/dialect/postgres/index-definition.js";

test("collation, operator class and order are read for each key, expressions and quoted names included", () => {
  const definition =
    'CREATE INDEX ix ON t USING btree (a COLLATE "C" text_pattern_ops DESC, b NULLS FIRST, (c || \'x, y\'::text) DESC NULLS LAST, lower(c) COLLATE "en-US-x-icu", "Odd, name" COLLATE "pg_catalog"."POSIX") INCLUDE (c)';
  const keys = ["a", "b", "(c || 'x, y'::text)", "lower(c)", '"Odd, name"'];
  assert.deepEqual(indexKeys(definition, "btree", keys, [3, 2, 1, 0, 0]), [
    { expression: "a", descending: true, nullsFirst: true, collation: "C", opclass: "text_pattern_ops" },
    { expression: "b", descending: false, nullsFirst: true, collation: null, opclass: null },
    { expression: "(c || 'x, y'::text)", descending: true, nullsFirst: false, collation: null, opclass: null },
    { expression: "lower(c)", descending: false, nullsFirst: false, collation: "en-US-x-icu", opclass: null },
    { expression: '"Odd, name"', descending: false, nullsFirst: false, collation: '"pg_catalog"."POSIX"', opclass: null },
  ]);
});

test("an operator class with options and a gin index without order are read", () => {
  assert.deepEqual(indexKeys("CREATE INDEX ix ON t USING gist (doc tsvector_ops(siglen='32'))", "gist", ["doc"], [0]), [
    { expression: "doc", descending: false, nullsFirst: false, collation: null, opclass: "tsvector_ops(siglen='32')" },
  ]);
  assert.deepEqual(indexKeys("CREATE INDEX ix ON t USING gin (tags)", "gin", ["tags"], [0]), [
    { expression: "tags", descending: false, nullsFirst: false, collation: null, opclass: null },
  ]);
});
