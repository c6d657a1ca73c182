// `athanor rebase`: after a pull brings a second head, the local revisions (those no
// shared database has applied and the upstream branch does not hold) are re-parented
// onto the upstream head, so history stays linear without a merge revision. Pure: which
// revisions are local is the caller's finding; this decides the new parents and refuses
// a result that is not one line of history.
import { errors } from "../error-factories.js";
import { RevisionMap } from "./revision-map.js";
import type { RevisionSource } from "./revision-source.js";

export interface RebaseMove {
  readonly revision: string;
  readonly path: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export interface RebasePlan {
  readonly onto: string;
  /** Local revisions in file order (the ones kept above `onto`). */
  readonly local: readonly string[];
  /** The revisions whose downRevision changes; empty when nothing needs to move. */
  readonly moves: readonly RebaseMove[];
  /** The head after the rebase. */
  readonly head: string;
}

/** Every revision `id` builds on, itself included (downRevisions only, as the version table sees them). */
export function ancestorsOf(map: RevisionMap, id: string): Set<string> {
  const seen = new Set<string>();
  const todo = [id];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const parent of map.require(next).downRevisions) todo.push(parent);
  }
  return seen;
}

/**
 * The head to rebase onto when none is named: the one head that is not local. Several
 * (or none) are refused, asking for `--onto`.
 */
export function defaultOnto(map: RevisionMap, local: ReadonlySet<string>): string {
  // The newest shared revisions: not local, nothing shared built on them. After a pull
  // that is the upstream head; after a rebase, the revision the local line builds on.
  const shared = map.revisions.filter((r) => !local.has(r.id) && r.children.every((c) => local.has(c))).map((r) => r.id);
  if (shared.length === 1) return shared[0]!;
  throw errors.multipleHeads(
    shared.length === 0
      ? "There is no upstream head to rebase onto: every head is a local revision"
      : `Several upstream heads (${shared.join(", ")}): say which one the local revisions go on`,
    {
      hint:
        shared.length === 0
          ? "Pull the shared branch first, or there is nothing to rebase."
          : `Run \`athanor rebase --onto <revision>\`, e.g. --onto ${shared[0]}.`,
      details: { heads: [...map.heads], local: [...local] },
    },
  );
}

export function planRebase(map: RevisionMap, onto: string, local: ReadonlySet<string>): RebasePlan {
  if (local.has(onto)) {
    throw errors.usage(`--onto ${onto} is itself a local revision: it cannot be the base the local revisions move onto`, {
      hint: "Name the upstream head (`athanor heads` lists them).",
      details: { onto },
    });
  }
  const shared = ancestorsOf(map, onto);
  const localInOrder = map.revisions.filter((r) => local.has(r.id) && !shared.has(r.id)).map((r) => r.id);
  const moves: RebaseMove[] = [];
  for (const id of localInOrder) {
    const revision = map.require(id);
    if (revision.downRevisions.length === 0) continue; // a new base stays one
    // A parent in the shared history (the point the local line forked from) becomes
    // `onto`; local parents and parents on other branches stay.
    const to = [...new Set(revision.downRevisions.map((p) => (shared.has(p) ? onto : p)))];
    const unchanged = to.length === revision.downRevisions.length && to.every((p, i) => p === revision.downRevisions[i]);
    if (!unchanged) moves.push({ revision: id, path: revision.path, from: revision.downRevisions, to });
  }
  const head = resultingHead(map, onto, localInOrder, moves);
  return { onto, local: localInOrder, moves, head };
}

/** The graph after the moves must have one head above `onto`: the local line's (linear in the graph per head). */
function resultingHead(map: RevisionMap, onto: string, local: readonly string[], moves: readonly RebaseMove[]): string {
  if (local.length === 0) return onto;
  const moved = new Map(moves.map((m) => [m.revision, m.to]));
  const sources: RevisionSource[] = map.revisions.map((r) => (moved.has(r.id) ? { ...r.source, downRevisions: moved.get(r.id)! } : r.source));
  const after = RevisionMap.fromSources(sources);
  // Only the lines above `onto` count: a new local base is a branch of its own.
  const heads = after.heads.filter((h) => ancestorsOf(after, h).has(onto));
  if (heads.length !== 1) {
    throw errors.usage(`Rebasing onto ${onto} would leave ${heads.length} heads (${heads.join(", ")}), not one line of history`, {
      hint: "The local revisions form several lines: join them with `athanor merge` first, or rebase each onto the other by hand.",
      details: { onto, heads },
    });
  }
  return heads[0]!;
}
