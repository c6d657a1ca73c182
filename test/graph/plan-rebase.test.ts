// The rebase planner on graphs made here: what moves, what stays, what is refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { defaultOnto, planRebase } from "../../src/graph/plan-rebase.js";
import { RevisionMap } from "../../src/graph/revision-map.js";
import type { RevisionSource } from "../../src/graph/revision-source.js";

function graph(...revisions: [id: string, parents: string[], labels?: string[]][]): RevisionMap {
  return RevisionMap.fromSources(
    revisions.map(
      ([revision, downRevisions, branchLabels = []], i): RevisionSource => ({
        revision,
        downRevisions,
        branchLabels,
        dependsOn: [],
        message: revision,
        createDate: null,
        path: `versions/${String(i).padStart(3, "0")}_${revision}.ts`,
        transactional: true,
        format: "ts",
      }),
    ),
  );
}

test("a local chain forked from an older revision moves its root onto the upstream head; the rest of the chain keeps its parents", () => {
  const map = graph(["0001", []], ["0002", ["0001"]], ["u1", ["0002"]], ["u2", ["u1"]], ["l1", ["0002"]], ["l2", ["l1"]]);
  const local = new Set(["l1", "l2"]);
  assert.equal(defaultOnto(map, local), "u2");
  const plan = planRebase(map, "u2", local);
  assert.deepEqual(
    plan.moves.map((m) => [m.revision, m.from, m.to]),
    [["l1", ["0002"], ["u2"]]],
  );
  assert.equal(plan.head, "l2");
});

test("a local merge of two local lines moves both roots and stays one head", () => {
  const map = graph(["0001", []], ["u1", ["0001"]], ["l1", ["0001"]], ["l2", ["0001"]], ["lm", ["l1", "l2"]]);
  const plan = planRebase(map, "u1", new Set(["l1", "l2", "lm"]));
  assert.deepEqual(
    plan.moves.map((m) => [m.revision, m.to]),
    [
      ["l1", ["u1"]],
      ["l2", ["u1"]],
    ],
  );
  assert.equal(plan.head, "lm");
});

test("a local revision on another branch's revision keeps that parent, and a new local base stays a base", () => {
  const map = graph(["0001", []], ["a1", [], ["audit"]], ["u1", ["0001"]], ["l1", ["0001", "a1"]]);
  const plan = planRebase(map, "u1", new Set(["l1"]));
  assert.deepEqual(
    plan.moves.map((m) => [m.revision, m.to]),
    [["l1", ["u1", "a1"]]],
  );
  const base = planRebase(graph(["0001", []], ["u1", ["0001"]], ["b1", []]), "u1", new Set(["b1"]));
  assert.deepEqual(base.moves, []);
});

test("two local lines that do not meet would leave two heads: refused, naming them", () => {
  const map = graph(["0001", []], ["u1", ["0001"]], ["l1", ["0001"]], ["l2", ["0001"]]);
  assert.throws(
    () => planRebase(map, "u1", new Set(["l1", "l2"])),
    (e: unknown) => e instanceof AthanorError && /would leave 2 heads \(l1, l2\)/.test(e.message),
  );
});

test("several upstream heads are refused asking for --onto; a local --onto is refused", () => {
  const map = graph(["0001", []], ["u1", ["0001"]], ["u2", ["0001"]], ["l1", ["0001"]]);
  assert.throws(
    () => defaultOnto(map, new Set(["l1"])),
    (e: unknown) => e instanceof AthanorError && /Several upstream heads \(u1, u2\)/.test(e.message) && /--onto/.test(e.hint ?? ""),
  );
  assert.throws(() => planRebase(map, "l1", new Set(["l1"])), /is itself a local revision/);
});
