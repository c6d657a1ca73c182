import { test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { cases } from "./round-trip-cases.js";
import { runRoundTrip } from "./round-trip-harness.js";

for (const c of cases) {
  test(`PGlite: ${c.name}: upgrade leaves no change and downgrade restores the schema`, async () => {
    const db = new PGlite();
    try {
      await runRoundTrip(
        {
          query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as Record<string, unknown>[],
          exec: async (sql) => void (await db.exec(sql)),
        },
        c,
      );
    } finally {
      await db.close();
    }
  });
}
