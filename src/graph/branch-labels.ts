// Branch label inheritance, Alembic's rule (RevisionMap._add_branches): a label reaches
// every descendant of the revision declaring it, and also the revisions below, walking
// down from the last descendant until a branch point (dependents count) or a merge point.

import type { IndexedGraph } from "./indexed-graph.js";

export function inheritLabels(graph: IndexedGraph, ownLabels: readonly (readonly string[])[], dependentCount: readonly number[]): string[][] {
  const labels = ownLabels.map((own) => new Set(own));
  const isStop = (node: number) =>
    graph.versionedUp[node]!.length + dependentCount[node]! > 1 || graph.versionedDown[node]!.length > 1;
  for (let owner = 0; owner < graph.size; owner++) {
    if (ownLabels[owner]!.length === 0) continue;
    const carried = [...labels[owner]!];
    let last = owner;
    for (const node of depthFirstDescendants(graph, owner)) {
      for (const label of carried) labels[node]!.add(label);
      last = node;
    }
    let parent: number | undefined = last;
    while (parent !== undefined && !isStop(parent)) {
      for (const label of carried) labels[parent]!.add(label);
      parent = graph.versionedDown[parent]![0];
    }
  }
  return labels.map((set) => [...set]);
}

/** Stack order, children pushed in file order: the last one yielded decides where the downward walk starts. */
function* depthFirstDescendants(graph: IndexedGraph, start: number): Generator<number> {
  const seen = new Uint8Array(graph.size);
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen[node]) continue;
    seen[node] = 1;
    for (const child of graph.versionedUp[node]!) stack.push(child);
    yield node;
  }
}
