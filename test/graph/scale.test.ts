import assert from "node:assert/strict";
import { test } from "node:test";
import { historyRevisions } from "../../src/graph/history.js";
import { planDowngrade, planUpgrade } from "../../src/graph/plan.js";
import { parseRevSpec } from "../../src/graph/rev-spec.js";
import { RevisionMap } from "../../src/graph/revision-map.js";
import type { RevisionSource } from "../../src/graph/revision-source.js";

function source(revision: string, downRevisions: string[], i: number): RevisionSource {
  const file = `${String(i).padStart(6, "0")}_${revision}`;
  return {
    revision,
    downRevisions,
    branchLabels: [],
    dependsOn: [],
    message: "m",
    createDate: null,
    path: `${file}.ts`,
    sortKey: file,
    transactional: true,
    format: "ts",
  };
}

const id = (i: number) => `r${String(i).padStart(6, "0")}`;

// Speed is measured in bench/, not asserted here: these tests prove deep and wide graphs
// are handled iteratively (no stack overflow) and planned correctly.
const run = <T>(fn: () => T): T => fn();

test("a 20,000-revision chain is built, walked and planned without recursion, whole", () => {
  const n = 20_000;
  const sources = Array.from({ length: n }, (_, i) => source(id(i), i === 0 ? [] : [id(i - 1)], i));
  const map = run(() => RevisionMap.fromSources(sources));
  assert.deepEqual(map.heads, [id(n - 1)]);
  const history = run(() => historyRevisions(map));
  assert.equal(history.length, n);
  assert.equal(history[0]!.id, id(n - 1));
  const up = run(() => planUpgrade(map, [], parseRevSpec("head")));
  assert.equal(up.steps.length, n);
  assert.deepEqual(up.end, [id(n - 1)]);
  const down = run(() => planDowngrade(map, [id(n - 1)], parseRevSpec("base")));
  assert.equal(down.steps.length, n);
  assert.deepEqual(down.end, []);
  const partial = run(() => planUpgrade(map, [id(100)], parseRevSpec("+5")));
  assert.deepEqual(partial.end, [id(105)]);
});

test("a wide graph (500 branches of 5 merged at once) is planned up and down", () => {
  const sources: RevisionSource[] = [source("root", [], 0)];
  const tips: string[] = [];
  let i = 1;
  for (let b = 0; b < 500; b++) {
    let parent = "root";
    for (let k = 0; k < 5; k++) {
      const rev = `b${b}x${k}`;
      sources.push(source(rev, [parent], i++));
      parent = rev;
    }
    tips.push(parent);
  }
  sources.push(source("merge", tips, i++));
  const map = run(() => RevisionMap.fromSources(sources));
  const up = run(() => planUpgrade(map, [], parseRevSpec("head")));
  assert.equal(up.steps.length, sources.length);
  assert.deepEqual(up.end, ["merge"]);
  const down = run(() => planDowngrade(map, ["merge"], parseRevSpec("base")));
  assert.deepEqual(down.end, []);
});

test("a 20,000-revision chain with 100 squashes of 199 revisions each builds both views, without recursion", () => {
  const n = 20_000;
  const sources: RevisionSource[] = Array.from({ length: n }, (_, i) => source(id(i), i === 0 ? [] : [id(i - 1)], i));
  // Squash k replaces r(200k+1)..r(200k+199) and builds on r(200k).
  for (let k = 0; k < 100; k++) {
    const replaces = Array.from({ length: 199 }, (_, j) => id(200 * k + 1 + j));
    sources.push({ ...source(`s${String(k).padStart(6, "0")}`, [id(200 * k)], n + k), replaces });
  }
  const map = run(() => RevisionMap.fromSources(sources));
  assert.equal(map.size, n - 100 * 199 + 100);
  assert.deepEqual(map.heads, ["s000099"], "the last squash replaces the chain's head");
  assert.equal(run(() => planUpgrade(map, [], parseRevSpec("head"))).steps.length, map.size);
  const inside = run(() => map.forRows([id(n - 150)]));
  assert.equal(inside.size, map.size + 198);
  assert.equal(run(() => planUpgrade(inside, [id(n - 150)], parseRevSpec("head"))).steps.length, 149);
});
