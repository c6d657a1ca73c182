// The revisions `history [-r a:b]` lists, newest first, in Alembic's order
// (ScriptDirectory.walk_revisions: the upgrade walk from the upper end, inclusive of the
// lower end, limited to its descendants). `current` in a range means the version table's rows.

import { errors } from "../error-factories.js";
import { assertNoOverlap } from "./current-heads.js";
import { resolveUpgradeTarget, walk } from "./relative-walk.js";
import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { resolveRevision, resolveRevisions } from "./resolve-rev-spec.js";
import { BASE, HEADS, isCurrent, type RevRange, type RevSpec, revSpecText, symbolSpec } from "./rev-spec.js";
import { alembicOrder } from "./walk-order.js";
import { shownArgument } from "./shown-argument.js";

export interface HistoryOptions {
  /** `a:b`, `a:` or `:b`; absent: the whole graph. */
  readonly range?: RevRange;
  /** The version table's rows, for `current` in the range. */
  readonly current?: readonly string[];
}

/**
 * ### Examples
 * ```ts
 * historyRevisions(map).map((r) => r.id); // ["0006", "0005", "0003", "a101", "a100", "0004", "0002", "0001"]
 * historyRevisions(map, parseRevRange("0004:0006"));
 * historyRevisions(map, { range: parseRevRange("current:"), current: ["0003"] });
 * ```
 */
export function historyRevisions(map: RevisionMap, rangeOrOptions: RevRange | HistoryOptions = {}): Revision[] {
  const options: HistoryOptions = "kind" in rangeOrOptions ? { range: rangeOrOptions } : rangeOrOptions;
  const current = options.current ?? [];
  const lowerSpec = options.range?.from ?? BASE;
  const upperSpec = options.range?.to ?? HEADS;
  const lower = isCurrent(lowerSpec) ? current.map((id) => map.require(id)) : resolveLower(map, lowerSpec);
  let targets = isCurrent(upperSpec) ? current.map((id) => map.require(id)) : upperTargets(map, upperSpec, lower);
  if (lowerSpec.branch !== undefined) targets = onLowerBranch(map, targets, lowerSpec.branch);
  const { graph } = map;
  // The whole graph (no range): every revision lies below a real head (it has a child or
  // a dependent, or is one), and real heads never overlap, so there is nothing to walk.
  if (options.range === undefined) {
    return alembicOrder(
      graph,
      new Uint8Array(graph.size).fill(1),
      targets.map((r) => r.index),
    ).map((i) => map.at(i));
  }
  assertNoOverlap(map, targets, `upper end of '${shownArgument(options.range.text)}'`);
  assertNoOverlap(map, lower, `lower end of '${shownArgument(options.range.text)}'`);

  const required = graph.ancestors(targets.map((r) => r.index));
  if (lower.some((r) => !required[r.index])) {
    throw errors.rangeNotAncestor(
      `Requested range ${shownArgument(revSpecText(lowerSpec))}:${shownArgument(revSpecText(upperSpec))} does not refer to ancestor/descendant revisions along the same branch`,
      { hint: "The lower end must be an ancestor of the upper end; `athanor history` shows the graph.", details: { range: options.range.text } },
    );
  }
  const needs = required;
  if (lower.length > 0) {
    const below = graph.ancestors(lower.map((r) => r.index));
    const above = graph.descendants(
      lower.map((r) => r.index),
      "versioned",
    );
    for (let i = 0; i < needs.length; i++) needs[i] = needs[i]! & above[i]! & (below[i]! ^ 1);
    for (const r of lower) needs[r.index] = 1;
  }
  return alembicOrder(
    graph,
    needs,
    targets.map((r) => r.index),
  ).map((i) => map.at(i));
}

function upperTargets(map: RevisionMap, spec: RevSpec, lower: readonly Revision[]): Revision[] {
  if (spec.kind !== "relative") return resolveRevisions(map, spec);
  const { symbol, steps, branch } = spec;
  if (symbol === undefined && steps <= 0) return resolveUpgradeTarget(map, lower, spec);
  if (symbol === undefined && lower.length > 1) return resolveUpgradeTarget(map, lower, spec);
  const start = symbol === undefined ? (lower[0] ?? null) : resolveRevision(map, symbolSpec(symbol, steps < 0 ? branch : undefined));
  // history never fails for walking off the graph: it stops where the graph ends.
  const end = walk(map, start, steps, steps > 0 ? branch : undefined, false, revSpecText(spec));
  return end === undefined || end === "base" ? [] : [end];
}

function resolveLower(map: RevisionMap, spec: RevSpec): Revision[] {
  if (spec.kind !== "relative") return resolveRevisions(map, spec);
  const { symbol, branch, steps } = spec;
  let starts: (Revision | null)[];
  if (symbol !== undefined) {
    starts = [resolveRevision(map, symbolSpec(symbol, branch))];
  } else {
    const heads = map.realHeads.map((id) => map.require(id));
    starts = branch === undefined ? heads : heads.filter((h) => h.labels.includes(branch));
  }
  const ends = starts.map((s) => walk(map, s, steps, undefined, false, revSpecText(spec)));
  return ends.filter((e): e is Revision => e !== undefined && e !== "base");
}

/** `label@base:...` keeps only the upper revisions carrying that label (Alembic's named-base rule). */
function onLowerBranch(map: RevisionMap, targets: readonly Revision[], lowerBranch: string): Revision[] {
  let branch = lowerBranch;
  const owner = map.labelOwner(branch) ?? map.get(branch);
  if (owner !== undefined && owner.id === branch && owner.labels.length === 1) branch = owner.labels[0]!;
  return targets.filter((t) => t.labels.includes(branch));
}
