// Every autogenerate round-trip case on PGlite (round-trip-harness.ts says what one checks).
import { test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import type { RoundTripCase } from "./round-trip-cases.js";
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

/**
 * The round trips on PGlite for `cases`. PGlite runs on the test process's one thread, so
 * the cases are split over two test files, which node:test runs in parallel processes.
 */
export function pgliteRoundTrips(cases: readonly RoundTripCase[]): void {
  for (const c of cases) pgliteRoundTrip(c);
}

function pgliteRoundTrip(c: RoundTripCase): void {
  test(`PGlite: ${c.name}: the generated upgrade leaves nothing to do and equals a fresh build; the downgrade restores the schema`, async () => {
    const db = new PGlite();
    try {
      await runRoundTrip(targetOf(db), c, { scratch });
    } finally {
      await db.close();
    }
  });
}
