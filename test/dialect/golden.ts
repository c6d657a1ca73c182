// Golden-SQL harness: a table of operations with their exact expected SQL. One loop
// asserts the text; then every statement runs, in order, on a real PostgreSQL server and
// on PGlite, so each golden is proven valid SQL and not only the text we expected.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Operation } from "../../src/ops/operation.js";
import { renderOperation } from "../../src/dialect/postgres/render.js";
import { validateOperation } from "../../src/ops/validate-operation.js";
import { createTestDatabase } from "../helpers/database.js";

export interface Golden {
  /** What the case shows, e.g. "createTable with a composite primary key". */
  readonly name: string;
  readonly op: Operation;
  readonly sql: string | readonly string[];
  /** Expected transactional flags; omitted means all true. */
  readonly transactional?: readonly boolean[];
  /** SQL to run after this golden's statements (e.g. to prove a constraint exists). */
  readonly then?: string;
}

export interface Engine {
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPostgres(): Promise<Engine & { url: string }> {
  const database = await createTestDatabase("dialect");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    url: database.url,
    async run(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
      await database.drop();
    },
  };
}

export async function openPglite(): Promise<Engine & { db: PGlite }> {
  const db = new PGlite();
  return {
    db,
    async run(sql) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
    },
  };
}

async function runAll(engine: Engine, setup: readonly string[], goldens: readonly Golden[]): Promise<void> {
  for (const sql of setup) await engine.run(sql);
  for (const golden of goldens) {
    for (const statement of renderOperation(golden.op)) {
      try {
        await engine.run(statement.sql);
      } catch (error) {
        assert.fail(`${golden.name}: ${statement.sql}\n  failed: ${(error as Error).message}`);
      }
    }
    if (golden.then !== undefined) {
      try {
        await engine.run(golden.then);
      } catch (error) {
        assert.fail(`${golden.name}: check ${golden.then}\n  failed: ${(error as Error).message}`);
      }
    }
  }
}

/** One describe block: a text test per golden, then the whole table run on both engines. */
export function goldenSuite(title: string, setup: readonly string[], goldens: readonly Golden[]): void {
  describe(title, () => {
    for (const golden of goldens) {
      test(`${golden.name} renders its golden SQL`, () => {
        validateOperation(golden.op); // the facade would accept this operation as it stands
        const statements = renderOperation(golden.op);
        const expected = typeof golden.sql === "string" ? [golden.sql] : golden.sql;
        assert.deepEqual(
          statements.map((s) => s.sql),
          expected,
        );
        assert.deepEqual(
          statements.map((s) => s.transactional),
          golden.transactional ?? expected.map(() => true),
        );
      });
    }
    test("every golden statement runs in order on PostgreSQL 15", async () => {
      const engine = await openPostgres();
      try {
        await runAll(engine, setup, goldens);
      } finally {
        await engine.close();
      }
    });
    test("every golden statement runs in order on PGlite", async () => {
      const engine = await openPglite();
      try {
        await runAll(engine, setup, goldens);
      } finally {
        await engine.close();
      }
    });
  });
}
