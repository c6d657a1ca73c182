import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import pg from "pg";
import { createTestDatabase } from "../helpers/database.js";
import { cases } from "./round-trip-cases.js";
import { runRoundTrip } from "./round-trip-harness.js";

function schemaDump(url: string): string {
  return execFileSync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", url], { encoding: "utf8" })
    .split("\n")
    .filter((line) => !line.startsWith("--") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
    .join("\n");
}

for (const c of cases) {
  test(`PostgreSQL: ${c.name}: upgrade leaves no change and downgrade restores the schema (pg_dump equal)`, async () => {
    const database = await createTestDatabase("ag");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      let dumpBefore = "";
      await runRoundTrip(
        {
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (sql) => {
            await client.query(sql);
          },
        },
        {
          ...c,
          before: c.before,
          after: () => {
            dumpBefore = schemaDump(database.url);
            return c.after();
          },
        },
        async () => {
          if (!c.irreversibleEnums) assert.equal(schemaDump(database.url), dumpBefore);
        },
      );
    } finally {
      await client.end();
      await database.drop();
    }
  });
}
