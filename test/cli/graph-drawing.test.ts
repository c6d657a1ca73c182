import assert from "node:assert/strict";
import { test } from "node:test";
import { historyRevisions } from "../../src/graph/history.js";
import { drawGraph } from "../../src/cli/graph-drawing.js";
import { graph, referenceGraph } from "../graph/graph-fixture.js";

const draw = (map: ReturnType<typeof graph>) =>
  drawGraph(
    map,
    historyRevisions(map).map((r) => r.id),
    (id) => [id],
  );

test("history --graph draws a branch point and its merge the way git log --graph does", () => {
  assert.deepEqual(draw(graph("<base> -> 0001", "0001 -> 0002", "0002 -> 0003", "0002 -> 0004", "0003, 0004 -> 0005")), [
    "* 0005",
    "|\\",
    "* | 0003",
    "| * 0004",
    "|/",
    "* 0002",
    "* 0001",
  ]);
});

test("history --graph gives an independent branch its own column, ending at its base", () => {
  assert.deepEqual(draw(referenceGraph()), ["* 0006", "* 0005", "|\\", "* | 0003", "| | * a101", "| | * a100", "| * 0004", "|/", "* 0002", "* 0001"]);
});

test("history --graph keeps a verbose block's extra lines beside the columns they belong to", () => {
  const map = graph("<base> -> 0001", "0001 -> 0002", "0001 -> 0003");
  const lines = drawGraph(
    map,
    historyRevisions(map).map((r) => r.id),
    (id) => [id, `  path of ${id}`],
  );
  assert.deepEqual(lines, ["* 0002", "|   path of 0002", "| * 0003", "| |   path of 0003", "|/", "* 0001", "    path of 0001"]);
});
