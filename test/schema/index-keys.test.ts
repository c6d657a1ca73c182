// The index DSL's per-key options and INCLUDE columns, as the model snapshot resolves
// them: defaults filled in the way PostgreSQL fills them, unnamed indexes named as
// PostgreSQL names them (INCLUDE columns are part of the name).
import assert from "node:assert/strict";
import { test } from "node:test";
import { modelSnapshot } from "../../src/autogenerate/model-snapshot.js";
import { asc, collectModels, column, desc, index, indexKey, sql, table } from "../../src/schema/index.js";

const events = (indexes: (t: any) => ReturnType<typeof index>[]) =>
  table("events", { kind: column.text(), createdAt: column.timestamptz(), score: column.int() }, (t) => ({ indexes: indexes(t) }));

test("desc, asc().nullsFirst(), opclass and collate become the key's options; NULLs default to first for a descending key", () => {
  const t = events((t) => [
    index("ix", [desc(t.createdAt), asc(t.score).nullsFirst(), indexKey(t.kind).opclass("text_pattern_ops").collate("C"), desc(t.score).nullsLast()]),
  ]);
  const [ix] = modelSnapshot(collectModels([t])).tables[0]?.indexes ?? [];
  assert.deepEqual(ix?.elements, [
    { expression: "created_at", descending: true, nullsFirst: true, opclass: null, collation: null },
    { expression: "score", descending: false, nullsFirst: true, opclass: null, collation: null },
    { expression: "kind", descending: false, nullsFirst: false, opclass: "text_pattern_ops", collation: "C" },
    { expression: "score", descending: true, nullsFirst: false, opclass: null, collation: null },
  ]);
});

test("an order written at the end of an sql key is taken out of the expression", () => {
  const t = events((t) => [index("ix", [sql`${t.createdAt} DESC NULLS LAST`, sql`lower(${t.kind}) asc`])]);
  const [ix] = modelSnapshot(collectModels([t])).tables[0]?.indexes ?? [];
  assert.deepEqual(
    ix?.elements.map((e) => [e.expression, e.descending, e.nullsFirst]),
    [
      ["created_at", true, false],
      ["lower(kind)", false, false],
    ],
  );
});

test("include() columns are listed and named into an unnamed index, as PostgreSQL names it", () => {
  const t = events((t) => [index([t.kind]).include([t.score, t.createdAt])]);
  const [ix] = modelSnapshot(collectModels([t])).tables[0]?.indexes ?? [];
  assert.equal(ix?.name, "events_kind_score_created_at_idx");
  assert.deepEqual(ix?.include, ["score", "created_at"]);
});
