// What `upgrade`, `downgrade` and `stamp` are given, read once where a run is asked for:
// a rev spec, or offline a `from:to` range (online the database says where a run starts,
// so a range is refused there). The planners below take only the parsed values.
import { errors } from "../error-factories.js";
import { parseRevSpec, parseStampArgument, type RevSpec, type RunRange, runRange } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";
import { missingOfflineStart, onlineRangeError, refuseOnlineRange, refuseRangeWithPurge, splitRange } from "./offline-range.js";

/** An upgrade's or a downgrade's target: a spec, or (offline) a range. */
export type RunTarget = RevSpec | RunRange;

/**
 * ### Examples
 * ```ts
 * parseRunTarget(map, "head", "upgrade", false); // { kind: "head" }
 * parseRunTarget(map, "0001:0003", "upgrade", true); // { kind: "range", from: 0001, to: 0003 }
 * parseRunTarget(map, "0001:0003", "upgrade", false); // throws: Range revision not allowed
 * ```
 */
export function parseRunTarget(map: RevisionMap, text: string, command: "upgrade" | "downgrade", offline: boolean): RunTarget {
  if (!offline) {
    refuseOnlineRange(text, command);
    return parseTarget(text, command);
  }
  const [from, to] = splitRange(text, command);
  if (from !== undefined) return runRange(text, from, to);
  if (command === "downgrade") throw missingOfflineStart(map, text);
  return parseTarget(to, command);
}

/** The target of an online run: a range given already parsed (by a program) is refused as a typed one is. */
export function onlineTarget(target: RunTarget, command: "upgrade" | "downgrade"): RevSpec {
  if (target.kind === "range") throw onlineRangeError(target.text, command);
  return target;
}

function parseTarget(text: string, command: "upgrade" | "downgrade"): RevSpec {
  if (command === "upgrade" && text === "") throw errors.badRevSpec("No upgrade target given", { hint: "Use `athanor upgrade head`." });
  return parseRevSpec(text);
}

/** A stamp's destination, or (offline, without --purge) a `from:to` range. */
export type StampTarget = RevSpec | RunRange;

/**
 * `stamp <args...>`: online every argument is a destination (a range is refused, as
 * Alembic's "Range revision not allowed"); offline each may be a range, except with
 * --purge, whose script starts from an empty table.
 */
export function parseStampTargets(targets: readonly (string | StampTarget)[], options: { offline: boolean; purge: boolean }): StampTarget[] {
  const ranges = targets.flatMap((t) => (typeof t === "string" ? (t.includes(":") ? [t] : []) : t.kind === "range" ? [t.text] : []));
  if (!options.offline) for (const range of ranges) refuseOnlineRange(range, "stamp");
  else if (options.purge) refuseRangeWithPurge(ranges);
  return targets.map((t) => (typeof t !== "string" ? t : options.offline ? parseStampArgument(t) : parseRevSpec(t)));
}

/** The destinations of a stamp that takes no range (online, or --purge): parseStampTargets refused any. */
export function stampDestinations(targets: readonly StampTarget[]): RevSpec[] {
  return targets.filter((t): t is RevSpec => t.kind !== "range");
}
