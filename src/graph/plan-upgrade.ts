// `upgrade <target>`: which revisions run, in Alembic's order (its walk from the targets,
// reversed), and the version-table change of each step (ScriptDirectory._upgrade_revs +
// HeadMaintainer).

import { assertNoOverlap, resolveCurrent } from "./current-heads.js";
import { resolveUpgradeTarget } from "./relative-walk.js";
import type { RevisionMap } from "./revision-map.js";
import type { Plan, Step } from "./step.js";
import { VersionRows, upgradeChanges } from "./version-rows.js";
import { alembicOrder } from "./walk-order.js";
import { type RevSpec, revSpecText } from "./rev-spec.js";
import { shownArgument } from "./shown-argument.js";

/**
 * Plans an upgrade from `current` (the version table's rows; [] is base; offline `a:b`
 * passes what `a` names) to `target` (any rev spec: `head`, `heads`, `0005`, `audit@head`, `+2`, ...).
 *
 * ### Examples
 * ```ts
 * planUpgrade(map, [], parseRevSpec("head")).steps.map((s) => s.revision); // ["0001", "0002"]
 * planUpgrade(map, ["0002"], parseRevSpec("+1"));
 * ```
 */
export function planUpgrade(map: RevisionMap, current: readonly string[], target: RevSpec): Plan {
  const currentRevisions = resolveCurrent(map, current);
  const targets = resolveUpgradeTarget(map, currentRevisions, target);
  assertNoOverlap(map, targets, `targets of '${shownArgument(revSpecText(target))}'`);
  assertNoOverlap(map, currentRevisions, "current revisions");
  const { graph } = map;
  const todo = graph.ancestors(targets.map((r) => r.index));
  const applied = graph.ancestors(currentRevisions.map((r) => r.index));
  for (let i = 0; i < todo.length; i++) if (applied[i]) todo[i] = 0;
  const order = alembicOrder(
    graph,
    todo,
    targets.map((r) => r.index),
  ).reverse();

  const rows = new VersionRows(currentRevisions.map((r) => r.id));
  const start = rows.rows;
  const steps: Step[] = order.map((index) => {
    const revision = map.at(index);
    return {
      direction: "upgrade",
      revision: revision.id,
      from: revision.downRevisions,
      to: [revision.id],
      versionChanges: upgradeChanges(revision, rows),
    };
  });
  return { direction: "upgrade", start, steps, end: rows.rows };
}
