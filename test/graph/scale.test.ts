import assert from "node:assert/strict";
import { test } from "node:test";
import { historyRevisions } from "../../src/graph/history.js";
import { planDowngrade, planUpgrade } from "../../src/graph/plan.js";
import { RevisionMap } from "../../src/graph/revision-map.js";
import type { RevisionSource } from "../../src/graph/revision-source.js";

function source(revision: string, downRevisions: string[], i: number): RevisionSource {
  const file = `${String(i).padStart(6, "0")}_${revision}`;
  return { revision, downRevisions, branchLabels: [], dependsOn: [], message: "m", createDate: null, path: `${file}.ts`, sortKey: file, transactional: true, format: "ts" };
}

const id = (i: number) => `r${String(i).padStart(6, "0")}`;

function timed<T>(limitMs: number, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  const took = performance.now() - started;
  assert.ok(took < limitMs, `took ${Math.round(took)} ms (limit ${limitMs} ms)`);
  return result;
}

test("a 20,000-revision chain is built, walked and planned without recursion, in well under a second each", () => {
  const n = 20_000;
  const sources = Array.from({ length: n }, (_, i) => source(id(i), i === 0 ? [] : [id(i - 1)], i));
  const map = timed(1000, () => RevisionMap.fromSources(sources));
  assert.deepEqual(map.heads, [id(n - 1)]);
  const history = timed(1000, () => historyRevisions(map));
  assert.equal(history.length, n);
  assert.equal(history[0]!.id, id(n - 1));
  const up = timed(1000, () => planUpgrade(map, [], "head"));
  assert.equal(up.steps.length, n);
  assert.deepEqual(up.end, [id(n - 1)]);
  const down = timed(1000, () => planDowngrade(map, [id(n - 1)], "base"));
  assert.equal(down.steps.length, n);
  assert.deepEqual(down.end, []);
  const partial = timed(1000, () => planUpgrade(map, [id(100)], "+5"));
  assert.deepEqual(partial.end, [id(105)]);
});

test("a wide graph (2,000 branches of 5 merged at once) plans in linear-ish time", () => {
  const sources: RevisionSource[] = [source("root", [], 0)];
  const tips: string[] = [];
  let i = 1;
  for (let b = 0; b < 2000; b++) {
    let parent = "root";
    for (let k = 0; k < 5; k++) {
      const rev = `b${b}x${k}`;
      sources.push(source(rev, [parent], i++));
      parent = rev;
    }
    tips.push(parent);
  }
  sources.push(source("merge", tips, i++));
  const map = timed(2000, () => RevisionMap.fromSources(sources));
  const up = timed(3000, () => planUpgrade(map, [], "head"));
  assert.equal(up.steps.length, sources.length);
  assert.deepEqual(up.end, ["merge"]);
  const down = timed(3000, () => planDowngrade(map, ["merge"], "base"));
  assert.deepEqual(down.end, []);
});
