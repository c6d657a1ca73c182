// Resolving parsed absolute rev specs against a RevisionMap, with Alembic's rules and
// words (RevisionMap.get_revisions / get_revision). Relative walks live in
// relative-walk.ts, which builds on this module (never the reverse).

import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { Revision } from "./revision.js";
import { replacedRevisionError, type RevisionMap } from "./revision-map.js";
import { multipleHeadsError } from "./multiple-heads.js";
import { type RevSpec, revSpecText, stepTextOf, symbolSpec } from "./rev-spec.js";
import { shownArgument, shownList } from "./shown-argument.js";

/** The branch of a spec must exist (checked first, as Alembic does: `nosuchlabel@head` is about the label), and `label@` names nothing. */
export function checkBranch(map: RevisionMap, spec: RevSpec): void {
  if (spec.branch === undefined) return;
  resolveBranch(map, spec.branch);
  if (spec.kind === "branch") throw emptyAfterBranch(spec.branch);
}

/** `label@`: a branch with nothing after the `@` (checked once the branch is known to exist). */
function emptyAfterBranch(branch: string): AthanorError {
  const label = shownArgument(branch);
  return errors.badRevSpec(`Revision '${shownArgument(`${branch}@`)}' names branch '${label}' but nothing after '@'`, {
    hint: `Write \`${label}@head\` for the branch's head or \`${label}@base\` for its base.`,
    details: { spec: `${branch}@`, branch },
  });
}

/**
 * Alembic's _resolve_revision_number: the ids a spec names (before prefix lookup). A walk
 * is not understood here: its text after the branch is looked up as an id, as
 * get_revisions looks up `0003+1`.
 */
function resolveNumber(map: RevisionMap, spec: RevSpec): string[] {
  checkBranch(map, spec);
  const { branch } = spec;
  switch (spec.kind) {
    case "heads":
      return branch !== undefined ? filterForBranch(map, map.heads, branch) : [...map.realHeads];
    case "head": {
      const head = currentHead(map, branch);
      return head === undefined ? [] : [head];
    }
    case "base":
      return [];
    case "revision":
      return [spec.id];
    case "relative":
      return [(spec.symbol ?? "") + stepTextOf(spec)];
    case "branch":
      return [];
  }
}

/** The single head (of a branch); several → MULTIPLE_HEADS. */
function currentHead(map: RevisionMap, branch?: string): string | undefined {
  const heads = branch !== undefined ? filterForBranch(map, map.heads, branch) : [...map.heads];
  if (heads.length > 1) throw multipleHeadsError(map, heads, branch !== undefined ? `${branch}@head` : "head");
  return heads[0];
}

/** Every revision a spec names (`heads` → all of them, `base` → []); Alembic's get_revisions. */
export function resolveRevisions(map: RevisionMap, spec: RevSpec): Revision[] {
  return resolveNumber(map, spec).map((id) => revisionForIdent(map, id, spec.branch));
}

/** The one revision a spec names, or null for `base`; several → MULTIPLE_HEADS. Alembic's get_revision. */
export function resolveRevision(map: RevisionMap, spec: RevSpec): Revision | null {
  const ids = resolveNumber(map, spec);
  if (ids.length > 1) throw multipleHeadsError(map, ids, revSpecText(spec));
  return ids.length === 0 ? null : revisionForIdent(map, ids[0]!, spec.branch);
}

/** An id, a label or a unique prefix of at least four characters, checked against a branch. */
export function revisionForIdent(map: RevisionMap, ident: string, branch?: string): Revision {
  const branchRevision = branch !== undefined ? resolveBranch(map, branch) : undefined;
  let revision = map.get(ident) ?? map.labelOwner(ident);
  if (revision === undefined) {
    let candidates = map.prefixCandidates(ident);
    if (branch !== undefined) candidates = filterForBranch(map, candidates, branch);
    const shown = shownArgument(ident);
    const squash = candidates.length === 0 ? map.replacedBy(ident) : undefined;
    if (squash !== undefined) throw replacedRevisionError(ident, squash);
    if (candidates.length === 0) {
      const options = { hint: "Run `athanor history` to list revision ids and `athanor branches` for labels.", details: { revision: ident } };
      if (ident.length < 4) {
        throw errors.prefixTooShort(
          `No such revision or branch '${shown}'; please ensure at least four characters are present for partial revision identifier matches`,
          options,
        );
      }
      throw errors.revisionNotFound(`Can't locate revision identified by '${shown}'`, options);
    }
    if (candidates.length > 1) {
      const first = candidates
        .slice(0, 3)
        .map((c) => `'${c}'`)
        .join(", ");
      throw errors.ambiguousPrefix(`Multiple revisions start with '${shown}': ${first}...`, {
        hint: `Type more of the id; candidates: ${shownList(candidates)}.`,
        details: { prefix: ident, candidates },
      });
    }
    revision = map.get(candidates[0]!) ?? map.labelOwner(candidates[0]!)!;
  }
  if (branchRevision !== undefined && !sharesLineage(map, revision, [branchRevision])) {
    throw errors.badRevSpec(`Revision ${revision.id} is not a member of branch '${shownArgument(branch!)}'`, {
      hint: `Run \`athanor history\` to see which revisions carry the label '${shownArgument(branch!)}'.`,
      details: { revision: revision.id, branch },
    });
  }
  return revision;
}

/** A branch label's revision, or a revision used as a branch name. */
export function resolveBranch(map: RevisionMap, branch: string): Revision {
  const owner = map.labelOwner(branch) ?? map.get(branch);
  if (owner !== undefined) return owner;
  try {
    return revisionForIdent(map, branch);
  } catch (error) {
    throw errors.revisionNotFound(`No such branch: '${shownArgument(branch)}'`, {
      hint: `Known branch labels: ${shownList(map.branchLabels) || "none"} (a revision id works as a branch name too; \`athanor branches\` lists the branch points).`,
      details: { branch },
      cause: error,
    });
  }
}

/** Targets that are an ancestor or descendant of what `checkAgainst` names (Alembic's filter_for_lineage). */
export function filterForLineage(map: RevisionMap, targets: readonly string[], checkAgainst: RevSpec, includeDependencies = false): string[] {
  const ids = resolveNumber(map, checkAgainst);
  const shares = [...(checkAgainst.branch !== undefined ? [checkAgainst.branch] : []), ...ids];
  if (shares.length === 0) return [...targets];
  const against = shares.map((s) => revisionForIdent(map, s));
  const related = lineageMarks(map, against, includeDependencies);
  return targets.filter((t) => related[revisionForIdent(map, t).index]);
}

/**
 * filterForLineage against a branch name (a label, or a revision used as one), read the
 * way Alembic reads the name it is given: as a word of its own (`heads` keeps its meaning).
 */
export function filterForBranch(map: RevisionMap, targets: readonly string[], branch: string): string[] {
  return filterForLineage(map, targets, symbolSpec(branch));
}

function sharesLineage(map: RevisionMap, target: Revision, against: readonly Revision[], includeDependencies = false): boolean {
  if (against.length === 0) return true;
  return lineageMarks(map, against, includeDependencies)[target.index] === 1;
}

function lineageMarks(map: RevisionMap, against: readonly Revision[], includeDependencies: boolean): Uint8Array {
  const kind = includeDependencies ? "normalized" : "versioned";
  const starts = against.map((r) => r.index);
  const marks = map.graph.ancestors(starts, kind);
  const below = map.graph.descendants(starts, kind);
  for (let i = 0; i < marks.length; i++) marks[i] = marks[i]! | below[i]!;
  return marks;
}
