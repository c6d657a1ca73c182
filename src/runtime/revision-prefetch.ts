// Loads a plan's revisions a few steps ahead of the step that runs them, while the
// current step waits on the server: loading one only when its step starts left a
// 1,000-revision run paying for every load on top of every query. A revision that fails
// to load still fails its own step, after the steps before it ran.
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
      const source = this.#sources[i]!;
      // Later steps load on a later turn of the event loop: a CommonJS load is synchronous,
      // and there it fills the wait for the server instead of delaying this step's query.
      const loading = i === index ? this.#load(source) : nextTurn().then(() => this.#load(source));
      // Its step may never run (an earlier one fails): its error is reported there or not at all.
      loading.catch(() => {});
      this.#loads.push(loading);
    }
    return this.#loads[index]!;
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
