// How the graph names a revision file in an error: `path:line` when src/scripts knew the
// line of the field at fault, else the path alone.

import type { RevisionSource } from "./revision-source.js";

export type MetadataField = "revision" | "downRevision" | "branchLabels" | "dependsOn" | "replaces";

export function locate(source: RevisionSource, field: MetadataField = "revision"): string {
  const line = source.lines?.[field];
  return line === undefined ? source.path : `${source.path}:${line}`;
}

/** The order independent branches are walked in: file name, the date prefix making it creation order. */
export function sortKeyOf(source: RevisionSource): string {
  return source.sortKey ?? source.path;
}
