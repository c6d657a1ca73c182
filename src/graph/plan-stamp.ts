// `stamp <rev>...`: rewrite the version table's rows without running any revision,
// following ScriptDirectory._stamp_revs: per destination, move the current heads on its
// line up or down to it (one merge-like step), or insert it as a new branch.

import { resolveCurrent } from "./current-heads.js";
import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { filterForLineage, resolveRevisions } from "./resolve-rev-spec.js";
import { BASE, type RevSpec } from "./rev-spec.js";
import type { VersionChange } from "./step.js";
import { VersionRows } from "./version-rows.js";

/** One `-- Running stamp_revision 0002 -> 0003` step. */
export interface StampStep {
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly versionChanges: readonly VersionChange[];
}

/**
 * The row changes of `stamp <targets...>` given the current rows. With `purge` the stamp
 * starts from an empty table and the current rows are not even read (they may name
 * revisions no file declares): the caller empties the table first (`DELETE FROM
 * alembic_version`, as Alembic's --purge does), then applies these changes.
 *
 * ### Examples
 * ```ts
 * planStamp(map, [], [parseRevSpec("heads")], false); // insert 0006, insert a101
 * planStamp(map, ["0009"], [parseRevSpec("0002")], true); // insert 0002 (after the caller emptied the table)
 * ```
 */
export function planStamp(map: RevisionMap, current: readonly string[], targets: readonly RevSpec[], purge: boolean): VersionChange[] {
  return planStampSteps(map, current, targets, purge).flatMap((s) => s.versionChanges);
}

export function planStampSteps(map: RevisionMap, current: readonly string[], targets: readonly RevSpec[], purge: boolean): StampStep[] {
  const steps: StampStep[] = [];
  const heads = purge ? [] : resolveCurrent(map, current);
  const rows = new VersionRows(heads.map((r) => r.id));
  const specs = targets.length > 0 ? targets : [BASE];
  const filtered = [
    ...new Set(
      specs.flatMap((s) =>
        filterForLineage(
          map,
          heads.map((r) => r.id),
          s,
          true,
        ),
      ),
    ),
  ];
  // A destination named twice (`stamp 0003 0003`) is stamped once (Alembic asserts on it).
  const destinations: (Revision | null)[] = [...new Set(specs.flatMap((s) => resolveRevisions(map, s)))];
  if (destinations.length === 0) destinations.push(null);

  for (const destination of destinations) {
    if (destination === null) {
      for (const head of filtered) steps.push({ from: [head], to: [], versionChanges: rows.applyAll([{ kind: "delete", revision: head }]) });
      continue;
    }
    if (filtered.includes(destination.id)) continue;
    const above = map.graph.descendants([destination.index]);
    const below = map.graph.ancestors([destination.index]);
    const to = destination.id;
    if (filtered.some((h) => above[map.require(h).index])) {
      steps.push({ from: filtered, to: [to], versionChanges: rows.applyAll(moveRows(filtered, to)) });
    } else if (filtered.some((h) => below[map.require(h).index])) {
      const missing = filtered.some((h) => !rows.has(h));
      const changes: VersionChange[] = missing ? [{ kind: "insert", revision: to }] : moveRows(filtered, to);
      steps.push({ from: filtered, to: [to], versionChanges: rows.applyAll(changes) });
    } else {
      steps.push({ from: [], to: [to], versionChanges: rows.applyAll([{ kind: "insert", revision: to }]) });
    }
  }
  return steps.filter((s) => s.versionChanges.length > 0 || s.from.length > 0);
}

/** Several rows become one: delete all but the last, update the last. */
function moveRows(from: readonly string[], to: string): VersionChange[] {
  const last = from[from.length - 1]!;
  return [...from.slice(0, -1).map((revision): VersionChange => ({ kind: "delete", revision })), { kind: "update", from: last, to }];
}
