import assert from "node:assert/strict";
import { test } from "node:test";
import type { Step } from "../../src/autogenerate/change.js";
import { compareSchemas } from "../../src/autogenerate/compare.js";
import { renderBody } from "../../src/autogenerate/render-source.js";
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

test("a new enum value a later step uses goes into an autocommit block with ifNotExists; one nothing uses stays in the transaction", () => {
  const people = (values: string[], fallback?: string) => {
    const mood = pgEnum("mood", values);
    const mood2 = column.enum(mood).notNull();
    return modelSnapshot(collectModels([mood, table("people", { id: column.int(), mood: fallback ? mood2.default(fallback) : mood2 })]));
  };
  const before = people(["sad", "ok"], "ok");
  const used = compareSchemas(people(["sad", "meh", "ok"], "meh"), before).upgrade;
  assert.deepEqual(kinds(used), ["note", "autocommitBlock", "alterColumn"]);
  assert.deepEqual((used[1] as { autocommit: Step[] }).autocommit, [
    { op: { kind: "addEnumValue", name: "mood", value: "meh", before: "ok", ifNotExists: true } },
  ]);
  assert.match(
    renderBody(used, ""),
    /^await op\.autocommitBlock\(async \(\) => \{\n {2}await op\.addEnumValue\("mood", "meh", \{ before: "ok", ifNotExists: true \}\);\n\}\);\nawait op\.alterColumn\("people", "mood", \{ default: "'meh'" \}\);$/m,
  );
  const unused = compareSchemas(people(["sad", "meh", "ok"], "ok"), before).upgrade;
  assert.deepEqual(unused, [{ op: { kind: "addEnumValue", name: "mood", value: "meh", before: "ok" } }]);
});

test("a renamed enum value and a new one: RENAME VALUE before ADD VALUE; a gap with more values added than removed is not guessed", () => {
  const mood = (values: string[]) => modelSnapshot(collectModels([pgEnum("mood", values)]));
  const { upgrade, downgrade } = compareSchemas(mood(["sad", "fine", "happy", "great"]), mood(["sad", "ok", "happy"]));
  assert.deepEqual(kinds(upgrade), ["note", "renameEnumValue", "addEnumValue"]);
  assert.deepEqual(kinds(downgrade), ["renameEnumValue", "note", "execute", "createEnum", "dropEnum"]);
  const ambiguous = compareSchemas(mood(["sad", "fine", "good", "happy"]), mood(["sad", "ok", "happy"])).upgrade;
  assert.match((ambiguous[0] as { note: string }).note, /^review: enum mood is made again/);
});

test("a dropped column with an added one of the same type gets a review comment naming the likely rename; of another type, the plain hint", () => {
  const before = modelSnapshot(collectModels([table("users", { id: column.int(), fullName: column.text() })]));
  const notes = (after: ReturnType<typeof modelSnapshot>) => compareSchemas(after, before).upgrade.flatMap((s) => ("note" in s ? [s.note] : []));
  const same = notes(modelSnapshot(collectModels([table("users", { id: column.int(), displayName: column.text(), age: column.int() })])));
  assert.match(same[1] ?? "", /^review: users\.full_name is dropped and display_name added with the same type \(text\).*newName: "display_name"/);
  const other = notes(modelSnapshot(collectModels([table("users", { id: column.int(), age: column.int() })])));
  assert.match(other[1] ?? "", /^If full_name was renamed, replace this drop/);
});
