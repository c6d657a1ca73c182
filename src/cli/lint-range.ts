// Which revisions `athanor lint [spec]` reads, in the order they would run: no spec is
// every head (the revisions just written), a rev spec the revisions it names, and
// `a:b` what `athanor sql a:b` would run (after a, up to b; `base:head` is all).
import { AthanorError } from "../graph/errors.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import { parseRange, resolveRevisions } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { shownArgument } from "../graph/shown-argument.js";

export function revisionsToLint(map: RevisionMap, spec: string | undefined): RevisionSource[] {
  if (spec === undefined) return resolveRevisions(map, "heads").map((r) => r.source);
  if (!spec.includes(":")) {
    const named = resolveRevisions(map, spec);
    if (named.length === 0) {
      throw new AthanorError("BAD_REV_SPEC", `'${shownArgument(spec)}' names no revision to lint`, { hint: "name a revision, `heads`, or a range such as base:head", details: { spec } });
    }
    return named.map((r) => r.source);
  }
  const { from, to } = parseRange(spec);
  const start = from === undefined || from === "base" ? [] : resolveRevisions(map, from).map((r) => r.id);
  return planUpgrade(map, start, to ?? "heads").steps.map((step) => map.get(step.revision)!.source);
}
