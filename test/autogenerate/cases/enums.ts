// Round trips of enum changes PostgreSQL cannot make with ADD VALUE: a value renamed
// (RENAME VALUE), a value removed (the type made again, columns converted through text,
// defaults dropped and restored) and the downgrade of those; and a new value the same
// revision uses, which PostgreSQL refuses before ADD VALUE commits. Seeded rows keep their values.
import assert from "node:assert/strict";
import { check, collectModels, column, index, pgEnum, sql, table } from "../../../src/schema/index.js";
import type { RoundTripCase } from "../round-trip-cases.js";
import type { Target } from "../round-trip-harness.js";

async function moods(target: Target): Promise<unknown[]> {
  return (await target.query("SELECT mood::text AS mood FROM people ORDER BY id")).map((r) => r.mood);
}

const before = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok', past mood[]);";
const people = (values: readonly string[], fallback: string) => () => {
  const mood = pgEnum("mood", values);
  return collectModels([
    mood,
    table("people", { id: column.int().primaryKey(), mood: column.enum(mood).notNull().default(fallback), past: column.enum(mood).array() }),
  ]);
};

export const enumCases: RoundTripCase[] = [
  {
    name: "an enum value removed: the type is made again, the columns (and an array column) converted, the default restored; rows keep their values",
    before,
    after: people(["sad", "happy"], "happy"),
    seed: (t) => t.exec("INSERT INTO people (id, mood, past) VALUES (1, 'sad', '{sad,happy}'), (2, 'happy', NULL)"),
    afterUpgrade: async (t) => {
      assert.deepEqual(await moods(t), ["sad", "happy"]);
      await t.exec("INSERT INTO people (id) VALUES (3)");
      assert.deepEqual(await moods(t), ["sad", "happy", "happy"]);
    },
    afterDowngrade: async (t) => assert.deepEqual(await moods(t), ["sad", "happy", "happy"]),
  },
  {
    name: "an enum value renamed (removed and added at the same place) is RENAME VALUE; rows follow the rename both ways",
    before,
    after: people(["sad", "fine", "happy"], "fine"),
    seed: (t) => t.exec("INSERT INTO people (id, mood) VALUES (1, 'ok'), (2, 'sad')"),
    afterUpgrade: async (t) => assert.deepEqual(await moods(t), ["fine", "sad"]),
    afterDowngrade: async (t) => assert.deepEqual(await moods(t), ["ok", "sad"]),
  },
  {
    name: "enum values reordered: the type is made again in the new order",
    before,
    after: people(["happy", "ok", "sad"], "ok"),
    seed: (t) => t.exec("INSERT INTO people (id, mood) VALUES (1, 'happy')"),
    afterUpgrade: async (t) => assert.deepEqual(await moods(t), ["happy"]),
  },
  {
    name: "an enum type renamed (same values, the old name no longer declared) is ALTER TYPE … RENAME TO; rows and defaults stay",
    before,
    after: () => {
      const feeling = pgEnum("feeling", ["sad", "ok", "happy"]);
      return collectModels([
        feeling,
        table("people", { id: column.int().primaryKey(), mood: column.enum(feeling).notNull().default("ok"), past: column.enum(feeling).array() }),
      ]);
    },
    seed: (t) => t.exec("INSERT INTO people (id, mood) VALUES (1, 'happy')"),
    afterUpgrade: async (t) => assert.deepEqual(await moods(t), ["happy"]),
    afterDowngrade: async (t) => assert.deepEqual(await moods(t), ["happy"]),
  },
  {
    name: "an enum value added and made the column's default in the same revision: ADD VALUE runs in an autocommit block, the default is set after it; the downgrade makes the type again without it",
    before: "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL, past mood[]);",
    after: () => {
      const mood = pgEnum("mood", ["sad", "meh", "ok", "happy"]);
      return collectModels([
        mood,
        table("people", { id: column.int().primaryKey(), mood: column.enum(mood).notNull().default("meh"), past: column.enum(mood).array() }),
      ]);
    },
    seed: (t) => t.exec("INSERT INTO people (id, mood, past) VALUES (1, 'sad', '{sad,ok}')"),
    afterUpgrade: async (t) => {
      await t.exec("INSERT INTO people (id) VALUES (2)");
      assert.deepEqual(await moods(t), ["sad", "meh"]);
      // A row holding the new value would stop the downgrade, as its review comment says.
      await t.exec("DELETE FROM people WHERE id = 2");
    },
    afterDowngrade: async (t) => assert.deepEqual(await moods(t), ["sad"]),
  },
  {
    name: "an enum value added and used by a new check and a new partial index in the same revision: ADD VALUE is committed before them",
    before: "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE people (id integer PRIMARY KEY, mood mood);",
    after: () => {
      const mood = pgEnum("mood", ["sad", "ok", "angry"]);
      const people = table("people", { id: column.int().primaryKey(), mood: column.enum(mood) }, (t) => ({
        checks: [check("ck_people_calm", sql`${t.mood} <> 'angry'`)],
        indexes: [index("ix_people_upset", [t.id]).where(sql`${t.mood} IN ('sad', 'angry')`)],
      }));
      return collectModels([mood, people]);
    },
    seed: (t) => t.exec("INSERT INTO people (id, mood) VALUES (1, 'sad')"),
    afterUpgrade: async (t) => {
      await assert.rejects(t.exec("INSERT INTO people (id, mood) VALUES (2, 'angry')"), /ck_people_calm/);
      assert.deepEqual(await moods(t), ["sad"]);
    },
    afterDowngrade: async (t) => assert.deepEqual(await moods(t), ["sad"]),
  },
  {
    name: "an enum value renamed and another added in the same revision: RENAME VALUE, then ADD VALUE; the downgrade renames it back and makes the type again without the new value",
    before,
    after: people(["sad", "fine", "happy", "great"], "fine"),
    seed: (t) => t.exec("INSERT INTO people (id, mood, past) VALUES (1, 'ok', '{ok,sad}'), (2, 'happy', NULL)"),
    afterUpgrade: async (t) => {
      assert.deepEqual(await moods(t), ["fine", "happy"]);
      assert.deepEqual((await t.query("SELECT past::text AS past FROM people WHERE id = 1"))[0]?.past, "{fine,sad}");
      assert.deepEqual((await t.query("SELECT enum_range(NULL::mood)::text AS r"))[0]?.r, "{sad,fine,happy,great}");
    },
    afterDowngrade: async (t) => {
      assert.deepEqual(await moods(t), ["ok", "happy"]);
      assert.deepEqual((await t.query("SELECT past::text AS past FROM people WHERE id = 1"))[0]?.past, "{ok,sad}");
    },
  },
];
