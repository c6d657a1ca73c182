// One node of the revision graph: a revision file's metadata plus the links the
// RevisionMap computed (children, resolved dependencies, inherited branch labels).
// Immutable; built only by RevisionMap.fromSources.

import type { RevisionSource } from "./revision-source.js";

/** Arrays the Revision takes over (RevisionMap builds them for it alone). */
export interface RevisionLinks {
  /** Position in file-name (sortKey) order; the order Alembic would see with a sorted listing. */
  readonly index: number;
  /** Resolved ids of `dependsOn` (labels turned into the revision that declares them). */
  readonly dependsOn: readonly string[];
  /** `dependsOn` minus dependencies an ancestor already declares (Alembic's normalized set). */
  readonly normalizedDependsOn: readonly string[];
  /** Revisions whose downRevision names this one, in file-name order. */
  readonly children: readonly string[];
  /** Revisions that list this one in dependsOn (not children), in file-name order. */
  readonly dependents: readonly string[];
  /** Own labels plus the labels inherited along the branch. */
  readonly labels: readonly string[];
}

export class Revision {
  readonly id: string;
  /** Parent ids as written (the version table's notion of "parent"); [] for a base. */
  readonly downRevisions: readonly string[];
  /** Labels this file declares itself. */
  readonly branchLabels: readonly string[];
  readonly dependsOn: readonly string[];
  readonly normalizedDependsOn: readonly string[];
  readonly children: readonly string[];
  readonly dependents: readonly string[];
  /** Own and inherited branch labels (what `label@head` and history show). */
  readonly labels: readonly string[];
  readonly index: number;
  readonly source: RevisionSource;

  constructor(source: RevisionSource, links: RevisionLinks) {
    this.id = source.revision;
    this.downRevisions = frozenCopy(source.downRevisions);
    this.branchLabels = frozenCopy(source.branchLabels);
    this.dependsOn = frozen(links.dependsOn);
    this.normalizedDependsOn = frozen(links.normalizedDependsOn);
    this.children = frozen(links.children);
    this.dependents = frozen(links.dependents);
    this.labels = frozen(links.labels);
    this.index = links.index;
    this.source = source;
    Object.freeze(this);
  }

  get message(): string {
    return this.source.message;
  }

  get path(): string {
    return this.source.path;
  }

  /** Parents and the dependencies no ancestor covers: what must run right before this one. */
  get normalizedDownRevisions(): readonly string[] {
    return dedupe([...this.downRevisions, ...this.normalizedDependsOn]);
  }

  /** No downRevision (it may still have dependencies). */
  get isBase(): boolean {
    return this.downRevisions.length === 0;
  }

  /** A base without dependencies either. */
  get isRealBase(): boolean {
    return this.downRevisions.length === 0 && this.source.dependsOn.length === 0;
  }

  /** No revision names this one as downRevision (`heads` lists these). */
  get isHead(): boolean {
    return this.children.length === 0;
  }

  /** Not a parent of anything and nobody depends on it (`heads --resolve-dependencies`). */
  get isRealHead(): boolean {
    return this.children.length === 0 && this.dependents.length === 0;
  }

  get isBranchPoint(): boolean {
    return this.children.length > 1;
  }

  /** A branch point once dependents count as children too. */
  get isRealBranchPoint(): boolean {
    return this.children.length + this.dependents.length > 1;
  }

  get isMergePoint(): boolean {
    return this.downRevisions.length > 1;
  }
}

/** The items without repeats, first occurrence kept. Lists here hold a few items; no Set for those. */
export function dedupe<T>(items: readonly T[]): T[] {
  if (items.length < 2) return [...items];
  if (items.length === 2) return items[0] === items[1] ? [items[0]!] : [...items];
  return [...new Set(items)];
}

// Most revisions have no labels, dependencies or dependents: they all share one empty list.
const NONE: readonly never[] = Object.freeze([]);

/** A source's list, which its caller may still change: copied unless it is frozen already. */
function frozenCopy<T>(items: readonly T[]): readonly T[] {
  if (items.length === 0) return NONE;
  return Object.isFrozen(items) ? items : Object.freeze([...items]);
}

/** The links are arrays RevisionMap made for this revision alone: frozen as they are. */
function frozen<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NONE : Object.freeze(items);
}
