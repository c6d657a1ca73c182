// readCasts asks pg_cast whether ALTER COLUMN … TYPE converts on its own, on both engines.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { readCasts } from "../../src/dialect/postgres/assignment-casts.js";
import type { QueryFunction } from "../../src/dialect/postgres/introspect-types.js";
import { createTestDatabase } from "../helpers/database.js";

const pairs = [
  { from: "text", to: "integer", kind: "explicit" },
  { from: "integer", to: "text", kind: "assignment" },
  { from: "integer", to: "bigint", kind: "assignment" },
  { from: "character varying(36)", to: "uuid", kind: "explicit" },
  { from: "text", to: "mood", kind: "explicit" },
  { from: "mood", to: "text", kind: "assignment" },
  { from: "mood", to: "feeling", kind: "via text" },
  { from: "integer[]", to: "bigint[]", kind: "assignment" },
  { from: "text", to: "not_created_yet", kind: "unknown" },
] as const;

async function check(query: QueryFunction): Promise<void> {
  await query("CREATE TYPE mood AS ENUM ('a')");
  await query("CREATE TYPE feeling AS ENUM ('a')");
  const casts = await readCasts(query, pairs);
  assert.deepEqual(
    [...casts.values()],
    pairs.map((p) => p.kind),
  );
}

test("pg_cast decides which type changes need USING, on PostgreSQL 15", async () => {
  const database = await createTestDatabase("casts");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await check(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
  } finally {
    await client.end();
    await database.drop();
  }
});

test("pg_cast decides which type changes need USING, on PGlite", async () => {
  const db = new PGlite();
  try {
    await check(async (sql, params) => (await db.query(sql, params as unknown[])).rows as Record<string, unknown>[]);
  } finally {
    await db.close();
  }
});
