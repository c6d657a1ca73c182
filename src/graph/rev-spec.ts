// Rev specs: parsing (`head`, `heads`, `base`, ids and prefixes, `label@head`, `-1`, `rev+2`,
// `a:b`) and resolving the absolute ones against a RevisionMap, with Alembic's rules and
// words (RevisionMap.get_revisions / get_revision). Relative walks live in relative-walk.ts.

import { AthanorError } from "./errors.js";
import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import { multipleHeadsError } from "./multiple-heads.js";
// relative-walk.js imports this module too; both only call each other at run time.
import { resolveDowngradeTarget } from "./relative-walk.js";

/** A parsed rev spec. `branch` is the part before `@` (a label, or a revision used as one). */
export type RevSpec =
  | { readonly kind: "heads"; readonly branch?: string }
  | { readonly kind: "head"; readonly branch?: string }
  | { readonly kind: "base"; readonly branch?: string }
  | { readonly kind: "revision"; readonly id: string; readonly branch?: string }
  | { readonly kind: "relative"; readonly steps: number; readonly symbol?: string; readonly branch?: string };

// Alembic's _relative_destination, anchored at the start only, as there.
const RELATIVE = /^(?:(.+?)@)?(\w+)?([+-]\d+)/;

export interface RelativeSpec {
  readonly branch: string | undefined;
  readonly symbol: string | undefined;
  readonly steps: number;
}

export function matchRelative(text: string): RelativeSpec | undefined {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  return { branch: m[1], symbol: m[2], steps: Number.parseInt(m[3]!, 10) };
}

export function parseRevSpec(text: string): RevSpec {
  const relative = matchRelative(text);
  if (relative) {
    return {
      kind: "relative",
      steps: relative.steps,
      ...(relative.symbol === undefined ? {} : { symbol: relative.symbol }),
      ...(relative.branch === undefined ? {} : { branch: relative.branch }),
    };
  }
  const at = text.indexOf("@");
  const branch = at >= 0 ? text.slice(0, at) : undefined;
  const rest = at >= 0 ? text.slice(at + 1) : text;
  const withBranch = branch === undefined ? {} : { branch };
  if (rest === "heads" || rest === "head") return { kind: rest, ...withBranch };
  if (rest === "base" || rest === "") return { kind: "base", ...withBranch };
  return { kind: "revision", id: rest, ...withBranch };
}

/** `a:b`, `a:` or `:b`; an empty side is undefined. */
export function parseRange(text: string): { from: string | undefined; to: string | undefined } {
  const parts = text.trim().split(":");
  if (parts.length !== 2) {
    throw new AthanorError("BAD_REV_SPEC", `Range '${text}' must have the form [start]:[end], [start]:, or :[end]`, {
      hint: "For example `0003:head`, `base:0005` or `0004:`.",
      details: { range: text },
    });
  }
  return { from: parts[0] || undefined, to: parts[1] || undefined };
}

/** Alembic's _resolve_revision_number: the ids a spec names (before prefix lookup) and its branch. */
export function resolveNumber(map: RevisionMap, text: string): { ids: string[]; branch: string | undefined } {
  const at = text.indexOf("@");
  const branch = at >= 0 ? text.slice(0, at) : undefined;
  const id = at >= 0 ? text.slice(at + 1) : text;
  if (id === "heads") {
    return { ids: branch !== undefined ? filterForLineage(map, map.heads, branch) : [...map.realHeads], branch };
  }
  if (id === "head") {
    const head = currentHead(map, branch);
    return { ids: head === undefined ? [] : [head], branch };
  }
  if (id === "base" || id === "") return { ids: [], branch };
  return { ids: [id], branch };
}

/** The single head (of a branch); several → MULTIPLE_HEADS. */
export function currentHead(map: RevisionMap, branch?: string): string | undefined {
  const heads = branch !== undefined ? filterForLineage(map, map.heads, branch) : [...map.heads];
  if (heads.length > 1) throw multipleHeadsError(map, heads, branch !== undefined ? `${branch}@head` : "head");
  return heads[0];
}

/** Every revision a spec names (`heads` → all of them, `base` → []); Alembic's get_revisions. */
export function resolveRevisions(map: RevisionMap, text: string): Revision[] {
  const { ids, branch } = resolveNumber(map, text);
  return ids.map((id) => revisionForIdent(map, id, branch));
}

/** The one revision a spec names, or null for `base`; several → MULTIPLE_HEADS. Alembic's get_revision. */
export function resolveRevision(map: RevisionMap, text: string): Revision | null {
  const { ids, branch } = resolveNumber(map, text);
  if (ids.length > 1) throw multipleHeadsError(map, ids, text);
  return ids.length === 0 ? null : revisionForIdent(map, ids[0]!, branch);
}

/** An id, a label or a unique prefix of at least four characters, checked against a branch. */
export function revisionForIdent(map: RevisionMap, ident: string, branch?: string): Revision {
  const branchRevision = branch !== undefined ? resolveBranch(map, branch) : undefined;
  let revision = map.get(ident) ?? map.labelOwner(ident);
  if (revision === undefined) {
    let candidates = map.prefixCandidates(ident);
    if (branch !== undefined) candidates = filterForLineage(map, candidates, branch);
    if (candidates.length === 0) {
      const short = ident.length < 4;
      throw new AthanorError(
        short ? "PREFIX_TOO_SHORT" : "REVISION_NOT_FOUND",
        short
          ? `No such revision or branch '${ident}'; please ensure at least four characters are present for partial revision identifier matches`
          : `Can't locate revision identified by '${ident}'`,
        { hint: "Run `athanor history` to list revision ids and `athanor branches` for labels.", details: { revision: ident } },
      );
    }
    if (candidates.length > 1) {
      const shown = candidates.slice(0, 3).map((c) => `'${c}'`).join(", ");
      throw new AthanorError("AMBIGUOUS_PREFIX", `Multiple revisions start with '${ident}': ${shown}...`, {
        hint: `Type more of the id; candidates: ${candidates.join(", ")}.`,
        details: { prefix: ident, candidates },
      });
    }
    revision = map.get(candidates[0]!) ?? map.labelOwner(candidates[0]!)!;
  }
  if (branchRevision !== undefined && !sharesLineage(map, revision, [branchRevision])) {
    throw new AthanorError("BAD_REV_SPEC", `Revision ${revision.id} is not a member of branch '${branch}'`, {
      hint: `Run \`athanor history\` to see which revisions carry the label '${branch}'.`,
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
    throw new AthanorError("REVISION_NOT_FOUND", `No such branch: '${branch}'`, {
      hint: `Known branch labels: ${map.branchLabels.join(", ") || "none"}.`,
      details: { branch },
      cause: error,
    });
  }
}

/** Targets that are an ancestor or descendant of what `checkAgainst` names (Alembic's filter_for_lineage). */
export function filterForLineage(map: RevisionMap, targets: readonly string[], checkAgainst: string, includeDependencies = false): string[] {
  const { ids, branch } = resolveNumber(map, checkAgainst);
  const shares = [...(branch !== undefined ? [branch] : []), ...ids];
  if (shares.length === 0) return [...targets];
  const against = shares.map((s) => revisionForIdent(map, s));
  const related = lineageMarks(map, against, includeDependencies);
  return targets.filter((t) => related[revisionForIdent(map, t).index]);
}

export function sharesLineage(map: RevisionMap, target: Revision, against: readonly Revision[], includeDependencies = false): boolean {
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

/**
 * What a rev spec names with nothing applied: absolute specs as resolveRevisions, walks
 * (`rev+1`, `head-1`, `label@head-2`) as a downgrade target would be ([] for base).
 *
 * ### Examples
 * ```ts
 * resolve(map, "heads").map((r) => r.id); // ["0006", "a101"]
 * resolve(map, "0005-1"); // throws AMBIGUOUS_WALK: 0005 has two parents
 * ```
 */
export function resolve(map: RevisionMap, text: string): Revision[] {
  if (matchRelative(text) === undefined) return resolveRevisions(map, text);
  const { revision } = resolveDowngradeTarget(map, [], text);
  return revision === null ? [] : [revision];
}
