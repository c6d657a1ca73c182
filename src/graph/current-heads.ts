// Reading the `current` argument of the planners: the version table's rows, or for an
// offline `a:b` range the revisions `a` resolved to (ids; a label or a unique prefix is
// looked up too). Also the check Alembic makes that no two of a set of revisions lie on
// one line ("overlaps").

import { isAthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { revisionForIdent } from "./resolve-rev-spec.js";

export function resolveCurrent(map: RevisionMap, current: readonly string[]): Revision[] {
  const resolved: Revision[] = [];
  for (const entry of current) {
    if (entry === "base" || entry === "") continue;
    const exact = map.get(entry);
    if (exact !== undefined) {
      resolved.push(exact);
      continue;
    }
    try {
      resolved.push(revisionForIdent(map, entry));
    } catch (error) {
      if (!isAthanorError(error) || !["REVISION_NOT_FOUND", "PREFIX_TOO_SHORT"].includes(error.code)) throw error;
      throw errors.unknownDatabaseRevision(`Can't locate revision identified by '${entry}' (named as a current revision)`, {
        hint:
          "No revision file declares it. If the version table is right, restore the missing file; " +
          `if the table is wrong, overwrite it with \`athanor stamp --purge <revision>\`.`,
        details: { revision: entry },
        cause: error,
      });
    }
  }
  return [...new Set(resolved)];
}

/**
 * Refuses version-table rows that name no revision file, before anything is planned or
 * shown: every command that reads the rows says the same (Alembic's "Can't locate revision").
 */
export function assertKnownRows(map: RevisionMap, rows: readonly string[], table: string): void {
  const unknown = rows.filter((id) => map.get(id) === undefined);
  if (unknown.length === 0) return;
  const one = unknown.length === 1;
  throw errors.unknownDatabaseRevision(
    `Can't locate revision identified by ${unknown.map((id) => `'${id}'`).join(", ")}: the database's ${table} names ${one ? "it" : "them"}, but no revision file defines ${one ? "it" : "them"}`,
    {
      hint: `restore the missing revision file(s) (e.g. from git), or, if the database really is at another revision, run \`athanor stamp --purge <revision>\` to rewrite the version table`,
      details: { unknown },
    },
  );
}

/** Refuses a set in which one revision is an ancestor of another (Alembic's check=True walks). */
export function assertNoOverlap(map: RevisionMap, revisions: readonly Revision[], what: string): void {
  if (revisions.length < 2) return;
  const parents = revisions.flatMap((r) => r.normalizedDownRevisions.map((id) => map.require(id).index));
  const strictAncestors = map.graph.ancestors(parents);
  const lower = revisions.find((r) => strictAncestors[r.index]);
  if (lower === undefined) return;
  const upper = revisions.filter((r) => r !== lower && map.graph.ancestors([r.index])[lower.index]);
  throw errors.overlappingRevisions(`Requested revision ${upper.map((r) => r.id).join(", ")} overlaps with other requested revisions ${lower.id} (${what})`, {
    hint: `${lower.id} is an ancestor of ${upper.map((r) => r.id).join(", ")}; name only the newer one.`,
    details: { revision: lower.id, descendants: upper.map((r) => r.id) },
  });
}
