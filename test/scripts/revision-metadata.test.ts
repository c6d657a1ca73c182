import assert from "node:assert/strict";
import { test } from "node:test";
import { METADATA_NAMES, metadataSchemas, plainMetadata } from "../../src/scripts/revision-metadata.js";

// Values of every shape a metadata field may be written with, valid or not.
function* candidates(): Generator<unknown> {
  const strings = ["", "0001", "a1b2c3d4e5f6", "feature_x", "x".repeat(32), "x".repeat(33), "has space", "a@b", "a,b", "ünï", "-", "5min", "200ms", "0"];
  yield* strings;
  yield* [null, undefined, true, false, 0, 1, 1.5, -3, Number.NaN, {}, []];
  for (const a of strings) {
    yield [a];
    for (const b of strings) yield [a, b];
  }
  yield [null];
  yield [1, "0001"];
  yield [["0001"]];
}

test("a value taken without zod is one the field's schema accepts unchanged", () => {
  const schemas = metadataSchemas();
  let taken = 0;
  for (const field of METADATA_NAMES) {
    for (const value of candidates()) {
      if (!plainMetadata[field](value)) continue;
      taken++;
      const parsed = schemas[field].safeParse(value);
      assert.ok(parsed.success, `${field}: ${JSON.stringify(value)} passed the quick check but not the schema`);
      assert.deepEqual(parsed.data, value, `${field}: ${JSON.stringify(value)}`);
    }
  }
  assert.ok(taken > 100, "the quick checks take the ordinary values");
});

test("what a generated revision file holds is taken without zod", () => {
  const ordinary: Record<string, unknown[]> = {
    revision: ["0001", "a1b2c3d4e5f6"],
    downRevision: [null, "0001", ["0002", "0003"]],
    branchLabels: [null, "feature_x", ["a", "b"]],
    dependsOn: [null, "0001", ["0001", "feature_x"]],
    message: ["add users", null, ""],
    createDate: ["2026-11-25 10:00:00", null],
    transactional: [true, false],
  };
  for (const [field, values] of Object.entries(ordinary)) {
    for (const value of values) assert.ok(plainMetadata[field as keyof typeof plainMetadata](value), `${field}: ${JSON.stringify(value)}`);
  }
});
