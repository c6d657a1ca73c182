// Where a target stands against the project's heads: at them, behind (by how many
// revisions), or on another head (its version table names a revision this project does
// not have: another checkout's, or a branch since removed). Many targets share a state,
// so each distinct one is worked out once.
import { graphStatus } from "../graph/status.js";
import type { RevisionMap } from "../graph/revision-map.js";

export type DriftStatus = "at-head" | "behind" | "other-head";

export interface Drift {
  readonly status: DriftStatus;
  /** Revisions an upgrade to the heads would run; 0 at the heads or on another head. */
  readonly behind: number;
}

export class DriftOf {
  readonly #map: RevisionMap;
  readonly #seen = new Map<string, Drift>();

  constructor(map: RevisionMap) {
    this.#map = map;
  }

  of(current: readonly string[]): Drift {
    const key = [...current].sort().join(",");
    let drift = this.#seen.get(key);
    if (drift === undefined) {
      drift = this.#work(current);
      this.#seen.set(key, drift);
    }
    return drift;
  }

  #work(current: readonly string[]): Drift {
    if (current.some((id) => this.#map.get(id) === undefined)) return { status: "other-head", behind: 0 };
    const { pendingCount } = graphStatus(this.#map, current);
    return pendingCount === 0 ? { status: "at-head", behind: 0 } : { status: "behind", behind: pendingCount };
  }
}
