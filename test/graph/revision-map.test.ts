import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { RevisionMap } from "../../src/graph/revision-map.js";
import { graph, referenceGraph, sources } from "./graph-fixture.js";

test("the reference graph has Alembic's heads, bases, branch and merge points in file order", () => {
  const map = referenceGraph();
  assert.deepEqual(
    map.revisions.map((r) => r.id),
    ["0001", "0002", "0003", "0004", "0005", "0006", "a100", "a101"],
  );
  assert.deepEqual(map.heads, ["0006", "a101"]);
  assert.deepEqual(map.realHeads, ["0006", "a101"]);
  assert.deepEqual(map.bases, ["0001", "a100"]);
  assert.deepEqual(map.branchPoints, ["0002"]);
  assert.deepEqual(map.mergePoints, ["0005"]);
  assert.deepEqual(map.get("0002")?.children, ["0003", "0004"]);
  assert.deepEqual(map.get("0002")?.dependents, ["a101"]);
  assert.deepEqual(map.get("a101")?.normalizedDownRevisions, ["a100", "0002"]);
});

test("files are ordered by sortKey, not by the order they were scanned in", () => {
  const map = RevisionMap.fromSources(sources("<base> -> 0001", "0001 -> 0002", "0001 -> 0003").reverse());
  assert.deepEqual(
    map.revisions.map((r) => r.id),
    ["0001", "0002", "0003"],
  );
  assert.deepEqual(map.heads, ["0002", "0003"]);
});

test("a head something depends on is a head but not a real head", () => {
  const map = graph("<base> -> 0001", "<base> -> b001 {0001}");
  assert.deepEqual(map.heads, ["0001", "b001"]);
  assert.deepEqual(map.realHeads, ["b001"]);
  assert.deepEqual(map.bases, ["0001", "b001"]);
  assert.deepEqual(map.realBases, ["0001"]);
});

const labelCases: { name: string; lines: string[]; expected: Record<string, string[]> }[] = [
  {
    name: "a label reaches descendants and, through a straight line, ancestors",
    lines: ["<base> -> 0001", "0001 -> 0002 [x]", "0002 -> 0003"],
    expected: { "0001": ["x"], "0002": ["x"], "0003": ["x"] },
  },
  {
    name: "inheritance downward stops at a branch point",
    lines: ["<base> -> 0001", "0001 -> 0002 [x]", "0001 -> 0003", "0002 -> 0004"],
    expected: { "0001": [], "0002": ["x"], "0003": [], "0004": ["x"] },
  },
  {
    name: "a label spreads to every descendant through a merge",
    lines: ["<base> -> 0001 [x]", "0001 -> 0002", "0001 -> 0003", "0002, 0003 -> 0004"],
    expected: { "0001": ["x"], "0002": ["x"], "0003": ["x"], "0004": ["x"] },
  },
  {
    name: "a dependency child makes a real branch point that stops the downward walk",
    lines: ["<base> -> 0001", "0001 -> 0002", "<base> -> b001 {0001}", "0002 -> 0003 [x]"],
    expected: { "0001": [], "0002": ["x"], "0003": ["x"], b001: [] },
  },
];
for (const c of labelCases) {
  test(`labels: ${c.name}`, () => {
    const map = graph(...c.lines);
    for (const [id, labels] of Object.entries(c.expected)) assert.deepEqual([...map.labelsOf(id)].sort(), labels, id);
  });
}

const errorCases: { name: string; lines: string[]; code: string; message: RegExp[] }[] = [
  {
    name: "a duplicate revision id names both files",
    lines: ["<base> -> 0001", "0001 -> 0001x", "0001 -> 0001x"],
    code: "DUPLICATE_REVISION",
    message: [/Revision 0001x is present more than once/, /versions\/0002_0001x\.ts:3/, /versions\/0003_0001x\.ts:3/],
  },
  {
    name: "a missing downRevision names the revision, the referrer and its file and line",
    lines: ["<base> -> 0001", "0099 -> 0006"],
    code: "MISSING_DOWN_REVISION",
    message: [/Revision 0099 referenced from 0006 is not present/, /versions\/0002_0006\.ts:4/],
  },
  {
    name: "a dependency naming nothing",
    lines: ["<base> -> 0001", "0001 -> 0002 {nope}"],
    code: "MISSING_DEPENDENCY",
    message: [/Dependency 'nope' of revision 0002/, /versions\/0002_0002\.ts:6/],
  },
  {
    name: "a loop between a base and a head (which Alembic misses) with its revisions and files",
    lines: ["<base> -> 0001", "0001, 0003 -> 0002", "0002 -> 0003", "0003 -> 0004"],
    code: "CYCLE",
    message: [/Cycle is detected in revisions \(0002, 0003\)/, /versions\/0002_0002\.ts:4/],
  },
  {
    name: "a graph with no base at all is one cycle",
    lines: ["0002 -> 0001", "0001 -> 0002"],
    code: "CYCLE",
    message: [/Cycle is detected in revisions \(0001, 0002\)/],
  },
  {
    name: "a self-loop",
    lines: ["0001 -> 0001"],
    code: "CYCLE",
    message: [/Self-loop is detected in revisions \(0001\)/],
  },
  {
    name: "a dependency cycle",
    lines: ["<base> -> 0001 {0002}", "0001 -> 0002"],
    code: "DEPENDENCY_CYCLE",
    message: [/Dependency cycle is detected in revisions \(0001, 0002\)/],
  },
  {
    name: "a branch label used twice",
    lines: ["<base> -> 0001 [x]", "0001 -> 0002 [x]"],
    code: "DUPLICATE_BRANCH_LABEL",
    message: [/Branch name 'x' in revision 0002 already used by revision 0001/],
  },
  {
    name: "a branch label equal to a revision id",
    lines: ["<base> -> 0001", "0001 -> 0002 [0001]"],
    code: "DUPLICATE_BRANCH_LABEL",
    message: [/Branch name '0001' in revision 0002 is the id of revision 0001/],
  },
  {
    name: "a revision id that would read as a rev spec",
    lines: ["<base> -> ab+1"],
    code: "INVALID_REVISION_FILE",
    message: [/Character\(s\) '\+' not allowed in revision identifier 'ab\+1'/],
  },
];
for (const c of errorCases) {
  test(`fromSources refuses ${c.name}`, () => {
    assert.throws(
      () => graph(...c.lines),
      (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, c.code);
        for (const pattern of c.message) assert.match(error.message, pattern);
        assert.ok(error.hint && error.hint.length > 0, "has a hint");
        assert.equal(error.exitCode, 3);
        return true;
      },
    );
  });
}

test("an empty versions directory is an empty graph", () => {
  const map = RevisionMap.fromSources([]);
  assert.deepEqual([map.heads, map.bases, map.revisions], [[], [], []]);
});
