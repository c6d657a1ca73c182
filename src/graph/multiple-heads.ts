// The error for `head` (or `label@head`) when the graph has several heads: Alembic's
// sentence, then each head with its file, and the merge command that ends the split.

import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { RevisionMap } from "./revision-map.js";

export function multipleHeadsError(map: RevisionMap, heads: readonly string[], argument: string): AthanorError {
  const lines = heads.map((id) => {
    const revision = map.get(id);
    if (revision === undefined) return `  ${id}`;
    const labels = revision.labels.length > 0 ? ` (${revision.labels.join(", ")})` : "";
    return `  ${id}${labels}  ${revision.path}`;
  });
  return errors.multipleHeads(
    `Multiple head revisions are present for given argument '${argument}'; please specify a specific target revision, ` +
      `'<branchname>@${argument}' to narrow to a specific head, or 'heads' for all heads.\n` +
      "Multiple heads are present; use `heads`, a label, or `athanor merge`:\n" +
      lines.join("\n"),
    {
      hint: 'To join them into one head, run: athanor merge -m "merge_heads" heads',
      details: { argument, heads: [...heads] },
    },
  );
}
