// Text for the graph commands, as Alembic prints it: one history line
// (`0003, 0004 -> 0005 (mergepoint), merge_heads`), the verbose Rev/Parent/Path block,
// a `heads` line and the `branches` listing. Pure strings; the CLI only prints them.

import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { historyRevisions } from "./history.js";
import type { RevRange } from "./rev-spec.js";

export interface LineOptions {
  /** Revisions in the version table, marked `(current)`. */
  readonly current?: readonly string[];
  readonly parents?: boolean;
  readonly labels?: boolean;
  readonly message?: boolean;
  /** `(branchpoint)` / `(mergepoint)`. */
  readonly treeIndicators?: boolean;
}

function downText(revision: Revision): string {
  return revision.downRevisions.length === 0 ? "<base>" : revision.downRevisions.join(", ");
}

/** `a100 (0002) -> a101 (audit) (head), audit_two`; the options select the parts, history uses all. */
export function formatRevisionLine(revision: Revision, options: LineOptions = {}): string {
  const { parents = true, labels = true, message = true, treeIndicators = true } = options;
  let text = revision.id;
  if (parents) {
    const deps = revision.source.dependsOn.length > 0 ? ` (${revision.source.dependsOn.join(", ")})` : "";
    text = `${downText(revision)}${deps} -> ${text}`;
  }
  if (labels && revision.labels.length > 0) text += ` (${revision.labels.join(", ")})`;
  if (revision.isRealHead) text += " (head)";
  else if (revision.isHead) text += " (effective head)";
  if (options.current?.includes(revision.id)) text += " (current)";
  if (treeIndicators) {
    if (revision.isBranchPoint) text += " (branchpoint)";
    if (revision.isMergePoint) text += " (mergepoint)";
  }
  if (message) text += `, ${revision.message}`;
  return text;
}

/** What `athanor heads` prints for one head: `a101 (audit) (head)`. */
export function formatHeadLine(revision: Revision): string {
  return formatRevisionLine(revision, { parents: false, message: false, treeIndicators: false });
}

/** The `--verbose` block (history, current, show), ending with a newline. */
export function formatRevisionBlock(revision: Revision, options: { current?: readonly string[] } = {}): string {
  const flags =
    (revision.isHead ? " (head)" : "") +
    (revision.isBranchPoint ? " (branchpoint)" : "") +
    (revision.isMergePoint ? " (mergepoint)" : "") +
    (options.current?.includes(revision.id) ? " (current)" : "");
  const lines = [`Rev: ${revision.id}${flags}`];
  lines.push(revision.isMergePoint ? `Merges: ${downText(revision)}` : `Parent: ${downText(revision)}`);
  if (revision.source.dependsOn.length > 0) lines.push(`Also depends on: ${revision.source.dependsOn.join(", ")}`);
  const replaces = revision.source.replaces ?? [];
  if (replaces.length > 0) lines.push(`Replaces: ${replaces.join(", ")}`);
  if (revision.isBranchPoint) lines.push(`Branches into: ${revision.children.join(", ")}`);
  if (revision.labels.length > 0) lines.push(`Branch names: ${revision.labels.join(", ")}`);
  lines.push(`Path: ${revision.path}`, "");
  for (const line of longDoc(revision).split("\n")) lines.push(`    ${line}`);
  return `${lines.join("\n")}\n`;
}

/** The revision's description, laid out like the docstring Alembic's template writes. */
function longDoc(revision: Revision): string {
  const parts = [revision.message, "", `Revision ID: ${revision.id}`, `Revises: ${revision.downRevisions.join(", ")}`];
  if (revision.source.createDate) parts.push(`Create Date: ${revision.source.createDate}`);
  return parts.join("\n");
}

/** `athanor history` output lines (or blocks with verbose), newest first. */
export function formatHistory(map: RevisionMap, options: { range?: RevRange; current?: readonly string[]; verbose?: boolean } = {}): string[] {
  const revisions = historyRevisions(map, {
    ...(options.range === undefined ? {} : { range: options.range }),
    ...(options.current === undefined ? {} : { current: options.current }),
  });
  return revisions.map((r) => (options.verbose ? formatRevisionBlock(r, options) : formatRevisionLine(r, options)));
}

/** `athanor branches`: each branch point with a `-> child` line per child, in history order. */
export function formatBranches(map: RevisionMap, options: { verbose?: boolean } = {}): string[] {
  return historyRevisions(map)
    .filter((r) => r.isBranchPoint)
    .map((point) => {
      const head = options.verbose ? formatRevisionBlock(point) : formatRevisionLine(point, { parents: false, message: false });
      const pad = " ".repeat(point.id.length);
      const children = point.children.map((id) => `${pad} -> ${formatRevisionLine(map.require(id), { parents: false, message: options.verbose === true })}`);
      return `${head}\n${children.join("\n")}\n`;
    });
}
