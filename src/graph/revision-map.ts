// The revision graph, Alembic's RevisionMap: built once from the revision sources,
// validated, immutable. Every graph question (heads, bases, labels, lookups) is a method
// here; rev specs, plans and history are functions over it in their own modules.

import { errors } from "../error-factories.js";
import { AthanorError } from "../errors.js";
import type { IndexedGraph } from "./indexed-graph.js";
import { inheritLabels } from "./branch-labels.js";
import { Revision } from "./revision.js";
import { buildGraph } from "./revision-map-builder.js";
import type { RevisionSource } from "./revision-source.js";
import { squashesToExpand, squashView } from "./squash-view.js";

export class RevisionMap {
  /** Every revision in file-name (sortKey) order. */
  readonly revisions: readonly Revision[];
  /** Revisions no downRevision names (what `athanor heads` lists), in file order. */
  readonly heads: readonly string[];
  /** Heads nothing depends on either (`heads --resolve-dependencies`; what `heads` as a target means). */
  readonly realHeads: readonly string[];
  /** Revisions without downRevision. */
  readonly bases: readonly string[];
  /** Bases without dependencies. */
  readonly realBases: readonly string[];
  readonly branchPoints: readonly string[];
  readonly mergePoints: readonly string[];
  /** @internal the same graph as integer adjacency lists, for the walks. */
  readonly graph: IndexedGraph;
  readonly #byId: ReadonlyMap<string, Revision>;
  readonly #labelOwner: ReadonlyMap<string, Revision>;
  /** Every source given, squashes and replaced revisions alike (squash-view.ts picks the visible ones). */
  readonly #all: readonly RevisionSource[];
  readonly #hiddenBy: ReadonlyMap<string, string>;
  readonly #expanded: ReadonlySet<string>;
  /** The last view made for a database inside a squashed range (private fields stay writable on a frozen object). */
  #rowsView: { key: string; map: RevisionMap } | undefined;

  private constructor(all: readonly RevisionSource[], expanded: ReadonlySet<string>) {
    const view = squashView(all, expanded);
    this.#all = all;
    this.#hiddenBy = view.hiddenBy;
    this.#expanded = expanded;
    const built = buildGraph(view.sources);
    const { graph } = built;
    const idAt = (index: number) => built.sources[index]!.revision;
    const idsAt = (indexes: readonly number[]) => (indexes.length === 0 ? [] : indexes.map(idAt));
    const dependents: string[][] = built.sources.map(() => []);
    built.dependsOn.forEach((dependencies, node) => {
      for (const d of dependencies) if (!graph.versionedDown[node]!.includes(d)) dependents[d]!.push(idAt(node));
    });
    const labels = inheritLabels(
      graph,
      built.sources.map((s) => s.branchLabels),
      dependents.map((d) => d.length),
    );
    this.revisions = Object.freeze(
      built.sources.map(
        (source, index) =>
          new Revision(source, {
            index,
            dependsOn: idsAt(built.dependsOn[index]!),
            normalizedDependsOn: idsAt(built.normalizedDependsOn[index]!),
            children: idsAt(graph.versionedUp[index]!),
            dependents: dependents[index]!,
            labels: labels[index]!,
          }),
      ),
    );
    this.graph = graph;
    this.#byId = new Map(this.revisions.map((r) => [r.id, r]));
    this.#labelOwner = new Map([...built.labelOwner].map(([label, index]) => [label, this.revisions[index]!]));
    // One pass over the revisions for all six lists.
    const heads: string[] = [];
    const realHeads: string[] = [];
    const bases: string[] = [];
    const realBases: string[] = [];
    const branchPoints: string[] = [];
    const mergePoints: string[] = [];
    for (const r of this.revisions) {
      if (r.isHead) heads.push(r.id);
      if (r.isRealHead) realHeads.push(r.id);
      if (r.isBase) bases.push(r.id);
      if (r.isRealBase) realBases.push(r.id);
      if (r.isBranchPoint) branchPoints.push(r.id);
      if (r.isMergePoint) mergePoints.push(r.id);
    }
    this.heads = Object.freeze(heads);
    this.realHeads = Object.freeze(realHeads);
    this.bases = Object.freeze(bases);
    this.realBases = Object.freeze(realBases);
    this.branchPoints = Object.freeze(branchPoints);
    this.mergePoints = Object.freeze(mergePoints);
    Object.freeze(this);
  }

  /**
   * Links and validates the revisions of a versions directory.
   *
   * ### Examples
   * ```ts
   * const map = RevisionMap.fromSources(await scanVersions("versions"));
   * map.heads; // ["0006", "a101"]
   * ```
   * Throws AthanorError DUPLICATE_REVISION, MISSING_DOWN_REVISION, MISSING_DEPENDENCY,
   * DUPLICATE_BRANCH_LABEL, INVALID_REVISION_FILE, CYCLE or DEPENDENCY_CYCLE, naming the files.
   *
   * A squash revision (one with `replaces`) stands for its range: the revisions it replaces
   * are not in the map, and what names them names the squash (squash-view.ts). `expand`
   * lists squashes to show as their ranges instead; `forRows` picks them for a database.
   */
  static fromSources(sources: readonly RevisionSource[], options: { expand?: Iterable<string> } = {}): RevisionMap {
    return new RevisionMap(sources, new Set(options.expand ?? []));
  }

  /** Every source the map was built from, the revisions this view hides included. */
  get allSources(): readonly RevisionSource[] {
    return this.#all;
  }

  /** The squash revision that stands for `id` in this view, when `id` is hidden here (its file present or not). */
  replacedBy(id: string): string | undefined {
    return this.#hiddenBy.get(id);
  }

  /** The squash revisions whose ranges this view shows instead of the squash. */
  get expandedSquashes(): ReadonlySet<string> {
    return this.#expanded;
  }

  /**
   * The view to plan in for a database whose version table holds `rows`: this one,
   * unless a row names a revision a squash hides here (the database stopped inside the
   * squashed range), then the view with those squashes expanded, so it continues on the
   * old revisions. Throws UNKNOWN_DATABASE_REVISION when the files that needs are gone.
   */
  forRows(rows: readonly string[]): RevisionMap {
    const inside = rows.filter((row) => this.#hiddenBy.has(row) && !this.#byId.has(row));
    if (inside.length === 0) return this;
    const present = new Set(this.#all.map((source) => source.revision));
    const gone = inside.find((row) => !present.has(row));
    if (gone !== undefined) throw this.#replacedFileGone(gone, gone);
    const expand = squashesToExpand(this.#all, rows);
    for (const id of this.#expanded) expand.add(id);
    const key = [...expand].sort().join(",");
    if (this.#rowsView?.key === key) return this.#rowsView.map;
    let map: RevisionMap;
    try {
      map = new RevisionMap(this.#all, expand);
    } catch (error) {
      const missing = (error as AthanorError).details?.missing;
      if (!(error instanceof AthanorError) || error.code !== "MISSING_DOWN_REVISION" || typeof missing !== "string") throw error;
      throw this.#replacedFileGone(inside[0]!, missing);
    }
    this.#rowsView = { key, map };
    return map;
  }

  #replacedFileGone(row: string, missing: string): AthanorError {
    const squash = this.#hiddenBy.get(row)!;
    const squashPath = this.#byId.get(squash)?.path ?? squash;
    return errors.unknownDatabaseRevision(
      `The database is at revision ${row}, inside the range squash revision ${squash} (${squashPath}) replaces, and the file of revision ${missing} is gone: it can continue only on the replaced revisions`,
      {
        hint: `Restore the replaced revision files from git (e.g. \`git log --diff-filter=D -- <versions dir>\`, then \`git checkout <commit>^ -- <file>\`) and run the command again; or, if the database's schema already is what ${squash} builds, \`athanor stamp --purge ${squash}\`.`,
        details: { revision: row, missing, squash },
      },
    );
  }

  get size(): number {
    return this.revisions.length;
  }

  get(id: string): Revision | undefined {
    return this.#byId.get(id);
  }

  /** The revision with exactly this id, or REVISION_NOT_FOUND. */
  require(id: string): Revision {
    const revision = this.#byId.get(id);
    if (revision === undefined) {
      const squash = this.#hiddenBy.get(id);
      if (squash !== undefined) throw replacedRevisionError(id, squash);
      throw errors.revisionNotFound(`Can't locate revision identified by '${id}'`, {
        hint: "Run `athanor history` to list the revisions.",
        details: { revision: id },
      });
    }
    return revision;
  }

  at(index: number): Revision {
    return this.revisions[index]!;
  }

  /** The revision that declares this branch label. */
  labelOwner(label: string): Revision | undefined {
    return this.#labelOwner.get(label);
  }

  /** Every declared branch label. */
  get branchLabels(): readonly string[] {
    return [...this.#labelOwner.keys()];
  }

  /** Own and inherited labels of a revision (Alembic's branch_labels after _add_branches). */
  labelsOf(id: string): readonly string[] {
    return this.require(id).labels;
  }

  /** Ids (and labels) a partial identifier is matched against, as Alembic does: keys longer than three characters. */
  prefixCandidates(prefix: string): string[] {
    const found: string[] = [];
    for (const r of this.revisions) if (r.id.length > 3 && r.id.startsWith(prefix)) found.push(r.id);
    for (const label of this.#labelOwner.keys()) if (label.length > 3 && label.startsWith(prefix)) found.push(label);
    return found;
  }

  /** Ids of the revisions marked in a membership array, in file order. */
  idsOf(marks: Uint8Array): string[] {
    const ids: string[] = [];
    marks.forEach((marked, index) => {
      if (marked) ids.push(this.revisions[index]!.id);
    });
    return ids;
  }
}

/** A rev spec naming a revision a squash stands for: name the squash instead. */
export function replacedRevisionError(id: string, squash: string): AthanorError {
  return errors.revisionNotFound(`Can't locate revision identified by '${id}': squash revision ${squash} replaces it`, {
    hint: `Name ${squash} instead. A database stopped inside the squashed range continues on the replaced revisions by itself.`,
    details: { revision: id, replacedBy: squash },
  });
}
