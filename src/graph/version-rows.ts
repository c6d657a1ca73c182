// The version table's rows while a plan is simulated, and the changes each revision step
// makes to them: Alembic's HeadMaintainer.update_to_step for upgrade and downgrade steps
// (insert for a new branch, update along a line, delete + update at a merge, insert back
// on an unmerge, delete when a branch goes back to base or into a sibling's row).

import type { Revision } from "./revision.js";
import type { RevisionMap } from "./revision-map.js";
import type { VersionChange } from "./step.js";

/** Ordered rows: an update keeps the row's place, an insert appends. */
export class VersionRows {
  readonly #rows: string[];

  constructor(rows: readonly string[]) {
    this.#rows = [...new Set(rows)];
  }

  get rows(): readonly string[] {
    return [...this.#rows];
  }

  has(id: string): boolean {
    return this.#rows.includes(id);
  }

  apply(change: VersionChange): VersionChange {
    if (change.kind === "insert") this.#rows.push(change.revision);
    else if (change.kind === "delete") this.#rows.splice(this.#rows.indexOf(change.revision), 1);
    else this.#rows[this.#rows.indexOf(change.from)] = change.to;
    return change;
  }

  /** Applies changes that keep the rows a set: an insert of a present row or a delete of an absent one is dropped. */
  applyAll(changes: readonly VersionChange[]): VersionChange[] {
    const applied: VersionChange[] = [];
    for (const change of changes) {
      if (change.kind === "insert" && this.has(change.revision)) continue;
      if (change.kind === "delete" && !this.has(change.revision)) continue;
      if (change.kind === "update") {
        if (!this.has(change.from)) {
          if (!this.has(change.to)) applied.push(this.apply({ kind: "insert", revision: change.to }));
          continue;
        }
        if (this.has(change.to)) {
          applied.push(this.apply({ kind: "delete", revision: change.from }));
          continue;
        }
      }
      applied.push(this.apply(change));
    }
    return applied;
  }
}

/** The row changes of running `revision`'s upgrade with `rows` as the table. */
export function upgradeChanges(revision: Revision, rows: VersionRows): VersionChange[] {
  const downs = revision.normalizedDownRevisions;
  const present = downs.filter((d) => rows.has(d));
  if (present.length === 0) return rows.applyAll([{ kind: "insert", revision: revision.id }]);
  // A merge (or a revision absorbing a dependency's row): keep one parent row, moved on.
  const last = present[present.length - 1]!;
  return rows.applyAll([...present.slice(0, -1).map((d): VersionChange => ({ kind: "delete", revision: d })), { kind: "update", from: last, to: revision.id }]);
}

/** The row changes of running `revision`'s downgrade with `rows` as the table. */
export function downgradeChanges(map: RevisionMap, revision: Revision, rows: VersionRows): VersionChange[] {
  if (!rows.has(revision.id)) return [];
  const downs = revision.normalizedDownRevisions;
  // Parents another current head still stands on stay represented by that head.
  const others = rows.rows.filter((r) => r !== revision.id);
  const to = others.length > 0 ? downs.filter((d) => !isBelowAny(map, d, revision.id, others)) : [...downs];
  if (to.length === 0) return rows.applyAll([{ kind: "delete", revision: revision.id }]);
  const last = to[to.length - 1]!;
  return rows.applyAll([...to.slice(0, -1).map((d): VersionChange => ({ kind: "insert", revision: d })), { kind: "update", from: revision.id, to: last }]);
}

/** Whether `id` is an ancestor (or one) of any of `heads`; searched upward from `id`, skipping `via`. */
function isBelowAny(map: RevisionMap, id: string, via: string, heads: readonly string[]): boolean {
  const start = map.get(id);
  if (start === undefined) return false;
  const targets = new Set(heads);
  if (targets.has(id)) return true;
  const { normalizedUp } = map.graph;
  const viaIndex = map.get(via)?.index;
  const children = normalizedUp[start.index]!;
  // The common case: the revision being downgraded is this parent's only child.
  if (children.length === 1 && children[0] === viaIndex) return false;
  const seen = new Uint8Array(map.size);
  const stack = [start.index];
  seen[start.index] = 1;
  while (stack.length > 0) {
    for (const child of normalizedUp[stack.pop()!]!) {
      if (seen[child]) continue;
      if (targets.has(map.at(child).id)) return true;
      seen[child] = 1;
      stack.push(child);
    }
  }
  return false;
}
