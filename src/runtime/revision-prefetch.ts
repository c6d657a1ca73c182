// Loads a plan's revisions a few steps ahead of the step that runs them. Each TypeScript
// import is a round trip to tsx's loader thread (and its compiler); loading one only when
// its step starts left a 1,000-revision run waiting on that round trip 1,000 times. A
// revision that fails to load still fails its own step, after the steps before it ran.
import type { RevisionSource } from "../graph/revision-source.js";
import type { LoadedRevision } from "./loaded-revision.js";

export class RevisionPrefetch {
  readonly #sources: readonly RevisionSource[];
  readonly #load: (source: RevisionSource) => Promise<LoadedRevision>;
  readonly #ahead: number;
  readonly #loads: Promise<LoadedRevision>[] = [];

  /** `sources[i]` is the revision of step i; at most `ahead` loads run beyond the current step. */
  constructor(sources: readonly RevisionSource[], load: (source: RevisionSource) => Promise<LoadedRevision>, ahead = 16) {
    this.#sources = sources;
    this.#load = load;
    this.#ahead = ahead;
  }

  /** The loaded revision of step `index`, starting the loads of the steps after it. */
  get(index: number): Promise<LoadedRevision> {
    const until = Math.min(this.#sources.length, index + 1 + this.#ahead);
    for (let i = this.#loads.length; i < until; i++) {
      const loading = this.#load(this.#sources[i]!);
      // Its step may never run (an earlier one fails): its error is reported there or not at all.
      loading.catch(() => {});
      this.#loads.push(loading);
    }
    return this.#loads[index]!;
  }
}
