import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeDefault, sameDefault, sameExpression } from "../../src/autogenerate/normalize-expression.js";
import { normalizeType, sameType, shortType } from "../../src/autogenerate/normalize-type.js";

test("types with the same meaning normalise to format_type's spelling", () => {
  const same: [string, string][] = [
    ["varchar(100)", "character varying(100)"],
    ["VARCHAR ( 100 )", "character varying(100)"],
    ["int4", "integer"],
    ["int", "integer"],
    ["serial", "integer"],
    ["bigserial", "bigint"],
    ["int8", "bigint"],
    ["timestamptz", "timestamp with time zone"],
    ["timestamptz(3)", "timestamp(3) with time zone"],
    ["timestamp", "timestamp without time zone"],
    ["time", "time without time zone"],
    ["bool", "boolean"],
    ["float8", "double precision"],
    ["float4", "real"],
    ["decimal(10, 2)", "numeric(10,2)"],
    ["char(3)", "character(3)"],
    ["text[]", "text[]"],
    ["int4[]", "integer[]"],
    ['"mood"', "mood"],
  ];
  for (const [a, b] of same) assert.equal(normalizeType(a), normalizeType(b), `${a} = ${b}`);
});

test("types that differ stay different", () => {
  assert.equal(sameType("varchar(100)", "varchar(200)"), false);
  assert.equal(sameType("timestamp", "timestamptz"), false);
  assert.equal(sameType("integer", "bigint"), false);
  assert.equal(sameType("text", "text[]"), false);
  assert.equal(sameType('"Mood"', "mood"), false);
});

test("format_type spellings shorten to what people write", () => {
  assert.equal(shortType("character varying(100)"), "varchar(100)");
  assert.equal(shortType("timestamp with time zone"), "timestamptz");
  assert.equal(shortType("timestamp(3) without time zone"), "timestamp(3)");
  assert.equal(shortType("integer"), "integer");
});

test("an unchanged default compares equal whatever the catalog adds", () => {
  const same: [string | null, string | null][] = [
    ["'x'", "'x'::text"],
    ["'x'", "'x'::character varying"],
    ["-1", "'-1'::integer"],
    ["0", "'0'::numeric"],
    ["1.50", "1.5"],
    ["now()", "CURRENT_TIMESTAMP"],
    ["now()", "now()"],
    ["false", "false"],
    ["'draft'", "'draft'::post_status"],
    ["'{}'", "'{}'::text[]"],
    ["'2024-01-01 00:00:00+00'", "'2024-01-01 00:00:00+00'::timestamp with time zone"],
    [null, null],
  ];
  for (const [a, b] of same) assert.ok(sameDefault(a, b), `${a} = ${b}`);
});

test("a changed default compares different", () => {
  assert.equal(sameDefault("'x'", "'y'::text"), false);
  assert.equal(sameDefault("true", "false"), false);
  assert.equal(sameDefault(null, "0"), false);
  assert.equal(sameDefault("'A'", "'a'::text"), false, "case inside quotes matters");
  assert.equal(normalizeDefault("'It''s'::text"), "'It''s'");
});

test("check expressions compare through the catalog's casts and parentheses", () => {
  assert.ok(sameExpression("price > 0", "(price > (0)::numeric)"));
  assert.ok(sameExpression("email <> ''", "((email)::text <> ''::text)"));
  assert.ok(sameExpression("status != 'x'", "(status <> 'x'::text)"));
  assert.equal(sameExpression("price > 0", "(price > (1)::numeric)"), false);
});
