// Offline (`--sql`) runs have no database to read the current revision from: the
// request names where the script starts, as `from:to`. Splitting that range (run-target.ts
// parses its ends), refusing one online, and the example a downgrade without one is
// answered with.
import type { AthanorError } from "../errors.js";
import { errors, reworded } from "../error-factories.js";
import { planDowngrade } from "../graph/plan-downgrade.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import { parseRange, parseRevSpec, type RunRange, revSpecText } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";
import type { Plan } from "../graph/step.js";
import { isAthanorError } from "../errors.js";
import { shownArgument } from "../graph/shown-argument.js";

/** `athanor downgrade 0006:0005 --sql`: the head the script would start from, and the target it reaches. */
function offlineDowngradeExample(map: RevisionMap, target: string): string {
  const head = map.heads[0];
  if (head === undefined) return "athanor downgrade <fromrev>:<torev> --sql";
  try {
    const end = planDowngrade(map, [head], parseRevSpec(target)).end;
    const to = end.length === 0 ? "base" : end.join(",");
    if (end.length <= 1) return `athanor downgrade ${head}:${to} --sql`;
  } catch {
    // The target does not parse, or does not resolve from that head: show the request as written.
  }
  // Only a target that can be typed back as it is: a long, unprintable or blank one is `<torev>`.
  const typable = shownArgument(target) === target && target.trim() === target && target !== "";
  return `athanor downgrade ${head}:${typable ? target : "<torev>"} --sql`;
}

/** `downgrade <to> --sql` without where the script starts: Alembic's words, the argument, and an example range. */
export function missingOfflineStart(map: RevisionMap, target: string): AthanorError {
  return errors.usage(`downgrade with --sql requires <fromrev>:<torev>: '${shownArgument(target)}' says only where the script ends`, {
    hint: `offline there is no database to read the current revision from; name where the script starts, e.g. ${offlineDowngradeExample(map, target)}`,
    details: { spec: target },
  });
}

/** `a:b` → [a, b]; a plain spec → [undefined, spec]; `a:b:c` is the graph's range error. */
export function splitRange(spec: string, command: string): [string | undefined, string] {
  if (!spec.includes(":")) return [undefined, spec];
  const range = parseRange(spec);
  const from = range.from ?? "";
  const to = range.to;
  if (to === undefined) {
    throw errors.badRevSpec(`${command} range '${shownArgument(spec)}' has no end revision`, {
      hint: `write it as <fromrev>:<torev>, e.g. base:head`,
    });
  }
  return [from, to];
}

/** Online, the database says where a run starts: a `from:to` range is for --sql scripts only (Alembic: "Range revision not allowed"). */
export function refuseOnlineRange(spec: string, command: "upgrade" | "downgrade" | "stamp"): void {
  if (spec.includes(":")) throw onlineRangeError(spec, command);
}

/** The refusal of a range (`spec` holds a ':') online. */
export function onlineRangeError(spec: string, command: "upgrade" | "downgrade" | "stamp"): AthanorError {
  const to = shownArgument(spec.slice(spec.lastIndexOf(":") + 1) || { upgrade: "head", downgrade: "base", stamp: "<revision>" }[command]);
  const shown = shownArgument(spec);
  return errors.badRevSpec(`Range revision not allowed: '${shown}' names where a script starts, which only --sql needs`, {
    hint: `online the database says where it is: run \`athanor ${command} ${to}\`, or add --sql to print the script for ${shown}`,
    details: { range: spec },
  });
}

/**
 * `downgrade from:to --sql`'s plan. A `to` above `from` (`downgrade 0002:0004`) keeps
 * Alembic's error, with the offline upgrade it may have meant as the hint.
 */
export function offlineDowngradePlan(map: RevisionMap, range: RunRange, start: readonly string[]): Plan {
  const { to } = range;
  try {
    return planDowngrade(map, start, to);
  } catch (error) {
    if (!isAthanorError(error) || error.code !== "RANGE_NOT_ANCESTOR") throw error;
    let upward = false;
    try {
      upward = planUpgrade(map, start, to).steps.length > 0;
    } catch {
      // not an upgrade either: Alembic's error as it is
    }
    if (!upward) throw error;
    const from = shownArgument(range.from === undefined ? "" : revSpecText(range.from));
    const toText = shownArgument(revSpecText(to));
    throw reworded(error, `Downgrade range ${from}:${toText} goes up: ${error.message}`, {
      hint: `Did you mean \`athanor upgrade ${from}:${toText} --sql\` or \`athanor downgrade ${toText}:${from} --sql\`?`,
      details: error.details ?? {},
      cause: error,
    });
  }
}

/** `stamp --purge a:b --sql`: --purge starts from an empty table, the range from `a`; one start only. */
export function refuseRangeWithPurge(targets: readonly string[]): void {
  const range = targets.find((t) => t.includes(":"));
  if (range === undefined) return;
  const to = shownArgument(range.slice(range.lastIndexOf(":") + 1) || "<revision>");
  throw errors.badRevSpec(
    `--purge cannot be combined with the range '${shownArgument(range)}': --purge starts the script from an empty version table, the range from its first revision`,
    {
      hint: `use \`athanor stamp ${shownArgument(range)} --sql\` for a script that starts there, or \`athanor stamp --purge ${to} --sql\` for one that empties the table first`,
      details: { range },
    },
  );
}
