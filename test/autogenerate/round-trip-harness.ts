// Runs a round-trip case on any database: build "before", autogenerate against the
// "after" models, apply the upgrade, expect no change, apply the downgrade, expect
// the original schema back.
import assert from "node:assert/strict";
import { autogenerate } from "../../src/autogenerate/autogenerate.js";
import { renderOperation } from "../../src/dialect/postgres/render.js";
import { introspect } from "../../src/dialect/postgres/introspect.js";
import type { QueryFunction, SchemaSnapshot } from "../../src/dialect/postgres/introspect-types.js";
import type { Operation } from "../../src/ops/operation.js";
import type { RoundTripCase } from "./round-trip-cases.js";

export interface Target {
  query: QueryFunction;
  exec(sql: string): Promise<void>;
}

async function apply(target: Target, ops: readonly Operation[]): Promise<void> {
  for (const op of ops) for (const statement of renderOperation(op)) await target.exec(statement.sql);
}

/** Tables, columns and constraints in a stable order, so two snapshots compare with deepEqual. */
export function sorted(s: SchemaSnapshot): SchemaSnapshot {
  const byName = <T extends { name: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
  return {
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

export async function runRoundTrip(target: Target, c: RoundTripCase, afterDowngrade?: () => Promise<void>): Promise<void> {
  if (c.before) await target.exec(c.before);
  const before = await introspect(target.query);
  const models = c.after();
  const result = await autogenerate({ query: target.query, models });
  assert.equal(result.empty, false, "the change is detected");
  await apply(target, result.upgradeOps);
  const again = await autogenerate({ query: target.query, models });
  assert.equal(again.empty, true, `after the upgrade, nothing left to do; got:\n${again.upgradeBody}`);
  await apply(target, result.downgradeOps);
  const restored = await introspect(target.query);
  if (c.irreversibleEnums) {
    assert.deepEqual({ ...sorted(restored), enums: [] }, { ...sorted(before), enums: [] });
  } else {
    assert.deepEqual(sorted(restored), sorted(before));
  }
  await afterDowngrade?.();
}
