// Relative rev specs (`+2`, `-1`, `rev+1`, `head-1`, `label@-1`): walking N steps along
// downRevision links (Alembic's RevisionMap._walk) and turning an upgrade or downgrade
// target into revisions given the current heads (_parse_upgrade/_parse_downgrade_target).

import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { checkBranch, filterForBranch, resolveBranch, resolveRevision, resolveRevisions } from "./resolve-rev-spec.js";
import { type RelativeRevSpec, type RevSpec, revSpecText, stepTextOf, symbolSpec } from "./rev-spec.js";
import { multipleHeadsError } from "./multiple-heads.js";
import { shownArgument } from "./shown-argument.js";

/** Where a walk ends: a revision, "base" (below every base), or undefined when it ran off the graph. */
export type WalkEnd = Revision | "base" | undefined;

/**
 * Walks `steps` children up (> 0) or parents down (< 0) from `start` (null: from nothing,
 * i.e. up from the bases). More than one way to go is "Ambiguous walk", naming `spec`, the
 * argument the walk was read from.
 */
export function walk(map: RevisionMap, start: Revision | null | "base", steps: number, branch?: string, noOverwalk = true, spec?: string): WalkEnd {
  let at: Revision | null | "base" = start;
  for (let i = 0; i < Math.abs(steps); i++) {
    let next: (Revision | "base")[];
    if (steps > 0) {
      if (at === "base") return noOverwalk ? undefined : at;
      let ids: readonly string[] = at === null ? map.bases : at.children;
      if (branch !== undefined) ids = filterForBranch(map, ids, branch);
      next = ids.map((id) => map.require(id));
    } else if (at === "base") {
      next = [];
    } else {
      const ids = at === null ? map.heads : at.downRevisions;
      next = ids.length === 0 ? ["base"] : ids.map((id) => map.require(id));
    }
    if (next.length === 0) return noOverwalk ? undefined : (at ?? undefined);
    if (next.length > 1) throw ambiguousWalk(at, next, steps, spec);
    at = next[0]!;
  }
  return at ?? undefined;
}

function ambiguousWalk(at: Revision | null | "base", options: readonly (Revision | "base")[], steps: number, spec: string | undefined): AthanorError {
  const from = at === null || at === "base" ? "base" : at.id;
  const ids = options.map((o) => (o === "base" ? "base" : o.id));
  const named = spec === undefined ? "" : ` '${shownArgument(spec)}'`;
  return errors.ambiguousWalk(`Ambiguous walk${named}: ${from} ${steps > 0 ? "has several children" : "has several parents"} (${ids.join(", ")})`, {
    hint: `A relative step cannot choose at a ${steps > 0 ? "branch point" : "merge point"}; name the revision instead (one of ${ids.join(", ")}) or narrow with a label (label@+1).`,
    details: { from, options: ids, ...(spec === undefined ? {} : { spec }) },
  });
}

/** The count of a step (`+3` → "3") as typed, cut when long: `Number` would print 1e+400 as Infinity. */
function stepCount(text: string): string {
  const count = Math.abs(Number.parseInt(text, 10));
  return Number.isSafeInteger(count) ? String(count) : shownArgument(text.replace(/^[+-]/, ""));
}

function pastEnd(text: string, detail: string): AthanorError {
  const shown = shownArgument(text);
  return errors.relativePastBase(`Relative revision ${shown} didn't produce ${stepCount(text)} migrations: ${detail}`, {
    hint: "Use a smaller step, or name the revision (`athanor history` lists them).",
    details: { spec: text },
  });
}

function noRelative(text: string, command: "upgrade" | "downgrade"): AthanorError {
  const other = command === "upgrade" ? "downgrade" : "upgrade";
  const shown = shownArgument(text);
  return errors.badRevSpec(
    `Relative revision ${shown} didn't produce ${shownArgument(text.replace(/^[+-]/, ""))} migrations: ${command} cannot go ${command === "upgrade" ? "back" : "forward"} from the current revision`,
    {
      hint: `Did you mean \`athanor ${other} ${shown}\`?`,
      details: { spec: text },
    },
  );
}

/** The revisions `athanor upgrade <target>` aims at; [] for base. Alembic's _parse_upgrade_target. */
export function resolveUpgradeTarget(map: RevisionMap, current: readonly Revision[], target: RevSpec): Revision[] {
  if (target.kind !== "relative") return resolveRevisions(map, target);
  const { branch, symbol, steps } = target;
  const text = revSpecText(target);
  const stepText = stepTextOf(target);
  checkWalkStart(map, target);
  if (steps > 0) {
    let start: Revision | null;
    if (symbol === undefined) {
      const starts = upgradeStarts(map, current, branch);
      if (starts.length > 1) {
        throw errors.ambiguousWalk(`Ambiguous upgrade from multiple current revisions (${starts.map((r) => r?.id).join(", ")})`, {
          hint: `Name the branch to walk: \`athanor upgrade <label>@${stepText}\` or \`athanor upgrade <revision>${stepText}\`.`,
          details: { current: starts.map((r) => r?.id) },
        });
      }
      start = starts[0] ?? null;
    } else {
      start = resolveRevision(map, symbolSpec(symbol));
    }
    const end = walk(map, start, steps, branch, true, text);
    if (end === undefined || end === "base") {
      throw pastEnd(
        stepText,
        `${start === null ? "base" : start.id} has fewer than ${stepCount(stepText)} revisions above it${branch ? ` on branch '${shownArgument(branch)}'` : ""}`,
      );
    }
    return [end];
  }
  if (symbol === undefined) throw noRelative(text, "upgrade");
  const start = resolveRevision(map, symbolSpec(symbol, branch));
  const end = walk(map, start, steps, undefined, true, text);
  if (end === undefined) throw pastEnd(stepText, `walked below base from ${start === null ? "base" : start.id}`);
  return end === "base" ? [] : [end];
}

/** Where `+N` starts from: the current heads, narrowed to a branch (Alembic's rules). */
function upgradeStarts(map: RevisionMap, current: readonly Revision[], branch: string | undefined): (Revision | null)[] {
  if (current.length === 0) return [null];
  if (branch === undefined) return [...current];
  const onBranch = filterForBranch(
    map,
    current.map((r) => r.id),
    branch,
  );
  if (onBranch.length > 0) return onBranch.map((id) => map.require(id));
  // The branch has no current head: start from the newest applied revisions on it.
  const applied = map.graph.ancestors(current.map((r) => r.index));
  const active = filterForBranch(map, map.idsOf(applied), branch).map((id) => map.require(id));
  const below = new Set(active.flatMap((r) => r.normalizedDownRevisions));
  const tips = active.filter((r) => !below.has(r.id));
  return tips.length > 0 ? tips : [null];
}

/** What `athanor downgrade <target>` aims at (null: base) and the branch it is narrowed to. */
export function resolveDowngradeTarget(
  map: RevisionMap,
  current: readonly Revision[],
  target: RevSpec,
): { branch: string | undefined; revision: Revision | null } {
  if (target.kind !== "relative") {
    checkBranch(map, target);
    // Alembic resolves `label@head` here without the label (and fails on several heads);
    // athanor keeps the label so `downgrade label@head` means that branch's head.
    const keepsBranch = target.kind === "head" || target.kind === "heads";
    return { branch: target.branch, revision: resolveRevision(map, keepsBranch ? target : withoutBranch(target)) };
  }
  let { branch, symbol } = target;
  const { steps } = target;
  const text = revSpecText(target);
  const stepText = stepTextOf(target);
  checkWalkStart(map, target);
  if (steps >= 0) {
    if (symbol === undefined) throw noRelative(text, "downgrade");
    const start = resolveRevision(map, symbolSpec(symbol));
    const end = walk(map, start, steps, branch, true, text);
    if (end === undefined || end === "base") throw pastEnd(stepText, `walked too far above ${start?.id ?? "base"}`);
    return { branch, revision: end };
  }
  const fromCurrent = symbol === undefined;
  if (fromCurrent) {
    symbol = currentSymbol(map, current, branch, stepText);
    if (branch === undefined) branch = symbol;
  }
  const start = resolveRevision(map, symbolSpec(symbol!, branch));
  const end = walk(map, start, steps, undefined, true, text);
  if (end === undefined) {
    throw pastEnd(stepText, fromCurrent ? `only ${depthNote(map, start)} below the current revision` : `walked too far below ${start?.id ?? "base"}`);
  }
  return { branch, revision: end === "base" ? null : end };
}

/**
 * Before walking: the branch of `label@…` must exist, and `heads-1` must have one head
 * to count from (with several, say which forms do, instead of Alembic's generic error).
 */
function checkWalkStart(map: RevisionMap, target: RelativeRevSpec): void {
  const { branch, symbol } = target;
  if (branch !== undefined) resolveBranch(map, branch);
  if (symbol !== "heads") return;
  const heads = branch === undefined ? [...map.heads] : filterForBranch(map, map.heads, branch);
  if (heads.length <= 1) return;
  const spec = revSpecText(target);
  const steps = stepTextOf(target);
  const error = multipleHeadsError(map, heads, "heads");
  throw errors.multipleHeads(`Relative revision '${shownArgument(spec)}' counts from one revision, but 'heads' names ${heads.length} (${heads.join(", ")})`, {
    hint: `Count from one head: \`${heads[0]}${steps}\`${map.branchLabels.length > 0 ? `, or from a branch's head: \`${map.branchLabels[0]}@head${steps}\`` : ""}.`,
    details: { spec, heads },
    cause: error,
  });
}

function depthNote(map: RevisionMap, start: Revision | null): string {
  let depth = 0;
  for (let at = start; at !== null && at.downRevisions.length === 1; at = map.require(at.downRevisions[0]!)) depth++;
  return `${start === null ? 0 : depth + 1} revision(s) in a line`;
}

/** The current head a `-N` starts from; several heads is refused (Alembic only warns). */
function currentSymbol(map: RevisionMap, current: readonly Revision[], branch: string | undefined, stepText: string): string {
  let candidates: string[];
  if (branch !== undefined) {
    candidates = filterForBranch(
      map,
      current.map((r) => r.id),
      branch,
    );
    if (candidates.length === 0) candidates = filterForBranch(map, effectiveCurrent(map, current), branch);
  } else {
    candidates = [...new Set(current.map((r) => r.id))];
    if (candidates.length === 0) throw pastEnd(stepText, "the database is at base");
  }
  if (candidates.length !== 1) {
    const listed = candidates.map((id) => `  ${id}  ${map.require(id).path}`).join("\n");
    if (candidates.length === 0) {
      throw errors.badRevSpec(`Relative revision ${stepText} on branch '${branch}': no current revision is on that branch`, {
        hint: "Run `athanor current` to see where the database is.",
        details: { current: candidates },
      });
    }
    throw errors.multipleHeads(`Relative revision ${stepText} is ambiguous: the database is at several heads\n${listed}`, {
      hint: `Say which head to step back from, e.g. \`athanor downgrade ${candidates[0]}${stepText}\` or \`athanor downgrade <label>@${stepText}\`.`,
      details: { current: candidates },
    });
  }
  return candidates[0]!;
}

/** The current heads plus every applied revision that is the tip of its branch (Alembic's _get_all_current). */
function effectiveCurrent(map: RevisionMap, current: readonly Revision[]): string[] {
  const applied = map.graph.ancestors(current.map((r) => r.index));
  const ids: string[] = [];
  applied.forEach((marked, index) => {
    if (!marked) return;
    const hasAppliedChild = map.graph.versionedUp[index]!.some((child) => applied[child]);
    if (!hasAppliedChild) ids.push(map.at(index).id);
  });
  return ids;
}

/**
 * What a rev spec names with nothing applied: absolute specs as resolveRevisions, walks
 * (`rev+1`, `head-1`, `label@head-2`) as a downgrade target would be ([] for base).
 *
 * ### Examples
 * ```ts
 * resolve(map, parseRevSpec("heads")).map((r) => r.id); // ["0006", "a101"]
 * resolve(map, parseRevSpec("0005-1")); // throws AMBIGUOUS_WALK: 0005 has two parents
 * ```
 */
export function resolve(map: RevisionMap, spec: RevSpec): Revision[] {
  if (spec.kind !== "relative") return resolveRevisions(map, spec);
  const text = revSpecText(spec);
  if (spec.symbol === undefined) {
    const shown = shownArgument(text);
    const steps = shown.slice(shown.search(/[+-]\d/));
    throw errors.badRevSpec(`Relative revision '${shown}' counts from the database's current revision, and nothing here reads the database`, {
      hint: `Count from a revision instead, e.g. \`head${steps}\` or \`<revision>${steps}\`; \`athanor current\` says where the database is.`,
      details: { spec: text },
    });
  }
  const { revision } = resolveDowngradeTarget(map, [], spec);
  return revision === null ? [] : [revision];
}

/** `audit@0003` downgrades to 0003 itself; the label narrows the plan, not the lookup. */
function withoutBranch(spec: Exclude<RevSpec, RelativeRevSpec>): RevSpec {
  if (spec.kind === "revision") return { kind: "revision", id: spec.id };
  return spec.kind === "branch" ? spec : { kind: spec.kind };
}
