// `downgrade <target>`: which applied revisions are undone (everything above the target
// that the current heads stand on), newest first in Alembic's walk from the current heads,
// with each step's version-table change (ScriptDirectory._downgrade_revs + HeadMaintainer).

import { errors } from "../error-factories.js";
import { assertNoOverlap, resolveCurrent } from "./current-heads.js";
import { resolveDowngradeTarget } from "./relative-walk.js";
import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { resolveBranch } from "./resolve-rev-spec.js";
import { type RevSpec, revSpecText } from "./rev-spec.js";
import { shownArgument } from "./shown-argument.js";
import type { Plan, Step } from "./step.js";
import { VersionRows, downgradeChanges } from "./version-rows.js";
import { alembicOrder } from "./walk-order.js";

/**
 * Plans a downgrade from `current` (the version table's rows; offline `b:a` passes what `b` names) to
 * `target` (`-1`, `base`, `0002`, `audit@base`, `head-2`, ...).
 *
 * ### Examples
 * ```ts
 * planDowngrade(map, ["0006"], parseRevSpec("-1")).steps; // [{ revision: "0006", versionChanges: [update 0006 → 0005] }]
 * planDowngrade(map, ["0006", "a101"], BASE).end; // []
 * ```
 */
export function planDowngrade(map: RevisionMap, current: readonly string[], target: RevSpec): Plan {
  const currentRevisions = resolveCurrent(map, current);
  assertNoOverlap(map, currentRevisions, "current revisions");
  const { branch, revision } = resolveDowngradeTarget(map, currentRevisions, target);
  const roots = downgradeRoots(map, revision, branch);
  const { graph } = map;
  const todo = graph.descendants(roots.map((r) => r.index));
  const applied = graph.ancestors(currentRevisions.map((r) => r.index));
  let any = false;
  for (let i = 0; i < todo.length; i++) {
    todo[i] = todo[i]! & applied[i]!;
    if (todo[i]) any = true;
  }
  if (revision !== null && !any && !currentRevisions.includes(revision)) {
    const shown = shownArgument(revSpecText(target));
    throw errors.rangeNotAncestor(`Destination ${shown} is not a valid downgrade target from current head(s)`, {
      hint: `${revision.id} is not below the current revision(s) ${currentRevisions.map((r) => r.id).join(", ") || "(base)"}; to move forward use \`athanor upgrade ${shown}\`.`,
      details: { target: revSpecText(target), current: currentRevisions.map((r) => r.id) },
    });
  }
  const order = alembicOrder(
    graph,
    todo,
    currentRevisions.map((r) => r.index),
  );
  const rows = new VersionRows(currentRevisions.map((r) => r.id));
  const start = rows.rows;
  const steps: Step[] = order.map((index) => {
    const step = map.at(index);
    return {
      direction: "downgrade",
      revision: step.id,
      from: [step.id],
      to: step.downRevisions,
      versionChanges: downgradeChanges(map, step, rows),
    };
  });
  return { direction: "downgrade", start, steps, end: rows.rows };
}

/** The lowest revisions to undo: the target's children, or every base; narrowed to the branch. */
function downgradeRoots(map: RevisionMap, target: Revision | null, branch: string | undefined): Revision[] {
  let roots = target === null ? map.revisions.filter((r) => r.isBase) : target.children.map((id) => map.require(id));
  if (branch !== undefined && roots.length > 1) {
    const onBranch = map.graph.ancestors([resolveBranch(map, branch).index], "versioned");
    roots = roots.filter((r) => onBranch[r.index]);
    if (roots.length === 0) {
      throw errors.rangeNotAncestor(`Not a valid downgrade target from current heads (branch '${shownArgument(branch)}')`, {
        hint: "Run `athanor current` and `athanor branches` to choose a target on that branch.",
        details: { branch },
      });
    }
  }
  return roots;
}
