// The revision graph, Alembic's RevisionMap: built once from the revision sources,
// validated, immutable. Every graph question (heads, bases, labels, lookups) is a method
// here; rev specs, plans and history are functions over it in their own modules.

import { errors } from "../error-factories.js";
import type { IndexedGraph } from "./indexed-graph.js";
import { inheritLabels } from "./branch-labels.js";
import { Revision } from "./revision.js";
import { buildGraph } from "./revision-map-builder.js";
import type { RevisionSource } from "./revision-source.js";

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

  private constructor(sources: readonly RevisionSource[]) {
    const built = buildGraph(sources);
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
   */
  static fromSources(sources: readonly RevisionSource[]): RevisionMap {
    return new RevisionMap(sources);
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
