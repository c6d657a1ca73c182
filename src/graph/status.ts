// `athanor status`: for each head of the graph, which of its revisions the database has
// and which an upgrade to it would run, in the order it would run them. One ancestor walk
// for the applied set and one upgrade plan per head, so the work stays linear per head.

import { resolveCurrent } from "./current-heads.js";
import { planUpgrade } from "./plan-upgrade.js";
import type { RevisionMap } from "./revision-map.js";

export interface HeadStatus {
  /** The head revision's id. */
  readonly head: string;
  /** Its own and inherited branch labels. */
  readonly branchLabels: readonly string[];
  /** How many of the head's ancestors (itself included) the database has applied. */
  readonly appliedCount: number;
  /** What `athanor upgrade <head>` would run, in order; empty when the head is reached. */
  readonly pending: readonly string[];
}

export interface GraphStatus {
  /** The version table's rows. */
  readonly current: readonly string[];
  readonly heads: readonly HeadStatus[];
  /** Distinct revisions pending on any head (a revision below two heads counts once). */
  readonly pendingCount: number;
}

/**
 * Where the database stands against every head.
 *
 * ### Examples
 * ```ts
 * const status = graphStatus(map, ["0002"]);
 * status.heads.map((h) => [h.head, h.pending]); // [["0004", ["0003", "0004"]], ["a101", []]]
 * ```
 * Throws UNKNOWN_DATABASE_REVISION when a row names no revision file.
 */
export function graphStatus(map: RevisionMap, current: readonly string[]): GraphStatus {
  const currentRevisions = resolveCurrent(map, current);
  const applied = map.graph.ancestors(currentRevisions.map((r) => r.index));
  const pendingAnywhere = new Set<string>();
  const heads = map.heads.map((head): HeadStatus => {
    const lineage = map.graph.ancestors([map.require(head).index]);
    let appliedCount = 0;
    for (let i = 0; i < lineage.length; i++) if (lineage[i] && applied[i]) appliedCount++;
    const pending = planUpgrade(map, current, { kind: "revision", id: head }).steps.map((step) => step.revision);
    for (const id of pending) pendingAnywhere.add(id);
    return { head, branchLabels: map.labelsOf(head), appliedCount, pending };
  });
  return { current: [...current], heads, pendingCount: pendingAnywhere.size };
}
