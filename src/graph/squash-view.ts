// Squash revisions (`replaces`) and the views of the graph they make, Django's
// squashmigrations in Alembic's graph. By default a squash stands for its range: the
// revisions it replaces are hidden and every downRevision or dependsOn naming one of them
// names the squash instead, so the old files may stay or go. A squash can be "expanded"
// instead (for a database that stopped inside its range): then the squash is hidden, its
// replaced revisions are shown, and what names the squash names the range's head. One pass
// over the sources, each reference resolved once: the view costs linear time.

import { errors } from "../error-factories.js";
import { dedupe } from "./revision.js";
import type { RevisionSource } from "./revision-source.js";
import { locate } from "./source-location.js";

export interface SquashView {
  /** The sources the graph is built from in this view. */
  readonly sources: readonly RevisionSource[];
  /** Each hidden revision id (file present or not) and the squash that stands for it here. */
  readonly hiddenBy: ReadonlyMap<string, string>;
}

const NO_EXPANSION: ReadonlySet<string> = new Set();

/** The squash revisions among `sources`, and which one replaces each id. */
function squashIndex(sources: readonly RevisionSource[]): { squashes: Map<string, RevisionSource>; replacedBy: Map<string, string> } {
  const squashes = new Map<string, RevisionSource>();
  const replacedBy = new Map<string, string>();
  for (const source of sources) {
    if (source.replaces === undefined || source.replaces.length === 0) continue;
    squashes.set(source.revision, source);
    for (const id of source.replaces) {
      const other = replacedBy.get(id);
      if (other !== undefined && other !== source.revision) {
        const first = squashes.get(other)!;
        throw errors.invalidRevisionFile(
          `Revision ${id} is replaced by two squash revisions, ${other} and ${source.revision} (${locate(first, "replaces")}; ${locate(source, "replaces")})`,
          {
            hint: `A revision belongs to one squash; remove ${id} from the replaces of one of them (or delete the older squash).`,
            details: { revision: id, squashes: [other, source.revision], paths: [first.path, source.path] },
          },
        );
      }
      replacedBy.set(id, source.revision);
    }
  }
  return { squashes, replacedBy };
}

/**
 * The graph's sources with every squash standing for its range, except the squashes in
 * `expanded`, whose replaced revisions stand for themselves.
 *
 * ### Examples
 * ```ts
 * squashView(sources).sources;                    // 0001, S (0002..0004 hidden), 0005 -> S
 * squashView(sources, new Set(["S"])).sources;   // 0001..0005, S hidden
 * ```
 */
export function squashView(sources: readonly RevisionSource[], expanded: ReadonlySet<string> = NO_EXPANSION): SquashView {
  const { squashes, replacedBy } = squashIndex(sources);
  if (squashes.size === 0) return { sources, hiddenBy: new Map() };
  const resolved = new Map<string, string>();
  // Where a reference to `id` lands in this view: through active squashes up, through
  // expanded ones to their range's head. Each step leaves a squash or a replaced id, so a
  // chain longer than twice the squashes is a loop between squash declarations.
  const resolve = (id: string): string => {
    const known = resolved.get(id);
    if (known !== undefined) return known;
    let at = id;
    for (let steps = 0; ; steps++) {
      if (steps > 2 * squashes.size + 1) {
        throw errors.cycle(`The replaces lists of the squash revisions ${[...squashes.keys()].join(", ")} form a loop at ${id}`, {
          hint: "A squash replaces older revisions only; fix the replaces list that names a newer squash.",
          details: { revision: id },
        });
      }
      const by = replacedBy.get(at);
      if (by !== undefined && !expanded.has(by)) at = by;
      else if (expanded.has(at) && squashes.has(at)) at = rangeHead(squashes.get(at)!);
      else break;
    }
    resolved.set(id, at);
    return at;
  };
  const hiddenBy = new Map<string, string>();
  for (const id of replacedBy.keys()) if (resolve(id) !== id) hiddenBy.set(id, resolve(id));
  for (const id of expanded) if (squashes.has(id) && resolve(id) !== id) hiddenBy.set(id, resolve(id));
  const visible: RevisionSource[] = [];
  for (const source of sources) {
    if (hiddenBy.has(source.revision)) continue;
    visible.push(remapped(source, resolve, replacedBy));
  }
  return { sources: visible, hiddenBy };
}

/** The newest revision a squash replaces: its list ends with the range's head. */
export function rangeHead(squash: RevisionSource): string {
  return squash.replaces![squash.replaces!.length - 1]!;
}

/** The source with its references seen through the view; the same object when none changes. */
function remapped(source: RevisionSource, resolve: (id: string) => string, replacedBy: ReadonlyMap<string, string>): RevisionSource {
  const down = source.downRevisions.map(resolve);
  const deps = source.dependsOn.map(resolve);
  const same = (a: readonly string[], b: readonly string[]) => a.every((x, i) => x === b[i]);
  if (same(down, source.downRevisions) && same(deps, source.dependsOn)) return source;
  const own = (id: string) => id === source.revision;
  if (down.some(own) || deps.some(own)) {
    const named = [...source.downRevisions, ...source.dependsOn].find((id) => own(resolve(id)))!;
    throw errors.cycle(
      `Squash revision ${source.revision} builds on ${named}, which it replaces (${locate(source, down.some(own) ? "downRevision" : "dependsOn")})`,
      {
        hint: `A squash's downRevision is the revision before its range; remove ${named} from its replaces list or point downRevision at the revision before the range.`,
        details: { revision: source.revision, replaced: named, replacedBy: replacedBy.get(named) },
      },
    );
  }
  return { ...source, downRevisions: Object.freeze(dedupe(down)), dependsOn: Object.freeze(dedupe(deps)) };
}

/**
 * The squashes to expand for a database whose version table holds `rows`: each squash
 * that replaces a row, and each squash that replaces one of those in turn (a squash of
 * squashes), so the rows are visible and nothing visible overlaps them.
 */
export function squashesToExpand(sources: readonly RevisionSource[], rows: readonly string[]): Set<string> {
  const { replacedBy } = squashIndex(sources);
  const expanded = new Set<string>();
  const pending = rows.flatMap((row) => replacedBy.get(row) ?? []);
  while (pending.length > 0) {
    const squash = pending.pop()!;
    if (expanded.has(squash)) continue;
    expanded.add(squash);
    const above = replacedBy.get(squash);
    if (above !== undefined) pending.push(above);
  }
  return expanded;
}
