// An offline range `from:to` whose plan runs nothing. Alembic 1.8.1 prints an empty
// `BEGIN; COMMIT;` for both kinds; athanor tells them apart. A reversed range (`to` lies
// below `from`: `upgrade 0004:0002`) is a slip, refused with the two requests it may have
// meant, each checked to plan something. A range whose ends coincide (`0006:head` when
// 0006 is the head) is a real answer, "nothing to do", and the caller prints the empty script.

import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import { resolveCurrent } from "./current-heads.js";
import { planDowngrade } from "./plan-downgrade.js";
import { planUpgrade } from "./plan-upgrade.js";
import { resolveUpgradeTarget } from "./relative-walk.js";
import type { RevisionMap } from "./revision-map.js";
import { type RevSpec, revSpecText } from "./rev-spec.js";
import { shownArgument } from "./shown-argument.js";

/**
 * For an upgrade range that planned no step: the error when `to` lies below `from`, or
 * undefined when the ends coincide. `start` is what `from` resolved to; `from` is
 * undefined for a range that leaves it out (`:0002`).
 *
 * ### Examples
 * ```ts
 * reversedUpgradeRange(map, parseRevSpec("0004"), ["0004"], parseRevSpec("0002")); // AthanorError: 0004:0002 goes down …
 * reversedUpgradeRange(map, parseRevSpec("0006"), ["0006"], parseRevSpec("head")); // undefined: nothing to do
 * ```
 */
export function reversedUpgradeRange(map: RevisionMap, from: RevSpec | undefined, start: readonly string[], to: RevSpec): AthanorError | undefined {
  const starts = resolveCurrent(map, start);
  const targets = resolveUpgradeTarget(map, starts, to);
  const same = targets.length === starts.length && targets.every((t) => starts.includes(t));
  if (same) return undefined;
  const fromText = from === undefined ? "" : revSpecText(from);
  const toText = revSpecText(to);
  const range = `${shownArgument(fromText)}:${shownArgument(toText)}`;
  const meant: string[] = [];
  if (plansSomething(() => planDowngrade(map, start, to))) meant.push(`\`athanor downgrade ${range} --sql\``);
  const upStart = to.kind === "base" && to.branch === undefined ? [] : targets.map((t) => t.id);
  if (from !== undefined && plansSomething(() => planUpgrade(map, upStart, from)))
    meant.push(`\`athanor upgrade ${shownArgument(toText)}:${shownArgument(fromText)} --sql\``);
  const below = targets.length === 0 ? "base" : targets.map((t) => t.id).join(", ");
  return errors.badRevSpec(
    `Upgrade range ${range} goes down: ${below} is already below ${starts.map((s) => s.id).join(", ")}, so the script would run nothing`,
    {
      hint: meant.length > 0 ? `Did you mean ${meant.join(" or ")}?` : "An upgrade range is <older>:<newer>; `athanor history` shows the order.",
      details: { range: `${fromText}:${toText}` },
    },
  );
}

function plansSomething(plan: () => { steps: readonly unknown[] }): boolean {
  try {
    return plan().steps.length > 0;
  } catch {
    return false;
  }
}
