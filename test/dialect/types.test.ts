// normalizeType: each spelling of a built-in type maps to what format_type() prints.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { arrayOf, enumType, isSerialType, normalizeType, numeric, varchar } from "../../src/dialect/postgres/types.js";

describe("normalizeType", () => {
  const cases: [string, string][] = [
    ["int", "integer"],
    ["INT4", "integer"],
    ["serial", "integer"],
    ["bigserial", "bigint"],
    ["int8", "bigint"],
    ["smallserial", "smallint"],
    ["float8", "double precision"],
    ["float4", "real"],
    ["bool", "boolean"],
    ["VARCHAR(100)", "character varying(100)"],
    ["character  varying ( 20 )", "character varying(20)"],
    ["varchar", "character varying"],
    ["char", "character(1)"],
    ["char(3)", "character(3)"],
    ["decimal(10, 2)", "numeric(10,2)"],
    ["timestamptz", "timestamp with time zone"],
    ["timestamptz(3)", "timestamp(3) with time zone"],
    ["timestamp", "timestamp without time zone"],
    ["timestamp(6) without time zone", "timestamp(6) without time zone"],
    ["timetz", "time with time zone"],
    ["text[]", "text[]"],
    ["int4[][]", "integer[]"],
    ["integer ARRAY", "integer[]"],
    ["jsonb", "jsonb"],
    ["uuid", "uuid"],
    ['"Mood"', '"Mood"'],
    ["public.mood", "public.mood"],
  ];
  for (const [input, expected] of cases) {
    test(`${input} normalises to ${expected}`, () => {
      assert.equal(normalizeType(input), expected);
    });
  }
});

describe("type builders", () => {
  test("build the usual spellings", () => {
    assert.equal(varchar(100), "varchar(100)");
    assert.equal(varchar(), "varchar");
    assert.equal(numeric(10, 2), "numeric(10,2)");
    assert.equal(numeric(5), "numeric(5)");
    assert.equal(arrayOf("text", 2), "text[][]");
    assert.equal(enumType("Mood", "app"), 'app."Mood"');
    assert.equal(isSerialType(" BigSerial "), true);
    assert.equal(isSerialType("integer"), false);
  });
});
