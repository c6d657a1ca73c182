import { test } from "node:test";
import assert from "node:assert/strict";
import { newRevisionId, nextSequentialId, randomRevisionId } from "../../src/scripts/revision-id.js";
import { formatCreateDate, revisionFileName, slugOf } from "../../src/scripts/revision-file-name.js";

test("random revision ids are 12 lowercase hex digits and avoid existing ids", () => {
  const ids = new Set(Array.from({ length: 200 }, () => randomRevisionId()));
  assert.equal(ids.size, 200);
  for (const id of ids) assert.match(id, /^[0-9a-f]{12}$/);
  assert.match(newRevisionId("random", ["ae1027a6acf"]), /^[0-9a-f]{12}$/);
});

const sequential: Array<[string[], string]> = [
  [[], "0001"],
  [["0001"], "0002"],
  [["0001", "0009", "0003"], "0010"],
  [["ae1027a6acf", "0007", "feature"], "0008"],
  [["9999"], "10000"],
  [["000123"], "000124"],
  [["12"], "0013"],
];
for (const [existing, expected] of sequential) {
  test(`sequential id after [${existing.join(", ")}] is ${expected}`, () => {
    assert.equal(nextSequentialId(existing), expected);
    assert.equal(newRevisionId("sequential", existing), expected);
  });
}

const slugs: Array<[string, string]> = [
  ["add new_field to users", "add_new_field_to_users"],
  ["  Merge heads!  ", "merge_heads"],
  ["café crème", "cafe_creme"],
  ["a".repeat(50), "a".repeat(40)],
  [`${"x".repeat(39)} tail`, "x".repeat(39)],
  ["!!!", ""],
];
for (const [message, slug] of slugs) {
  test(`slug of ${JSON.stringify(message)} is ${JSON.stringify(slug)}`, () => assert.equal(slugOf(message), slug));
}

test("file names are YYYYMMDD_<rev>_<slug>.<ext> in local time", () => {
  const date = new Date(2025, 0, 5, 7, 8, 9);
  assert.equal(revisionFileName({ revision: "0001", message: "initial schema", createDate: date, format: "ts" }), "20250105_0001_initial_schema.ts");
  assert.equal(revisionFileName({ revision: "ab12", message: "", createDate: date, format: "sql" }), "20250105_ab12.sql");
  assert.equal(formatCreateDate(date), "2025-01-05 07:08:09");
});
