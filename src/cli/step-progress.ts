// The lines an online run prints as it goes: after each revision `[2/6] 0002 add_email
// 12 ms`, and at the end one summary with the totals, so a long deploy log says where
// the time went.
import type { StepDone } from "../runtime/migrator.js";

/** 12 ms, 1.4 s, 2 min 05 s: what a person reads in a log. */
export function elapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

export class StepProgress {
  readonly #done: StepDone[] = [];

  /** The steps finished so far, in order. */
  get done(): readonly StepDone[] {
    return this.#done;
  }

  /** Keeps one finished step for the summary; returns its line. */
  record(event: StepDone): string {
    this.#done.push(event);
    const width = String(event.total).length;
    return `[${String(event.number).padStart(width)}/${event.total}] ${event.step.revision} ${event.message}  ${elapsed(event.durationMs)}`;
  }

  /**
   * `6 revisions upgraded in 85 ms (slowest: 0002 add_email, 40 ms)`; a reset says both
   * directions (`2 revisions downgraded and 2 upgraded in …`). Null when nothing ran.
   */
  summary(): string | null {
    if (this.#done.length === 0) return null;
    const total = this.#done.reduce((sum, event) => sum + event.durationMs, 0);
    const counts = (["downgrade", "upgrade"] as const)
      .map((direction) => [direction, this.#done.filter((event) => event.step.direction === direction).length] as const)
      .filter(([, count]) => count > 0)
      .map(([direction, count], i) => `${count}${i === 0 ? ` revision${count === 1 ? "" : "s"}` : ""} ${direction}d`);
    const ran = `${counts.join(" and ")} in ${elapsed(total)}`;
    if (this.#done.length === 1) return ran;
    const slowest = this.#done.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    return `${ran} (slowest: ${slowest.step.revision} ${slowest.message}, ${elapsed(slowest.durationMs)})`;
  }
}
