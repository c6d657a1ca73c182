import assert from "node:assert/strict";
import { test } from "node:test";
import type { Step } from "../../src/autogenerate/change.js";
import { compareSchemas } from "../../src/autogenerate/compare.js";
import { modelSnapshot } from "../../src/autogenerate/model-snapshot.js";
import type { SchemaSnapshot } from "../../src/dialect/postgres/introspect-types.js";
import { type ColumnRef, collectModels, column, pgEnum, table } from "../../src/schema/index.js";

const empty: SchemaSnapshot = { schemas: ["public"], enums: [], tables: [] };
const kinds = (steps: readonly Step[]) => steps.map((s) => ("op" in s ? s.op.kind : "note" in s ? "note" : "autocommitBlock"));

test("new tables referencing each other in a cycle: tables first, the closing foreign key after both exist", () => {
  const a = table("a", { id: column.int().primaryKey(), bId: column.int().references((): ColumnRef => b.id) });
  const b = table("b", { id: column.int().primaryKey(), aId: column.int().references(() => a.id) });
  const { upgrade, downgrade } = compareSchemas(modelSnapshot(collectModels([a, b])), empty);
  assert.deepEqual(kinds(upgrade), ["createTable", "createTable", "createForeignKey"]);
  assert.deepEqual(kinds(downgrade), ["dropConstraint", "dropTable", "dropTable"]);
});

test("enums are created before the tables that use them and dropped after them", () => {
  const mood = pgEnum("mood", ["sad", "ok"]);
  const people = table("people", { mood: column.enum(mood) });
  const { upgrade, downgrade } = compareSchemas(modelSnapshot(collectModels([people])), empty);
  assert.deepEqual(kinds(upgrade), ["createEnum", "createTable"]);
  assert.deepEqual(kinds(downgrade), ["dropTable", "dropEnum"]);
});

test("a dropped and an added column are never guessed to be a rename: drop + add with a warning", () => {
  const before = modelSnapshot(collectModels([table("users", { id: column.int(), fullName: column.text() })]));
  const after = modelSnapshot(collectModels([table("users", { id: column.int(), displayName: column.text() })]));
  const { upgrade } = compareSchemas(after, before);
  assert.deepEqual(kinds(upgrade), ["note", "note", "dropColumn", "addColumn"]);
  const notes = upgrade.flatMap((s) => ("note" in s ? [s.note] : []));
  assert.match(notes[0] ?? "", /Drops users\.full_name and its data/);
  assert.match(notes[1] ?? "", /renamed.*newName/);
});

test("removing an enum value makes the type again: renamed aside, created, the old one dropped; the review comment says why", () => {
  const before = modelSnapshot(collectModels([pgEnum("mood", ["sad", "ok", "happy"])]));
  const after = modelSnapshot(collectModels([pgEnum("mood", ["sad", "happy"])]));
  const { upgrade } = compareSchemas(after, before);
  assert.deepEqual(kinds(upgrade), ["note", "execute", "createEnum", "dropEnum"]);
  assert.match((upgrade[0] as { note: string }).note, /^review: enum mood is made again/);
});
