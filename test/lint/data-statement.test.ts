// Which statements `squash` cannot carry over through a schema comparison, as a table.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dataStatementWord, uncomparedStatement } from "../../src/lint/data-statement.js";

test("data statements are told by their first code word; a set_config SELECT and DDL are not data", () => {
  const cases: [string, string | undefined][] = [
    ["INSERT INTO users (email) VALUES ('a')", "insert"],
    ["  -- seed\n  update users set active = true", "update"],
    ["DELETE FROM sessions", "delete"],
    ["COPY users FROM STDIN", "copy"],
    ["WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", "with"],
    ["DO $$ BEGIN PERFORM 1; END $$", "do"],
    ["TRUNCATE audit", "truncate"],
    ["SELECT set_config('search_path', 'app', false)", undefined],
    ["CREATE INDEX ix ON users (email)", undefined],
    ["ALTER TABLE users ADD COLUMN nickname text", undefined],
    ["SET lock_timeout = '2s'", undefined],
  ];
  for (const [sql, word] of cases) assert.equal(dataStatementWord(sql), word, sql);
});

test("DDL on objects autogenerate does not compare is named; tables, indexes, enums and columns are not", () => {
  const cases: [string, string | undefined][] = [
    ["CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql", "create function"],
    ["CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()", "create trigger"],
    ["CREATE CONSTRAINT TRIGGER t AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch()", "create trigger"],
    ["CREATE EXTENSION IF NOT EXISTS pgcrypto", "create extension"],
    ["CREATE MATERIALIZED VIEW totals AS SELECT 1", "create view"],
    ["DROP FUNCTION IF EXISTS touch()", "drop function"],
    ["GRANT SELECT ON users TO reader", "grant"],
    ["CREATE TABLE users (id int)", undefined],
    ["CREATE UNIQUE INDEX ix ON users (email)", undefined],
    ["CREATE TYPE mood AS ENUM ('happy')", undefined],
    ["ALTER TABLE users ADD COLUMN x int", undefined],
    ["INSERT INTO users VALUES (1)", undefined],
  ];
  for (const [sql, words] of cases) assert.equal(uncomparedStatement(sql), words, sql);
});
