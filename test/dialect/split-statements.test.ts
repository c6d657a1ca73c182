// splitStatements: `;` ends a statement only in code — never inside strings, E'' strings,
// quoted identifiers, dollar-quoted bodies, comments, or a BEGIN ATOMIC routine body.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { AthanorError } from "../../src/errors.js";
import { splitStatements } from "../../src/dialect/postgres/split-statements.js";

const cases: { name: string; sql: string; expected: string[] }[] = [
  { name: "two plain statements", sql: "SELECT 1; SELECT 2;", expected: ["SELECT 1", "SELECT 2"] },
  { name: "a last statement without ;", sql: "SELECT 1;\nSELECT 2\n", expected: ["SELECT 1", "SELECT 2"] },
  { name: "empty statements are dropped", sql: ";;\n ; SELECT 1;;", expected: ["SELECT 1"] },
  { name: "; inside a string", sql: "INSERT INTO t VALUES ('a;b');SELECT 1", expected: ["INSERT INTO t VALUES ('a;b')", "SELECT 1"] },
  { name: "'' escapes in a string", sql: "SELECT 'it''s; fine'; SELECT 2", expected: ["SELECT 'it''s; fine'", "SELECT 2"] },
  { name: "backslash escapes in an E string", sql: "SELECT E'a\\'; b'; SELECT 2", expected: ["SELECT E'a\\'; b'", "SELECT 2"] },
  { name: "a backslash before the quote in a standard string ends it", sql: "SELECT 'a\\'; SELECT 2", expected: ["SELECT 'a\\'", "SELECT 2"] },
  {
    name: "; inside a quoted identifier with doubled quotes",
    sql: 'CREATE TABLE "a;""b" (x int); SELECT 1',
    expected: ['CREATE TABLE "a;""b" (x int)', "SELECT 1"],
  },
  {
    name: "; inside a $$ body",
    sql: "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nSELECT f();",
    expected: ["CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT f()"],
  },
  {
    name: "a $tag$ body containing $$",
    sql: "DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$; SELECT 1",
    expected: ["DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$", "SELECT 1"],
  },
  { name: "$1 and a$b are not dollar quotes", sql: "SELECT a$b FROM t WHERE x = $1; SELECT 2", expected: ["SELECT a$b FROM t WHERE x = $1", "SELECT 2"] },
  { name: "; in a line comment", sql: "SELECT 1 -- one; two\n; SELECT 2", expected: ["SELECT 1", "SELECT 2"] },
  {
    name: "leading comments stay with their statement",
    sql: "-- make t\nCREATE TABLE t (x int);\n/* drop it */ DROP TABLE t;",
    expected: ["-- make t\nCREATE TABLE t (x int)", "/* drop it */ DROP TABLE t"],
  },
  { name: "nested block comments", sql: "/* a /* b; */ c; */ SELECT 1; SELECT 2", expected: ["/* a /* b; */ c; */ SELECT 1", "SELECT 2"] },
  { name: "a file of only comments has no statements", sql: "-- nothing\n/* here */\n", expected: [] },
  { name: "a trailing comment after the last ; is dropped", sql: "SELECT 1; -- done\n", expected: ["SELECT 1"] },
  {
    name: "a BEGIN ATOMIC body keeps its inner ;",
    sql: "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT f();",
    expected: ["CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END", "SELECT f()"],
  },
  { name: "BEGIN as a transaction statement still splits", sql: "BEGIN; SELECT 1; COMMIT;", expected: ["BEGIN", "SELECT 1", "COMMIT"] },
  {
    name: "unicode and newlines in strings",
    sql: "INSERT INTO t VALUES ('日本;\n語');SELECT 'é'",
    expected: ["INSERT INTO t VALUES ('日本;\n語')", "SELECT 'é'"],
  },
  { name: "U& strings and identifiers", sql: `SELECT U&'d\\0061t;a', U&"a;b"; SELECT 2`, expected: [`SELECT U&'d\\0061t;a', U&"a;b"`, "SELECT 2"] },
];

describe("splitStatements", () => {
  for (const c of cases) {
    test(`splits ${c.name}`, () => {
      assert.deepEqual(splitStatements(c.sql), c.expected);
    });
  }

  for (const [what, sql, line] of [
    ["quoted string", "SELECT 1;\nSELECT 'oops;", 2],
    ["dollar-quoted string", "SELECT 1;\n\nDO $$ BEGIN", 3],
    ["/* comment", "/* never closed\nSELECT 1;", 1],
    ["quoted identifier", 'SELECT "a;', 1],
  ] as const) {
    test(`an unterminated ${what} is an error naming line ${line}`, () => {
      assert.throws(
        () => splitStatements(sql),
        (error: AthanorError) => error.code === "INVALID_REVISION_FILE" && error.message === `unterminated ${what} starting at line ${line}`,
      );
    });
  }
});
