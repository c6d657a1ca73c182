// Branch label inheritance, Alembic's rule (RevisionMap._add_branches): a label reaches
// every descendant of the revision declaring it, and also the revisions below, walking
// down from the last descendant until a branch point (dependents count) or a merge point.

import type { IndexedGraph } from "./indexed-graph.js";

export function inheritLabels(graph: IndexedGraph, ownLabels: readonly (readonly string[])[], dependentCount: readonly number[]): string[][] {
  // A list only for the revisions a label reaches. A revision carries a label or two:
  // lists, not sets (10,000 sets cost more than the walk).
  const labels: (string[] | undefined)[] = ownLabels.map((own) => (own.length === 0 ? undefined : [...new Set(own)]));
  const add = (node: number, carried: readonly string[]) => {
    const list = (labels[node] ??= []);
    for (const label of carried) if (!list.includes(label)) list.push(label);
  };
  const isStop = (node: number) => graph.versionedUp[node]!.length + dependentCount[node]! > 1 || graph.versionedDown[node]!.length > 1;
  for (let owner = 0; owner < graph.size; owner++) {
    if (ownLabels[owner]!.length === 0) continue;
    const carried = [...labels[owner]!];
    const last = eachDescendant(graph, owner, (node) => add(node, carried));
    let parent: number | undefined = last;
    while (parent !== undefined && !isStop(parent)) {
      add(parent, carried);
      parent = graph.versionedDown[parent]![0];
    }
  }
  return labels.map((list) => list ?? []);
}

/**
 * Visits `start` and its descendants depth first, children pushed in file order; returns
 * the last one visited, which decides where the downward walk starts.
 */
function eachDescendant(graph: IndexedGraph, start: number, visit: (node: number) => void): number {
  const seen = new Uint8Array(graph.size);
  const stack = [start];
  let last = start;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen[node]) continue;
    seen[node] = 1;
    for (const child of graph.versionedUp[node]!) stack.push(child);
    visit(node);
    last = node;
  }
  return last;
}
