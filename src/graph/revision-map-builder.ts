// Turns revision sources into linked, validated graph data: sorts them by file name,
// rejects duplicates, dangling references, bad labels and cycles (each error naming the
// files), resolves and normalizes dependencies. RevisionMap.fromSources is its only caller.

import { errors } from "../error-factories.js";
import { IndexedGraph, closure, reverse } from "./indexed-graph.js";
import type { RevisionSource } from "./revision-source.js";
import { locate, sortKeyOf } from "./source-location.js";
import { dedupe } from "./revision.js";
import { checkCycles } from "./cycle-check.js";
import { REVISION_ID_RULE, revisionIdProblem } from "./revision-id-rule.js";

export interface BuiltGraph {
  readonly sources: readonly RevisionSource[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Label → index of the revision that declares it. */
  readonly labelOwner: ReadonlyMap<string, number>;
  readonly dependsOn: readonly (readonly number[])[];
  readonly normalizedDependsOn: readonly (readonly number[])[];
  readonly graph: IndexedGraph;
}

export function buildGraph(unsorted: readonly RevisionSource[]): BuiltGraph {
  const sources = [...unsorted].sort((a, b) => compare(sortKeyOf(a), sortKeyOf(b)) || compare(a.revision, b.revision));
  const indexOf = indexIds(sources);
  const labelOwner = indexLabels(sources, indexOf);
  const versionedDown = sources.map((source) => resolveDownRevisions(source, sources, indexOf));
  const dependsOn = sources.map((source) => resolveDependencies(source, indexOf, labelOwner));
  const versionedUp = reverse(versionedDown);
  checkCycles(sources, versionedDown, versionedUp, dependsOn);
  const normalizedDependsOn = normalizeDependencies(versionedDown, dependsOn);
  const normalizedDown = versionedDown.map((parents, i) => (normalizedDependsOn[i]!.length === 0 ? parents : dedupe([...parents, ...normalizedDependsOn[i]!])));
  return {
    sources,
    indexOf,
    labelOwner,
    dependsOn,
    normalizedDependsOn,
    graph: new IndexedGraph(versionedDown, normalizedDown, versionedUp),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indexIds(sources: readonly RevisionSource[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  sources.forEach((source, index) => {
    const id = source.revision;
    const problem = revisionIdProblem(id);
    if (problem !== undefined) {
      throw errors.invalidRevisionFile(`${problem} (${locate(source)})`, {
        hint: `A revision id is ${REVISION_ID_RULE}; rename the id (and every downRevision that names it).`,
        details: { revision: id, path: source.path },
      });
    }
    const earlier = indexOf.get(id);
    if (earlier !== undefined) {
      const first = sources[earlier]!;
      throw errors.duplicateRevision(`Revision ${id} is present more than once: ${locate(first)} and ${locate(source)}`, {
        hint: `Give one of the two files a new revision id (and update any downRevision that meant it), or delete the copy.`,
        details: { revision: id, paths: [first.path, source.path] },
      });
    }
    indexOf.set(id, index);
  });
  return indexOf;
}

function indexLabels(sources: readonly RevisionSource[], indexOf: ReadonlyMap<string, number>): Map<string, number> {
  const owner = new Map<string, number>();
  sources.forEach((source, index) => {
    for (const label of source.branchLabels) {
      const taken = owner.get(label) ?? indexOf.get(label);
      if (taken !== undefined) {
        const other = sources[taken]!;
        const what = other.revision === label ? "is the id of revision" : "already used by revision";
        throw errors.duplicateBranchLabel(
          `Branch name '${label}' in revision ${source.revision} ${what} ${other.revision} (${locate(source, "branchLabels")}; ${locate(other, other.revision === label ? "revision" : "branchLabels")})`,
          {
            hint: `A branch label must name one branch and must not equal a revision id; rename '${label}' in ${source.path}.`,
            details: { label, revision: source.revision, paths: [source.path, other.path] },
          },
        );
      }
      owner.set(label, index);
    }
  });
  return owner;
}

function resolveDownRevisions(source: RevisionSource, sources: readonly RevisionSource[], indexOf: ReadonlyMap<string, number>): number[] {
  const parents: number[] = [];
  for (const down of dedupe(source.downRevisions)) {
    const index = indexOf.get(down);
    if (index === undefined) {
      throw errors.missingDownRevision(
        `Revision ${down} referenced from ${source.revision} is not present (downRevision in ${locate(source, "downRevision")})`,
        {
          hint: `No file in the versions directory declares revision ${down}. Restore that file, or point downRevision of ${source.revision} at an existing revision (see \`athanor heads\`).`,
          details: { revision: source.revision, missing: down, path: source.path, known: sources.length },
        },
      );
    }
    if (index === indexOf.get(source.revision)) {
      throw errors.cycle(`Self-loop is detected in revisions (${down}): ${locate(source, "downRevision")} names itself as downRevision`, {
        hint: `Point downRevision of ${down} at its parent revision.`,
        details: { revisions: [down], paths: [source.path] },
      });
    }
    parents.push(index);
  }
  return parents;
}

function resolveDependencies(source: RevisionSource, indexOf: ReadonlyMap<string, number>, labelOwner: ReadonlyMap<string, number>): number[] {
  if (source.dependsOn.length === 0) return [];
  const resolved: number[] = [];
  for (const dependency of source.dependsOn) {
    const index = indexOf.get(dependency) ?? labelOwner.get(dependency);
    if (index === undefined) {
      throw errors.missingDependency(
        `Dependency '${dependency}' of revision ${source.revision} names no revision or branch label (dependsOn in ${locate(source, "dependsOn")})`,
        {
          hint: `dependsOn takes revision ids or branch labels; fix or remove '${dependency}' in ${source.path}.`,
          details: { revision: source.revision, missing: dependency, path: source.path },
        },
      );
    }
    if (index === indexOf.get(source.revision)) {
      throw errors.dependencyCycle(`Dependency self-loop is detected in revisions (${source.revision}): ${locate(source, "dependsOn")} depends on itself`, {
        hint: `Remove '${dependency}' from dependsOn in ${source.path}.`,
        details: { revisions: [source.revision], paths: [source.path] },
      });
    }
    resolved.push(index);
  }
  return dedupe(resolved);
}

/**
 * Drops from each revision's dependencies those that one of its (downRevision) ancestors
 * already declares, the way Alembic's _normalize_depends_on does; only revisions that
 * have dependencies pay for the ancestor walk.
 */
function normalizeDependencies(versionedDown: readonly (readonly number[])[], dependsOn: readonly (readonly number[])[]): number[][] {
  const size = versionedDown.length;
  return dependsOn.map((dependencies, node) => {
    if (dependencies.length === 0) return [];
    const ancestors = closure(size, versionedDown[node]!, versionedDown);
    const covered = new Set<number>();
    for (let other = 0; other < size; other++) {
      if (ancestors[other]) for (const d of dependsOn[other]!) covered.add(d);
    }
    return dependencies.filter((d) => !covered.has(d));
  });
}
