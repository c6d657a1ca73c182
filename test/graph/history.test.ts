import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { historyRevisions } from "../../src/graph/history.js";
import { parseRevRange } from "../../src/graph/rev-spec.js";
import { formatBranches, formatHeadLine, formatHistory, formatRevisionBlock } from "../../src/graph/history-format.js";
import { graph, referenceGraph } from "./graph-fixture.js";

const map = referenceGraph();
const ids = (range?: string, current?: string[]) =>
  historyRevisions(map, { ...(range === undefined ? {} : { range: parseRevRange(range) }), ...(current === undefined ? {} : { current }) }).map((r) => r.id);

test("history walks newest first in Alembic's order, not reverse file order", () => {
  assert.deepEqual(ids(), ["0006", "0005", "0003", "a101", "a100", "0004", "0002", "0001"]);
});

const ranges: [range: string, expected: string[]][] = [
  ["0004:0006", ["0006", "0005", "0004"]],
  ["0002:0005", ["0005", "0003", "0004", "0002"]],
  ["0004:", ["0006", "0005", "0004"]],
  [":0003", ["0003", "0002", "0001"]],
  ["base:audit@head", ["a101", "a100", "0002", "0001"]],
  ["audit@base:heads", ["a101", "a100", "0002", "0001"]],
  ["0001:0001", ["0001"]],
  ["0003:+1", ["0005", "0003"]],
];
for (const [range, expected] of ranges) {
  test(`history -r ${range}`, () => assert.deepEqual(ids(range), expected));
}

test("history -r current: starts at the version table's rows", () => {
  assert.deepEqual(ids("current:", ["0005"]), ["0006", "0005"]);
  assert.deepEqual(ids(":current", ["0003"]), ["0003", "0002", "0001"]);
});

test("history -r with unrelated ends says the range is not along one branch", () => {
  assert.throws(
    () => ids("0003:0004"),
    (e: unknown) =>
      e instanceof AthanorError &&
      e.code === "RANGE_NOT_ANCESTOR" &&
      /Requested range 0003:0004 does not refer to ancestor\/descendant revisions along the same branch/.test(e.message),
  );
});

test("history lines read as Alembic's", () => {
  assert.deepEqual(formatHistory(map, { current: ["a101", "0006"] }), [
    "0005 -> 0006 (head) (current), msg_0006",
    "0003, 0004 -> 0005 (mergepoint), msg_0005",
    "0002 -> 0003, msg_0003",
    "a100 (0002) -> a101 (audit) (head) (current), msg_a101",
    "<base> -> a100 (audit), msg_a100",
    "0002 -> 0004, msg_0004",
    "0001 -> 0002 (branchpoint), msg_0002",
    "<base> -> 0001, msg_0001",
  ]);
  assert.deepEqual(
    map.heads.map((id) => formatHeadLine(map.require(id))),
    ["0006 (head)", "a101 (audit) (head)"],
  );
  const effective = graph("<base> -> 0001", "<base> -> b001 {0001}");
  assert.equal(formatHeadLine(effective.require("0001")), "0001 (effective head)");
});

test("the verbose block has Rev, Parent or Merges, Branches into, Path and the description", () => {
  assert.equal(
    formatRevisionBlock(map.require("0005")),
    [
      "Rev: 0005 (mergepoint)",
      "Merges: 0003, 0004",
      "Path: versions/0005_0005.ts",
      "",
      "    msg_0005",
      "    ",
      "    Revision ID: 0005",
      "    Revises: 0003, 0004",
      "",
    ].join("\n"),
  );
  const block = formatRevisionBlock(map.require("0002"), { current: ["0002"] });
  assert.match(block, /^Rev: 0002 \(branchpoint\) \(current\)\nParent: 0001\nBranches into: 0003, 0004\n/);
  assert.match(formatRevisionBlock(map.require("a101")), /Also depends on: 0002\nBranch names: audit\n/);
});

test("branches lists each branch point with its children", () => {
  assert.deepEqual(formatBranches(map), ["0002 (branchpoint)\n     -> 0003\n     -> 0004\n"]);
});
