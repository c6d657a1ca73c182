// Round trips of enum changes PostgreSQL cannot make with ADD VALUE: a value renamed
// (RENAME VALUE), a value removed (the type made again, columns converted through text,
// defaults dropped and restored) and the downgrade of those. Seeded rows keep their values.
import assert from "node:assert/strict";
import { collectModels, column, pgEnum, table } from "../../../src/schema/index.js";
import type { RoundTripCase } from "../round-trip-cases.js";
import type { Target } from "../round-trip-harness.js";

async function moods(target: Target): Promise<unknown[]> {
  return (await target.query("SELECT mood::text AS mood FROM people ORDER BY id")).map((r) => r.mood);
}

const before = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok', past mood[]);";
const people = (values: readonly string[], fallback: string) => () => {
  const mood = pgEnum("mood", values);
  return collectModels([mood, table("people", { id: column.int().primaryKey(), mood: column.enum(mood).notNull().default(fallback), past: column.enum(mood).array() })]);
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
      return collectModels([feeling, table("people", { id: column.int().primaryKey(), mood: column.enum(feeling).notNull().default("ok"), past: column.enum(feeling).array() })]);
    },
    seed: (t) => t.exec("INSERT INTO people (id, mood) VALUES (1, 'happy')"),
    afterUpgrade: async (t) => assert.deepEqual(await moods(t), ["happy"]),
    afterDowngrade: async (t) => assert.deepEqual(await moods(t), ["happy"]),
  },
];
