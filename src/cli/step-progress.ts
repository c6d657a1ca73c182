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

  /** The line for one finished step. */
  line(event: StepDone): string {
    this.#done.push(event);
    const width = String(event.total).length;
    return `[${String(event.number).padStart(width)}/${event.total}] ${event.step.revision} ${event.message}  ${elapsed(event.durationMs)}`;
  }

  /** `6 revisions upgraded in 85 ms (slowest: 0002 add_email, 40 ms)`; null when nothing ran. */
  summary(verb: string): string | null {
    if (this.#done.length === 0) return null;
    const total = this.#done.reduce((sum, event) => sum + event.durationMs, 0);
    const count = `${this.#done.length} revision${this.#done.length === 1 ? "" : "s"}`;
    if (this.#done.length === 1) return `${count} ${verb}d in ${elapsed(total)}`;
    const slowest = this.#done.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    return `${count} ${verb}d in ${elapsed(total)} (slowest: ${slowest.step.revision} ${slowest.message}, ${elapsed(slowest.durationMs)})`;
  }
}
