// Finds cycles before anything walks the graph, first along downRevision links (CYCLE),
// then with dependencies too (DEPENDENCY_CYCLE), and names the revisions in the loop.

import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import { reverse } from "./indexed-graph.js";
import type { RevisionSource } from "./revision-source.js";
import { locate } from "./source-location.js";

export function checkCycles(
  sources: readonly RevisionSource[],
  versionedDown: readonly (readonly number[])[],
  versionedUp: readonly (readonly number[])[],
  dependsOn: readonly (readonly number[])[],
): void {
  const inCycle = loopMembers(versionedDown, versionedUp);
  if (inCycle.length > 0) throw cycleError("CYCLE", "Cycle", sources, inCycle, "downRevision");
  // Without any dependency the second graph is the first, already found free of loops.
  if (dependsOn.every((dependencies) => dependencies.length === 0)) return;
  const allDown = versionedDown.map((parents, node) => (dependsOn[node]!.length === 0 ? parents : [...parents, ...dependsOn[node]!]));
  const inDependencyCycle = loopMembers(allDown);
  if (inDependencyCycle.length > 0) {
    throw cycleError("DEPENDENCY_CYCLE", "Dependency cycle", sources, inDependencyCycle, "dependsOn");
  }
}

/**
 * The revisions on or between loops. Alembic's test (not below a head, or not above a
 * base) also flags innocent revisions next to a loop and misses a loop that is both
 * above a base and below a head; peeling the graph from both ends (Kahn) names exactly
 * the revisions a user must look at.
 */
function loopMembers(down: readonly (readonly number[])[], up: readonly (readonly number[])[] = reverse(down)): number[] {
  const fromBases = peel(down, up);
  // Everything peels from the bases when there is no loop: the usual answer, in one pass.
  if (fromBases.every((removed) => removed === 1)) return [];
  const fromHeads = peel(up, down);
  const left: number[] = [];
  for (let node = 0; node < down.length; node++) if (!fromBases[node] && !fromHeads[node]) left.push(node);
  return left;
}

/** Marks every node reachable by repeatedly removing nodes whose `before` are all removed. */
function peel(before: readonly (readonly number[])[], after: readonly (readonly number[])[]): Uint8Array {
  const removed = new Uint8Array(before.length);
  const waiting = before.map((b) => b.length);
  const ready: number[] = [];
  waiting.forEach((count, node) => {
    if (count === 0) ready.push(node);
  });
  while (ready.length > 0) {
    const node = ready.pop()!;
    removed[node] = 1;
    for (const next of after[node]!) if (--waiting[next]! === 0) ready.push(next);
  }
  return removed;
}

function cycleError(
  code: "CYCLE" | "DEPENDENCY_CYCLE",
  kind: string,
  sources: readonly RevisionSource[],
  nodes: readonly number[],
  field: "downRevision" | "dependsOn",
): AthanorError {
  const involved = nodes.map((node) => sources[node]!);
  const ids = involved.map((s) => s.revision).sort();
  const files = involved.map((s) => `  ${s.revision}  ${locate(s, field)}`).join("\n");
  const factory = code === "CYCLE" ? errors.cycle : errors.dependencyCycle;
  return factory(`${kind} is detected in revisions (${ids.join(", ")})\n${files}`, {
    hint:
      code === "CYCLE"
        ? "Each revision's downRevision must point to an older revision; fix the downRevision of one of these files to break the loop."
        : "A revision cannot (directly or through its ancestors) depend on its own descendants; remove one dependsOn entry from these files.",
    details: { revisions: ids, paths: involved.map((s) => s.path) },
  });
}
