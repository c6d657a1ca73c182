import assert from "node:assert/strict";
import { test } from "node:test";
import { type Step, flatSteps } from "../../src/autogenerate/change.js";
import { compareSchemas } from "../../src/autogenerate/compare.js";
import { modelSnapshot } from "../../src/autogenerate/model-snapshot.js";
import type { SchemaSnapshot } from "../../src/dialect/postgres/introspect-types.js";
import { type ColumnBuilder, collectModels, column, table } from "../../src/schema/index.js";

const snapshot = (id: ColumnBuilder<any, any>) => modelSnapshot(collectModels([table("tickets", { id })]));

/** The database side as introspection shows a serial column: integer with its own nextval default. */
function serialInDatabase(): SchemaSnapshot {
  const s = snapshot(column.int().notNull());
  const [t] = s.tables;
  return { ...s, tables: [{ ...t!, columns: [{ ...t!.columns[0]!, default: "nextval('tickets_id_seq'::regclass)" }] }] };
}

const ops = (steps: readonly Step[]) => flatSteps(steps).flatMap((s) => ("op" in s ? [s.op] : []));

test("identity by default → always is one SET GENERATED, never a drop and add; the downgrade switches back", () => {
  const { upgrade, downgrade } = compareSchemas(snapshot(column.int().identity("always")), snapshot(column.int().identity("by default")));
  assert.deepEqual(ops(upgrade), [{ kind: "alterColumn", table: "tickets", column: "id", setGenerated: "always" }]);
  assert.deepEqual(ops(downgrade), [{ kind: "alterColumn", table: "tickets", column: "id", setGenerated: "by default" }]);
});

test("integer → serial is detected: sequence owned by the column, default, sequence moved past the rows", () => {
  const { upgrade } = compareSchemas(snapshot(column.serial()), snapshot(column.int().notNull()));
  assert.deepEqual(
    ops(upgrade).map((o) => (o as { kind: string }).kind),
    ["createSequence", "alterColumn", "execute"],
  );
});

test("serial → integer is detected: the default goes before the sequence it uses", () => {
  const { upgrade, downgrade } = compareSchemas(snapshot(column.int().notNull()), serialInDatabase());
  assert.deepEqual(ops(upgrade), [
    { kind: "alterColumn", table: "tickets", column: "id", default: null },
    { kind: "dropSequence", name: "tickets_id_seq" },
  ]);
  assert.deepEqual(
    ops(downgrade).map((o) => (o as { kind: string }).kind),
    ["createSequence", "alterColumn", "execute"],
  );
});

test("an unchanged serial column compares equal to the database's integer with its nextval default", () => {
  assert.deepEqual(compareSchemas(snapshot(column.serial()), serialInDatabase()).upgrade, []);
});

test("an identity that becomes a plain column with a default: DROP IDENTITY, then SET DEFAULT; the downgrade drops the default before the identity", () => {
  const { upgrade, downgrade } = compareSchemas(snapshot(column.int().notNull().default(0)), snapshot(column.int().identity("always")));
  assert.deepEqual(ops(upgrade), [
    { kind: "alterColumn", table: "tickets", column: "id", identity: null },
    { kind: "alterColumn", table: "tickets", column: "id", default: "0" },
  ]);
  assert.deepEqual(
    ops(downgrade)
      .map((o) => o as { kind: string; default?: unknown; identity?: unknown })
      .slice(0, 2),
    [
      { kind: "alterColumn", table: "tickets", column: "id", default: null },
      { kind: "alterColumn", table: "tickets", column: "id", identity: { generated: "always" } },
    ],
  );
});

test("serial → bigserial alters the column's type and its sequence's (AS bigint), the downgrade both back, with no USING", () => {
  const db = serialInDatabase();
  const [t] = db.tables;
  const withSequence: SchemaSnapshot = {
    ...db,
    tables: [{ ...t!, columns: [{ ...t!.columns[0]!, ownedSequence: { schema: "public", name: "tickets_id_seq", as: "integer", maxValue: "2147483647" } }] }],
  };
  const { upgrade, downgrade } = compareSchemas(snapshot(column.bigserial()), withSequence);
  assert.deepEqual(ops(upgrade), [
    { kind: "alterColumn", table: "tickets", column: "id", type: "bigint" },
    { kind: "alterSequence", name: "tickets_id_seq", as: "bigint" },
  ]);
  assert.deepEqual(ops(downgrade), [
    { kind: "alterSequence", name: "tickets_id_seq", as: "integer" },
    { kind: "alterColumn", table: "tickets", column: "id", type: "integer" },
  ]);
});
