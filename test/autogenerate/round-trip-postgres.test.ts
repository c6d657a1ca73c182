import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import pg from "pg";
import { createTestDatabase } from "../helpers/database.js";
import { allCases } from "./round-trip-all-cases.js";
import type { RoundTripCase } from "./round-trip-cases.js";
import { runRoundTrip, type ScratchTarget, type Target } from "./round-trip-harness.js";

function schemaDump(url: string): string {
  return execFileSync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", url], { encoding: "utf8" })
    .split("\n")
    .filter((line) => !line.startsWith("--") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
    .join("\n");
}

/** The dump, or where a case moves a column (it comes back last), its lines in any order and without the commas between columns. */
function comparable(dump: string, c: RoundTripCase): string | string[] {
  return c.movesColumns
    ? dump
        .split("\n")
        .map((line) => line.replace(/,$/, ""))
        .sort()
    : dump;
}

async function connect(url: string): Promise<{ client: pg.Client; target: Target }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    client,
    target: {
      query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
      exec: async (sql) => void (await client.query(sql)),
    },
  };
}

async function scratch(): Promise<ScratchTarget> {
  const database = await createTestDatabase("agf");
  const { client, target } = await connect(database.url);
  return {
    ...target,
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

for (const c of allCases) {
  test(`PostgreSQL: ${c.name}: the generated upgrade leaves nothing to do and equals a fresh build; the downgrade restores pg_dump exactly`, async () => {
    const database = await createTestDatabase("ag");
    const { client, target } = await connect(database.url);
    try {
      let dumpBefore = "";
      await runRoundTrip(target, c, {
        beforeGenerate: async () => void (dumpBefore = schemaDump(database.url)),
        afterDowngrade: async () => assert.deepEqual(comparable(schemaDump(database.url), c), comparable(dumpBefore, c)),
        scratch,
      });
    } finally {
      await client.end();
      await database.drop();
    }
  });
}
