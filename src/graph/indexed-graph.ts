// The revision graph as integer adjacency lists, for the walks every query needs.
// Kept apart from Revision so the algorithms run on arrays (linear, no recursion) and
// the public objects stay plain data.

/** Which edges a walk follows. */
export type EdgeKind =
  /** downRevision only: the version table's parent links. */
  | "versioned"
  /** downRevision plus the dependencies no ancestor already covers (Alembic's default walk). */
  | "normalized";

export class IndexedGraph {
  readonly size: number;
  /** Parents by downRevision. */
  readonly versionedDown: readonly (readonly number[])[];
  readonly versionedUp: readonly (readonly number[])[];
  /** Parents by downRevision then normalized dependencies, in declared order. */
  readonly normalizedDown: readonly (readonly number[])[];
  readonly normalizedUp: readonly (readonly number[])[];

  constructor(versionedDown: number[][], normalizedDown: number[][], versionedUp: number[][] = reverse(versionedDown)) {
    this.size = versionedDown.length;
    this.versionedDown = versionedDown;
    this.normalizedDown = normalizedDown;
    this.versionedUp = versionedUp;
    // Without dependencies the normalized graph is the versioned one, list for list.
    const same = normalizedDown.every((parents, node) => parents === versionedDown[node]);
    this.normalizedUp = same ? versionedUp : reverse(normalizedDown);
  }

  down(kind: EdgeKind): readonly (readonly number[])[] {
    return kind === "versioned" ? this.versionedDown : this.normalizedDown;
  }

  up(kind: EdgeKind): readonly (readonly number[])[] {
    return kind === "versioned" ? this.versionedUp : this.normalizedUp;
  }

  /** The starts and all their ancestors, as a membership array. */
  ancestors(starts: Iterable<number>, kind: EdgeKind = "normalized"): Uint8Array {
    return closure(this.size, starts, this.down(kind));
  }

  /** The starts and all their descendants, as a membership array. */
  descendants(starts: Iterable<number>, kind: EdgeKind = "normalized"): Uint8Array {
    return closure(this.size, starts, this.up(kind));
  }
}

/** Everything reachable from `starts` along `edges`, starts included; iterative. */
export function closure(size: number, starts: Iterable<number>, edges: readonly (readonly number[])[]): Uint8Array {
  const seen = new Uint8Array(size);
  const stack: number[] = [];
  for (const start of starts) {
    if (!seen[start]) {
      seen[start] = 1;
      stack.push(start);
    }
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const next of edges[node]!) {
      if (!seen[next]) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return seen;
}

/** The edges turned around: for each node, the nodes that list it, in node order. */
export function reverse(down: readonly (readonly number[])[]): number[][] {
  const up: number[][] = down.map(() => []);
  for (let node = 0; node < down.length; node++) {
    for (const parent of down[node]!) up[parent]!.push(node);
  }
  return up;
}
