// The one place the oracle test touches athanor's graph API, so a change of names or
// shapes there is a change here only. Every function answers in plain ids, as the
// fixtures do.
import { RevisionMap } from "../../src/graph/revision-map.js";
import type { RevisionSource } from "../../src/graph/revision-source.js";
import type { Plan, VersionChange } from "../../src/graph/step.js";
import { parseRevRange, parseRevSpec, parseStampArgument } from "../../src/graph/rev-spec.js";
import { resolveRevisions } from "../../src/graph/resolve-rev-spec.js";
import { resolveDowngradeTarget } from "../../src/graph/relative-walk.js";
import { planDowngrade, planOfflineStamp, planStamp, planUpgrade, type OfflineStampPlan } from "../../src/graph/plan.js";
import { historyRevisions } from "../../src/graph/history.js";

/** A revision object, an id, or null/"base": whatever a query returns, as ids. */
function idsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item: unknown) => {
    if (item === null || item === undefined || item === "base") return [];
    if (typeof item === "string") return [item];
    if (typeof item === "object" && "id" in item && typeof item.id === "string") return [item.id];
    throw new Error(`unexpected item in a graph answer: ${JSON.stringify(item)}`);
  });
}

export const athanor = {
  build: (sources: RevisionSource[]): RevisionMap => RevisionMap.fromSources(sources),
  heads: (map: RevisionMap): string[] => idsOf(map.heads),
  bases: (map: RevisionMap): string[] => idsOf(map.bases),
  /** `show <spec>`; a walk (`rev+1`, `head-1`) the way a downgrade target resolves, as the recorder does. */
  resolve: (map: RevisionMap, text: string): string[] => {
    const spec = parseRevSpec(text);
    return spec.kind === "relative" ? idsOf(resolveDowngradeTarget(map, [], spec).revision) : idsOf(resolveRevisions(map, spec));
  },
  /** `history -r <range>`, newest first; ":" is the whole graph. */
  history: (map: RevisionMap, range: string): string[] => idsOf(historyRevisions(map, parseRevRange(range))),
  planUpgrade: (map: RevisionMap, current: readonly string[], target: string): Plan => planUpgrade(map, current, parseRevSpec(target)),
  planDowngrade: (map: RevisionMap, current: readonly string[], target: string): Plan => planDowngrade(map, current, parseRevSpec(target)),
  /** `stamp <args...> --sql`: the start row, the steps, CREATE/DROP of the version table. */
  planOfflineStamp: (map: RevisionMap, args: readonly string[]): OfflineStampPlan => planOfflineStamp(map, args.map(parseStampArgument)),
  planStamp: (map: RevisionMap, current: readonly string[], targets: readonly string[], purge: boolean): VersionChange[] => {
    const answer: unknown = planStamp(map, current, targets.map(parseRevSpec), purge);
    return Array.isArray(answer) ? (answer as VersionChange[]) : (answer as Plan).steps.flatMap((s) => s.versionChanges);
  },
};
