// renderLiteral and inlineParams: the exact literal text for each kind of value, and the
// values PostgreSQL text cannot hold refused with a clear reason.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { AthanorError } from "../../src/errors.js";
import { inlineParams } from "../../src/dialect/postgres/inline-params.js";
import { renderLiteral } from "../../src/dialect/postgres/literal.js";

describe("renderLiteral", () => {
  const cases: [string, unknown, string][] = [
    ["null", null, "NULL"],
    ["undefined", undefined, "NULL"],
    ["true", true, "TRUE"],
    ["false", false, "FALSE"],
    ["an integer", 42, "42"],
    ["a negative float", -1.5, "-1.5"],
    ["negative zero", -0, "0"],
    ["a bigint past 2^53", 9007199254740993n, "9007199254740993"],
    ["a plain string", "hello", "'hello'"],
    ["a quote", "it's", "'it''s'"],
    ["a backslash uses E''", "a\\b", "E'a\\\\b'"],
    ["a quote and a backslash", "'\\'", "E'''\\\\'''"],
    ["$$ stays as is", "$$ x $$", "'$$ x $$'"],
    ["newlines and tabs stay as is", "a\nb\tc\r", "'a\nb\tc\r'"],
    ["unicode beyond the BMP", "😀 é 日本", "'😀 é 日本'"],
    ["a Date", new Date("2025-12-15T10:00:00.123Z"), "'2025-12-15T10:00:00.123Z'::timestamptz"],
    ["a Buffer", Buffer.from([0, 1, 254, 255]), "E'\\\\x0001feff'::bytea"],
    ["a Uint8Array view", new Uint8Array([9, 8, 7]).subarray(1), "E'\\\\x0807'::bytea"],
    ["a plain object", { a: "it's", b: [1] }, `'{"a":"it''s","b":[1]}'::jsonb`],
    ["an array of strings", ["a", 'b"c', "d\\e", null], `E'{"a","b\\\\"c","d\\\\\\\\e",NULL}'`],
    [
      "a nested array",
      [
        [1, 2],
        [3, 4],
      ],
      `'{{"1","2"},{"3","4"}}'`,
    ],
    ["an empty array", [], "'{}'"],
  ];
  for (const [name, value, expected] of cases) {
    test(`renders ${name}`, () => {
      assert.equal(renderLiteral(value), expected);
    });
  }

  const refused: [string, unknown, RegExp][] = [
    ["a NUL in a string", "a\0b", /NUL character/],
    ["an unpaired surrogate", "a\uD800b", /unpaired UTF-16 surrogate/],
    ["NaN", Number.NaN, /the number NaN/],
    ["Infinity", Number.POSITIVE_INFINITY, /the number Infinity/],
    ["an invalid Date", new Date("nope"), /an invalid Date/],
    ["a Map", new Map(), /an object of class Map/],
    ["a function", () => 1, /a value of type function/],
    ["a NUL inside an array element", ["\0"], /NUL character/],
  ];
  for (const [name, value, message] of refused) {
    test(`refuses ${name} as INVALID_OPERATION`, () => {
      assert.throws(
        () => renderLiteral(value),
        (error: AthanorError) => error.code === "INVALID_OPERATION" && message.test(error.message) && error.hint !== undefined,
      );
    });
  }
});

describe("inlineParams", () => {
  test("replaces $n in code only", () => {
    assert.equal(
      inlineParams(`SELECT $1, '$1', "$1", $$ $1 $$, $q$ $2 $q$ /* $1 */ -- $2\n, $2, a$1`, ["x", 2]),
      `SELECT 'x', '$1', "$1", $$ $1 $$, $q$ $2 $q$ /* $1 */ -- $2\n, 2, a$1`,
    );
  });
  test("the same placeholder twice gets the same value", () => {
    assert.equal(inlineParams("SELECT $1 || $1", ["a"]), "SELECT 'a' || 'a'");
  });
  test("$10 is the tenth parameter, not $1 followed by 0", () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    assert.equal(inlineParams("SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10", params), "SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10");
  });
  test("a placeholder without a value is an error naming it", () => {
    assert.throws(() => inlineParams("SELECT $1, $2", [1]), /execute: the SQL refers to \$2 but 1 parameter\(s\) were given/);
  });
  test("a value without a placeholder is an error naming it", () => {
    assert.throws(() => inlineParams("SELECT '$2', $1", [1, 2]), /execute: parameter\(s\) \$2 given but not used/);
  });
});
