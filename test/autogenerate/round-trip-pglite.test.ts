import { test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { allCases } from "./round-trip-all-cases.js";
import { runRoundTrip, type ScratchTarget, type Target } from "./round-trip-harness.js";

function targetOf(db: PGlite): Target {
  return {
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as Record<string, unknown>[],
    exec: async (sql) => void (await db.exec(sql)),
  };
}

async function scratch(): Promise<ScratchTarget> {
  const db = new PGlite();
  return { ...targetOf(db), close: () => db.close() };
}

for (const c of allCases) {
  test(`PGlite: ${c.name}: the generated upgrade leaves nothing to do and equals a fresh build; the downgrade restores the schema`, async () => {
    const db = new PGlite();
    try {
      await runRoundTrip(targetOf(db), c, { scratch });
    } finally {
      await db.close();
    }
  });
}
