// Runs a round-trip case on any database, the way a user meets it: build "before",
// generate against the "after" models, run the generated source (the code a revision
// file would hold, through the real Operations facade), expect `check` to find nothing,
// expect the schema to equal a fresh build of the models, run the generated downgrade,
// expect the original schema back.
import assert from "node:assert/strict";
import { autogenerate, type AutogenerateResult } from "../../src/autogenerate/autogenerate.js";
import { renderOperation } from "../../src/dialect/postgres/render.js";
import { introspect } from "../../src/dialect/postgres/introspect.js";
import type { QueryFunction, SchemaSnapshot } from "../../src/dialect/postgres/introspect-types.js";
import type { Operation } from "../../src/ops/operation.js";
import type { OperationSink, Row } from "../../src/ops/operation-sink.js";
import { Operations } from "../../src/ops/operations.js";
import type { RoundTripCase } from "./round-trip-cases.js";

export interface Target {
  query: QueryFunction;
  exec(sql: string): Promise<void>;
}

/** A target that is thrown away after use: the empty database a fresh build goes into. */
export interface ScratchTarget extends Target {
  close(): Promise<void>;
}

/**
 * Executes each operation as it is emitted, as the runtime's sink does online: inside
 * the revision's transaction, which an autocommit block commits and begins again, so
 * what PostgreSQL refuses in a transaction (a new enum value used) fails here too.
 */
class ExecutingSink implements OperationSink {
  readonly offline = false;
  constructor(private readonly target: Target) {}
  async emit(operation: Operation): Promise<void> {
    for (const statement of renderOperation(operation)) await this.target.exec(statement.sql);
  }
  async query(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return (await this.target.query(sql, params)) as Row[];
  }
  async autocommitBlock<T>(body: () => Promise<T>): Promise<T> {
    await this.target.exec("COMMIT");
    const result = await body();
    await this.target.exec("BEGIN");
    return result;
  }
}

/** Runs a generated function body (upgrade() or downgrade()) with `op` bound to the target, in a transaction as a revision runs by default. */
export async function runGeneratedBody(target: Target, body: string): Promise<void> {
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (op: Operations) => Promise<void>;
  const run = new AsyncFunction("op", body);
  await target.exec("BEGIN");
  try {
    await run(new Operations(new ExecutingSink(target)));
  } catch (error) {
    await target.exec("ROLLBACK");
    throw error;
  }
  await target.exec("COMMIT");
}

/** Tables, columns and constraints in a stable order, so two snapshots compare with deepEqual. */
export function sorted(s: SchemaSnapshot): SchemaSnapshot {
  const byName = <T extends { name: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...s,
    schemas: [...s.schemas].sort(),
    enums: byName(s.enums),
    tables: byName(s.tables).map((t) => ({
      ...t,
      uniques: byName(t.uniques),
      foreignKeys: byName(t.foreignKeys),
      checks: byName(t.checks),
      indexes: byName(t.indexes),
    })),
  };
}

/** As `sorted`, with columns by name too: ADD COLUMN appends, a fresh build follows the models. */
function columnOrderFree(s: SchemaSnapshot): SchemaSnapshot {
  const base = sorted(s);
  return { ...base, tables: base.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => a.name.localeCompare(b.name)) })) };
}

/** A round trip compares everything the case's database holds: what only it has is dropped unless the case says otherwise. */
async function generated(target: Target, c: RoundTripCase): Promise<AutogenerateResult> {
  return autogenerate({ query: target.query, models: c.after(), dropUnmodelled: true, ...c.autogenerate, ...(c.schemas ? { schemas: c.schemas } : {}) });
}

export interface RoundTripHooks {
  /** After "before" is built, before anything is generated (e.g. take a pg_dump). */
  readonly beforeGenerate?: () => Promise<void>;
  /** After the downgrade (e.g. compare a pg_dump with the one taken before). */
  readonly afterDowngrade?: () => Promise<void>;
  /** An empty database for the fresh build of the models; absent: that step is skipped. */
  readonly scratch?: () => Promise<ScratchTarget>;
}

export async function runRoundTrip(target: Target, c: RoundTripCase, hooks: RoundTripHooks = {}): Promise<void> {
  if (c.before) await target.exec(c.before);
  const before = await introspect(target.query, c.schemas ? { schemas: [...c.schemas] } : {});
  await hooks.beforeGenerate?.();
  const result = await generated(target, c);
  assert.equal(result.empty, false, "the change is detected");
  await c.seed?.(target);
  await runGeneratedBody(target, result.upgradeBody);
  await c.afterUpgrade?.(target);
  const again = await generated(target, c);
  assert.equal(again.empty, true, `after the upgrade, check finds nothing to do; got:\n${again.upgradeBody}`);
  if (hooks.scratch) {
    const scratch = await hooks.scratch();
    try {
      const fresh = await generated(scratch, c);
      await runGeneratedBody(scratch, fresh.upgradeBody);
      const schemas = c.schemas ? { schemas: [...c.schemas] } : {};
      assert.deepEqual(
        columnOrderFree(await introspect(target.query, schemas)),
        columnOrderFree(await introspect(scratch.query, schemas)),
        "the upgraded database equals a fresh build of the models",
      );
    } finally {
      await scratch.close();
    }
  }
  await runGeneratedBody(target, result.downgradeBody);
  await c.afterDowngrade?.(target);
  const restored = await introspect(target.query, c.schemas ? { schemas: [...c.schemas] } : {});
  const comparable = c.movesColumns ? columnOrderFree : sorted;
  if (c.irreversibleEnums) {
    assert.deepEqual({ ...comparable(restored), enums: [] }, { ...comparable(before), enums: [] });
  } else {
    assert.deepEqual(comparable(restored), comparable(before));
  }
  if (!c.irreversibleEnums) await hooks.afterDowngrade?.();
}
