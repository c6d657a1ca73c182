// Every autogenerate round-trip case on PGlite (round-trip-harness.ts says what one checks).
//
// A new PGlite runs initdb in WebAssembly: seconds each, over a hundred times a run when
// every case had two of its own. Each test file keeps two instances (the case's database
// and the scratch one for the fresh build) and empties them between cases, so every case
// still starts from a database holding nothing but an empty public schema.
import { after, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import type { RoundTripCase } from "./round-trip-cases.js";
import { runRoundTrip, type ScratchTarget, type Target } from "./round-trip-harness.js";

function targetOf(db: PGlite): Target {
  return {
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as Record<string, unknown>[],
    exec: async (sql) => void (await db.exec(sql)),
  };
}

// Every schema a case may have made goes, public included, and public comes back as
// initdb makes it (owned by pg_database_owner, usable by everyone); roles and
// extensions are not made by any case.
const EMPTY_DATABASE = `
DO $$
DECLARE s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
`;

/** One PGlite per role for the whole file, emptied before each use. */
function reusedInstance(): () => Promise<PGlite> {
  let db: PGlite | undefined;
  after(() => db?.close());
  return async () => {
    if (db === undefined) db = new PGlite();
    else await db.exec(EMPTY_DATABASE);
    return db;
  };
}

/**
 * The round trips on PGlite for `cases`. PGlite runs on the test process's one thread, so
 * the cases are split over two test files, which node:test runs in parallel processes.
 */
export function pgliteRoundTrips(cases: readonly RoundTripCase[]): void {
  const database = reusedInstance();
  const scratchDatabase = reusedInstance();
  const scratch = async (): Promise<ScratchTarget> => ({ ...targetOf(await scratchDatabase()), close: async () => {} });
  for (const c of cases) {
    test(`PGlite: ${c.name}: the generated upgrade leaves nothing to do and equals a fresh build; the downgrade restores the schema`, async () => {
      await runRoundTrip(targetOf(await database()), c, { scratch });
    });
  }
}
