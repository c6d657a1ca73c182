// Rev specs: parsing (`head`, `heads`, `base`, ids and prefixes, `label@head`, `-1`, `rev+2`,
// `a:b`) and resolving the absolute ones against a RevisionMap, with Alembic's rules and
// words (RevisionMap.get_revisions / get_revision). Relative walks live in relative-walk.ts,
// which builds on this module (never the reverse).

import { AthanorError } from "../errors.js";
import type { Revision } from "./revision.js";
import { replacedRevisionError, type RevisionMap } from "./revision-map.js";
import { multipleHeadsError } from "./multiple-heads.js";
import { shownArgument, shownList } from "./shown-argument.js";

/** A parsed rev spec. `branch` is the part before `@` (a label, or a revision used as one). */
export type RevSpec =
  | { readonly kind: "heads"; readonly branch?: string }
  | { readonly kind: "head"; readonly branch?: string }
  | { readonly kind: "base"; readonly branch?: string }
  | { readonly kind: "revision"; readonly id: string; readonly branch?: string }
  | { readonly kind: "relative"; readonly steps: number; readonly symbol?: string; readonly branch?: string };

// Alembic's _relative_destination. Alembic anchors it at the start only, so `0003+1x`
// walks from 0003 and drops the `x` (and an id like `ae10-2b` is read as a walk); athanor
// anchors both ends, and such a spec is looked up as an id, which names it when it fails.
const RELATIVE = /^(?:(.+?)@)?(\w+)?([+-]\d+)$/;

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
  const { branch, id: rest } = splitBranch(text);
  const withBranch = branch === undefined ? {} : { branch };
  if (rest === "heads" || rest === "head") return { kind: rest, ...withBranch };
  if (rest === "base") return { kind: "base", ...withBranch };
  return { kind: "revision", id: rest, ...withBranch };
}

/**
 * `label@rest` → { branch: "label", id: "rest" }; without `@`, no branch. The syntax
 * errors a spec can have without looking at the graph are refused here, naming the
 * argument: nothing at all, nothing before `@`, nothing after it.
 */
export function splitBranch(text: string): { branch: string | undefined; id: string } {
  if (text.trim() === "") {
    throw new AthanorError("BAD_REV_SPEC", `An empty revision argument ('${shownArgument(text)}') names no revision`, {
      hint: "Name one: `head`, `heads`, `base`, a revision id (or four or more of its first characters), or `<label>@head`.",
      details: { spec: text },
    });
  }
  const at = text.indexOf("@");
  if (at < 0) return { branch: undefined, id: text };
  const branch = text.slice(0, at);
  const id = text.slice(at + 1);
  if (branch.trim() === "") {
    throw new AthanorError("BAD_REV_SPEC", `Revision '${shownArgument(text)}' has nothing before '@': a branch label goes there`, {
      hint: `Write \`<label>@${shownArgument(id) || "head"}\` (e.g. \`audit@head\`), or leave out the '@' for the whole graph.`,
      details: { spec: text },
    });
  }
  return { branch, id };
}

/**
 * splitBranch, and the branch must exist (checked first, as Alembic does: `nosuchlabel@head`
 * is about the label) and be followed by something.
 */
export function splitKnownBranch(map: RevisionMap, text: string): { branch: string | undefined; id: string } {
  const parts = splitBranch(text);
  if (parts.branch === undefined) return parts;
  resolveBranch(map, parts.branch);
  if (parts.id === "") throw emptyAfterBranch(text, parts.branch);
  return parts;
}

/** `label@`: a branch with nothing after the `@` (checked once the branch is known to exist). */
function emptyAfterBranch(text: string, branch: string): AthanorError {
  const label = shownArgument(branch);
  return new AthanorError("BAD_REV_SPEC", `Revision '${shownArgument(text)}' names branch '${label}' but nothing after '@'`, {
    hint: `Write \`${label}@head\` for the branch's head or \`${label}@base\` for its base.`,
    details: { spec: text, branch },
  });
}

/** `a:b`, `a:` or `:b`; an empty side is undefined. */
export function parseRange(text: string): { from: string | undefined; to: string | undefined } {
  const parts = text.trim().split(":");
  if (parts.length !== 2) {
    const shown = shownArgument(text.trim());
    // One end alone (`-1`, `0003`) is the common slip: say both ranges it can start.
    const oneEnd = parts.length === 1 && shown !== "";
    throw new AthanorError("BAD_REV_SPEC", `Range '${shown}' must have the form [start]:[end], [start]:, or :[end]`, {
      hint: oneEnd
        ? `'${shown}' is one end of a range: write \`${shown}:\` for it and everything above it, or \`:${shown}\` for everything up to it.`
        : "For example `0003:head`, `base:0005` or `0004:`.",
      details: { range: text },
    });
  }
  return { from: parts[0] || undefined, to: parts[1] || undefined };
}

/** Alembic's _resolve_revision_number: the ids a spec names (before prefix lookup) and its branch. */
function resolveNumber(map: RevisionMap, text: string): { ids: string[]; branch: string | undefined } {
  const { branch, id } = splitKnownBranch(map, text);
  if (id === "heads") {
    return { ids: branch !== undefined ? filterForLineage(map, map.heads, branch) : [...map.realHeads], branch };
  }
  if (id === "head") {
    const head = currentHead(map, branch);
    return { ids: head === undefined ? [] : [head], branch };
  }
  if (id === "base") return { ids: [], branch };
  return { ids: [id], branch };
}

/** The single head (of a branch); several → MULTIPLE_HEADS. */
function currentHead(map: RevisionMap, branch?: string): string | undefined {
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
    const shown = shownArgument(ident);
    const squash = candidates.length === 0 ? map.replacedBy(ident) : undefined;
    if (squash !== undefined) throw replacedRevisionError(ident, squash);
    if (candidates.length === 0) {
      const short = ident.length < 4;
      throw new AthanorError(
        short ? "PREFIX_TOO_SHORT" : "REVISION_NOT_FOUND",
        short
          ? `No such revision or branch '${shown}'; please ensure at least four characters are present for partial revision identifier matches`
          : `Can't locate revision identified by '${shown}'`,
        { hint: "Run `athanor history` to list revision ids and `athanor branches` for labels.", details: { revision: ident } },
      );
    }
    if (candidates.length > 1) {
      const first = candidates
        .slice(0, 3)
        .map((c) => `'${c}'`)
        .join(", ");
      throw new AthanorError("AMBIGUOUS_PREFIX", `Multiple revisions start with '${shown}': ${first}...`, {
        hint: `Type more of the id; candidates: ${shownList(candidates)}.`,
        details: { prefix: ident, candidates },
      });
    }
    revision = map.get(candidates[0]!) ?? map.labelOwner(candidates[0]!)!;
  }
  if (branchRevision !== undefined && !sharesLineage(map, revision, [branchRevision])) {
    throw new AthanorError("BAD_REV_SPEC", `Revision ${revision.id} is not a member of branch '${shownArgument(branch!)}'`, {
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
    throw new AthanorError("REVISION_NOT_FOUND", `No such branch: '${shownArgument(branch)}'`, {
      hint: `Known branch labels: ${shownList(map.branchLabels) || "none"} (a revision id works as a branch name too; \`athanor branches\` lists the branch points).`,
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
