// Which revisions a new revision builds on, with Alembic's rules for `revision --head`,
// `--splice` and `merge`: the parents must be heads unless splicing, a merge needs two
// distinct heads, and `dependsOn` specs are stored as ids (a label stays a label).
import { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import { resolveRevisions, revisionForIdent } from "../graph/resolve-rev-spec.js";
import { type RevSpec, revSpecText } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";

/** Parents of a new revision from `--head` (`head` by default; `base` starts a new branch). */
export function parentsForNewRevision(map: RevisionMap, head: RevSpec, splice = false): string[] {
  let parents: string[];
  try {
    parents = resolveRevisions(map, head).map((r) => r.id);
  } catch (error) {
    if (error instanceof AthanorError && error.code === "MULTIPLE_HEADS") {
      throw errors.multipleHeads(
        `Multiple heads are present (${map.heads.join(", ")}); please specify the head revision on which the new revision should be based, or perform a merge.`,
        {
          hint: `Join them first with \`athanor merge -m "merge_heads" heads\`, or pick one with --head <rev> (or --head <label>@head).`,
          details: { heads: [...map.heads] },
          cause: error,
        },
      );
    }
    throw error;
  }
  if (new Set(parents).size !== parents.length) {
    throw errors.usage(`Duplicate head revisions specified: ${parents.join(", ")}`);
  }
  if (!splice) {
    for (const id of parents) {
      if (!map.require(id).isHead) {
        throw errors.usage(`Revision ${id} is not a head revision; please specify --splice to create a new branch from this revision`, {
          hint: `Run \`athanor heads\` to see the heads, or add --splice to branch from ${id} on purpose.`,
          details: { revision: id },
        });
      }
    }
  }
  return parents;
}

/** The parents of a merge revision: two or more distinct revisions (`heads` names them all). */
export function parentsForMerge(map: RevisionMap, specs: readonly RevSpec[]): string[] {
  const parents = [...new Set(specs.flatMap((spec) => resolveRevisions(map, spec).map((r) => r.id)))];
  if (parents.length < 2) {
    throw errors.usage(`Nothing to merge: ${specs.map(revSpecText).join(" ")} names ${parents.length === 0 ? "no revision" : `only ${parents[0]}`}`, {
      hint: "A merge joins two or more heads; `athanor heads` lists them.",
      details: { revisions: parents },
    });
  }
  return parents;
}

/** `--depends-on` specs as stored in the file: revision ids, or the label itself when one is named. */
export function dependenciesForNewRevision(map: RevisionMap, specs: readonly string[]): string[] {
  return specs.map((spec) => (map.labelOwner(spec) !== undefined ? spec : revisionForIdent(map, spec).id));
}
