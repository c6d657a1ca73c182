// Round trips of type changes PostgreSQL cannot make without USING: the generated
// alterColumn converts with `col::type` (through text where needed), defaults are
// dropped and set again around it, and the seeded rows keep their values both ways.
import assert from "node:assert/strict";
import { collectModels, column, pgEnum, table } from "../../../src/schema/index.js";
import type { RoundTripCase } from "../round-trip-cases.js";
import type { Target } from "../round-trip-harness.js";

async function values(target: Target, sql: string): Promise<unknown[]> {
  return (await target.query(sql)).map((r) => Object.values(r)[0]);
}

export const castCases: RoundTripCase[] = [
  {
    name: "text becomes integer with USING; the default is dropped and set again; the rows convert and convert back",
    before: "CREATE TABLE items (id integer PRIMARY KEY, qty text DEFAULT '1');",
    after: () => collectModels([table("items", { id: column.int().primaryKey(), qty: column.int().default(1) })]),
    seed: (t) => t.exec("INSERT INTO items (id, qty) VALUES (1, '10'), (2, '20')"),
    afterUpgrade: async (t) => assert.deepEqual(await values(t, "SELECT qty + 1 FROM items ORDER BY id"), [11, 21]),
    afterDowngrade: async (t) => assert.deepEqual(await values(t, "SELECT qty FROM items ORDER BY id"), ["10", "20"]),
  },
  {
    name: "text becomes an enum the revision creates, with its default; the rows keep their values",
    before: "CREATE TABLE posts (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'draft');",
    after: () => {
      const status = pgEnum("post_status", ["draft", "published"]);
      return collectModels([status, table("posts", { id: column.int().primaryKey(), status: column.enum(status).notNull().default("draft") })]);
    },
    seed: (t) => t.exec("INSERT INTO posts (id, status) VALUES (1, 'published'), (2, 'draft')"),
    afterUpgrade: async (t) => {
      assert.deepEqual(await values(t, "SELECT status::text FROM posts ORDER BY id"), ["published", "draft"]);
      await t.exec("INSERT INTO posts (id) VALUES (3)");
    },
    afterDowngrade: async (t) => assert.deepEqual(await values(t, "SELECT status FROM posts ORDER BY id"), ["published", "draft", "draft"]),
  },
  {
    name: "varchar becomes uuid with USING and back",
    before: "CREATE TABLE tokens (id integer PRIMARY KEY, token varchar(36));",
    after: () => collectModels([table("tokens", { id: column.int().primaryKey(), token: column.uuid() })]),
    seed: (t) => t.exec("INSERT INTO tokens VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')"),
    afterUpgrade: async (t) => assert.deepEqual(await values(t, "SELECT pg_typeof(token)::text FROM tokens"), ["uuid"]),
  },
  {
    name: "a column moves from one enum to another through text; the old enum is dropped, the rows keep their values",
    before: "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE people (id integer PRIMARY KEY, mood mood DEFAULT 'happy');",
    after: () => {
      const feeling = pgEnum("feeling", ["sad", "happy", "calm"]);
      return collectModels([feeling, table("people", { id: column.int().primaryKey(), mood: column.enum(feeling).default("happy") })]);
    },
    seed: (t) => t.exec("INSERT INTO people VALUES (1, 'sad'), (2, 'happy')"),
    afterUpgrade: async (t) => assert.deepEqual(await values(t, "SELECT mood::text FROM people ORDER BY id"), ["sad", "happy"]),
    afterDowngrade: async (t) => assert.deepEqual(await values(t, "SELECT mood::text FROM people ORDER BY id"), ["sad", "happy"]),
  },
];
