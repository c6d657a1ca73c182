// How a revision reads in `current`, `heads`, `stamp` and --json output: Alembic's
// short form (`0002 (head)`, `a101 (audit) (head)`) and the record machines read.
import type { RevisionMap } from "../graph/revision-map.js";
import type { Revision } from "../graph/revision.js";

export interface LineOptions {
  /** Show branch labels after the id (`heads` does, `current` does not — as in Alembic). */
  branches?: boolean;
  /** Show (branchpoint)/(mergepoint) (`current` does, `heads` does not). */
  tree?: boolean;
  current?: boolean;
}

/** Alembic's head-only form: id, labels, (head)/(effective head), (current), tree markers. */
export function revisionLine(map: RevisionMap, id: string, options: LineOptions = {}): string {
  const revision = map.require(id);
  const { branches = false, tree = true, current = false } = options;
  let text = revision.id;
  if (branches && revision.labels.length > 0) text += ` (${revision.labels.join(", ")})`;
  text += headMarkers(revision);
  if (current) text += " (current)";
  if (tree) text += treeMarkers(revision);
  return text;
}

export function headMarkers(revision: Revision): string {
  if (revision.isRealHead) return " (head)";
  if (revision.isHead) return " (effective head)";
  return "";
}

export function treeMarkers(revision: Revision): string {
  return `${revision.isBranchPoint ? " (branchpoint)" : ""}${revision.isMergePoint ? " (mergepoint)" : ""}`;
}

/** `0006 (head), a101 (head)`, or `base (empty)` for a database with no rows. */
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

/** `0003, 0004 -> 0005 (mergepoint), merge_heads`; `a100 (0002) -> a101 (audit) (head), audit_two`. */
export function historyLine(map: RevisionMap, id: string, current = false): string {
  const revision = map.require(id);
  const parents = revision.downRevisions.length === 0 ? "<base>" : revision.downRevisions.join(", ");
  const dependencies = revision.dependsOn.filter((d) => !revision.downRevisions.includes(d));
  const from = dependencies.length > 0 ? `${parents} (${dependencies.join(", ")})` : parents;
  return `${from} -> ${revisionLine(map, id, { branches: true, current })}, ${revision.message}`;
}

/** Alembic's verbose block: Rev / Parent or Merges / Also depends on / Branches into / Path, then the message. */
export function verboseBlock(map: RevisionMap, id: string, current = false): string[] {
  const revision = map.require(id);
  const markers = `${revision.isHead ? " (head)" : ""}${treeMarkers(revision)}${current ? " (current)" : ""}`;
  const lines = [`Rev: ${revision.id}${markers}`];
  const parents = revision.downRevisions.length === 0 ? "<base>" : revision.downRevisions.join(", ");
  lines.push(revision.isMergePoint ? `Merges: ${parents}` : `Parent: ${parents}`);
  const dependencies = revision.dependsOn.filter((d) => !revision.downRevisions.includes(d));
  if (dependencies.length > 0) lines.push(`Also depends on: ${dependencies.join(", ")}`);
  if (revision.isBranchPoint) lines.push(`Branches into: ${revision.children.join(", ")}`);
  if (revision.labels.length > 0) lines.push(`Branch names: ${revision.labels.join(", ")}`);
  lines.push(`Path: ${revision.path}`, "");
  const revises = revision.downRevisions.length === 0 ? "" : revision.downRevisions.join(", ");
  const doc = [revision.message, "", `Revision ID: ${revision.id}`, `Revises: ${revises}`];
  if (revision.source.createDate) doc.push(`Create Date: ${revision.source.createDate}`);
  lines.push(...doc.map((line) => `    ${line}`.trimEnd()), "");
  return lines;
}

/** `branches`: each branch point, then ` -> child` lines (Alembic pads them under the id). */
export function branchLines(map: RevisionMap, id: string): string[] {
  const revision = map.require(id);
  const pad = " ".repeat(revision.id.length);
  return [
    revisionLine(map, id, { branches: true }),
    ...revision.children.map((child) => `${pad} -> ${revisionLine(map, child, { branches: true, tree: true })}`),
  ];
}
