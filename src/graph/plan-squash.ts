// Which revisions `athanor squash a:b` replaces: every revision after `a` up to and
// including `b`, which must form one straight line, so one revision on `a` can stand for
// them. Anything that would make "the range as one revision" mean something else is
// refused naming the revision at fault: a merge or branch point inside, a revision outside
// that builds on or depends on the middle of the range, a dependency of the range itself.

import { errors } from "../error-factories.js";
import type { AthanorError } from "../errors.js";
import { parseRevSpec } from "./rev-spec.js";
import { resolveRevision } from "./resolve-rev-spec.js";
import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { shownArgument } from "./shown-argument.js";

export interface SquashRange {
  /** `a`; null when the range starts at base. */
  readonly base: Revision | null;
  /** The revisions replaced, oldest first: `b` last. */
  readonly revisions: readonly Revision[];
}

/**
 * The range a squash replaces, checked.
 *
 * ### Examples
 * ```ts
 * planSquash(map, "0001:0005").revisions.map((r) => r.id); // ["0002", "0003", "0004", "0005"]
 * ```
 * Throws BAD_REV_SPEC, REVISION_NOT_FOUND (and the other rev-spec errors), RANGE_NOT_ANCESTOR or NOT_SQUASHABLE.
 */
export function planSquash(map: RevisionMap, range: string): SquashRange {
  const parts = range.split(":");
  if (parts.length !== 2 || parts[1]!.trim() === "") {
    throw errors.badRevSpec(`squash takes a range a:b, got '${shownArgument(range)}'`, {
      hint: "Name the revision before the range and the last one to replace, e.g. `athanor squash 0001:0005 -m squash_0002_0005` (or base:0005).",
    });
  }
  const base = parts[0]!.trim() === "" ? null : resolveRevision(map, parseRevSpec(parts[0]!.trim()));
  const head = resolveRevision(map, parseRevSpec(parts[1]!.trim()));
  if (head === null) throw notSquashable(`the range ${range} ends at base: there is nothing to replace`, "End the range at the last revision to replace.");
  const revisions = chainDown(map, base, head, range);
  checkLine(map, revisions, range);
  return { base, revisions };
}

/** From `head` down its single parents to just above `base`, oldest first. */
function chainDown(map: RevisionMap, base: Revision | null, head: Revision, range: string): Revision[] {
  const chain: Revision[] = [];
  let at = head;
  for (;;) {
    if (base !== null && at.id === base.id) {
      throw notSquashable(`the range ${range} is empty: ${base.id} is the revision it starts after`, "Name the revision before the first one to replace.");
    }
    chain.push(at);
    if (at.isMergePoint) {
      throw notSquashable(
        `revision ${at.id} in the range ${range} is a merge point (of ${at.downRevisions.join(", ")}); a squash replaces one straight line of revisions`,
        `Squash the range after the merge (${at.id}:${head.id}), or each branch before it separately.`,
        { revision: at.id },
      );
    }
    const parent = at.downRevisions[0];
    if (base === null ? parent === undefined : parent === base.id) break;
    if (parent === undefined) {
      throw errors.rangeNotAncestor(`Revision ${head.id} is not a descendant of ${base!.id}, so ${range} is not a range to squash`, {
        hint: "Run `athanor history` and start the range at an ancestor of its end.",
        details: { base: base!.id, head: head.id },
      });
    }
    at = map.require(parent);
  }
  return chain.reverse();
}

/** Nothing enters or leaves the line except at its ends; the range depends on nothing outside. */
function checkLine(map: RevisionMap, revisions: readonly Revision[], range: string): void {
  if (revisions.length < 2) {
    throw notSquashable(`the range ${range} holds one revision (${revisions[0]!.id}): nothing to squash`, "Widen the range to two revisions or more.");
  }
  const inRange = new Set(revisions.map((r) => r.id));
  revisions.forEach((revision, i) => {
    if (revision.dependsOn.length > 0) {
      throw notSquashable(
        `revision ${revision.id} in the range ${range} depends on ${revision.dependsOn.join(", ")} (${revision.path}); a squash would lose that dependency`,
        "Squash a range whose revisions have no dependsOn, or end the range before this one.",
        { revision: revision.id },
      );
    }
    const last = i === revisions.length - 1;
    if (last) return;
    const outside = [...revision.children.filter((id) => !inRange.has(id)), ...revision.dependents.filter((id) => !inRange.has(id))];
    if (outside.length > 0) {
      const other = map.require(outside[0]!);
      const how = revision.children.includes(other.id) ? "builds on it (downRevision)" : "depends on it (dependsOn)";
      throw notSquashable(
        `revision ${revision.id} in the middle of the range ${range} is a branch point: ${other.id} (${other.path}) ${how}, outside the range`,
        `A squash replaces one straight line; end the range at ${revision.id}, or merge or move ${other.id} first.`,
        { revision: revision.id, outside },
      );
    }
  });
}

function notSquashable(message: string, hint: string, details: Record<string, unknown> = {}): AthanorError {
  return errors.notSquashable(`Cannot squash: ${message}`, { hint, details });
}
