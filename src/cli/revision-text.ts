// How a revision reads in the CLI's output, by way of the graph's Alembic formatters:
// `current`/`stamp` lines (`0002 (branchpoint)`), `heads` lines (`a101 (audit) (head)`),
// history lines and verbose blocks, and the record --json prints.
import { formatHeadLine, formatRevisionBlock, formatRevisionLine } from "../graph/history-format.js";
import type { RevisionMap } from "../graph/revision-map.js";
import type { Revision } from "../graph/revision.js";

/** `current` and `stamp`: id, (head), (branchpoint)/(mergepoint) — no labels, as in Alembic. */
export function revisionLine(map: RevisionMap, id: string): string {
  return formatRevisionLine(map.require(id), { parents: false, labels: false, message: false });
}

export function headLine(map: RevisionMap, id: string): string {
  return formatHeadLine(map.require(id));
}

/** `0003, 0004 -> 0005 (mergepoint), merge_heads`. */
export function historyLine(map: RevisionMap, id: string, current: readonly string[] = []): string {
  return formatRevisionLine(map.require(id), { current });
}

/** One history line per revision, in the given order. */
export function historyLines(revisions: readonly Revision[], current: readonly string[] = []): string[] {
  const options = { current };
  return revisions.map((revision) => formatRevisionLine(revision, options));
}

/** Alembic's verbose block as lines (the last one empty). */
export function verboseBlock(map: RevisionMap, id: string, current: readonly string[] = []): string[] {
  return formatRevisionBlock(map.require(id), { current }).replace(/\n$/, "").split("\n").concat("");
}

/** `0006 (head), a101 (head)`, or a plain statement for a database with no rows. */
export function describeHeads(map: RevisionMap, ids: readonly string[]): string {
  if (ids.length === 0) return "base (no revision applied)";
  return ids.map((id) => (map.get(id) ? revisionLine(map, id) : id)).join(", ");
}

/** The fields --json output gives for a revision. */
export function revisionJson(map: RevisionMap, id: string): Record<string, unknown> {
  const revision = map.get(id);
  if (revision === undefined) return { revision: id, known: false };
  return {
    revision: revision.id,
    downRevisions: revision.downRevisions,
    dependsOn: revision.dependsOn,
    ...(revision.source.replaces === undefined ? {} : { replaces: revision.source.replaces }),
    branchLabels: revision.labels,
    message: revision.message,
    createDate: revision.source.createDate,
    path: revision.path,
    isHead: revision.isHead,
    isBase: revision.isBase,
    isBranchPoint: revision.isBranchPoint,
    isMergePoint: revision.isMergePoint,
  };
}
