// What a many-target run prints: while it runs, one progress line on stderr rewritten in
// place (a terminal only: a log gets no carriage returns); at the end a table on stdout,
// one row per target (before → after heads, status, a failure's first line), a summary,
// and each failure's whole message; with --json the same as an array.
import type { RunTargetsResult, TargetResult, TargetsProgress } from "../commands/run-targets.js";
import { paint, type Terminal } from "./terminal.js";

/** The --json report: one object per target (schemas/cli-output.schema.json, "targets"). */
export function targetsJson(result: RunTargetsResult): unknown[] {
  return result.results.map((r) => ({
    target: r.target,
    status: r.status,
    before: r.before,
    after: r.after,
    behind: r.behind,
    steps: r.steps,
    error: r.error === null ? null : { code: r.error.code, message: r.error.message, hint: r.error.hint },
  }));
}

const statusStyle = {
  applied: "green",
  "up-to-date": "green",
  "at-head": "green",
  behind: "yellow",
  "other-head": "yellow",
  failed: "red",
  "not-run": "dim",
} as const;

function heads(rows: readonly string[]): string {
  return rows.length === 0 ? "base" : rows.join("+");
}

function statusText(r: TargetResult): string {
  if (r.status === "behind") return `behind ${r.behind}`;
  if (r.status === "other-head") return "other head";
  if (r.status === "not-run") return "not run";
  return r.status;
}

/** The table, its summary line, then each failure's message (at most `details` of them). */
export function targetsTable(result: RunTargetsResult, colour: boolean, details = 10): string[] {
  const read = result.command !== "upgrade" && result.command !== "downgrade";
  const rows = result.results.map((r) => [
    r.target,
    read ? heads(r.after) : `${r.status === "not-run" ? "" : heads(r.before)} → ${r.status === "not-run" ? "" : heads(r.after)}`,
    statusText(r),
    r.error === null ? "" : firstLine(r.error.message),
  ]);
  const header = ["TARGET", read ? "CURRENT" : "BEFORE → AFTER", "STATUS", rows.some((row) => row[3] !== "") ? "ERROR" : ""];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[], styled: (cell: string, i: number) => string) =>
    cells
      .map((cell, i) => styled(i === cells.length - 1 ? cell : cell.padEnd(widths[i]!), i))
      .join("  ")
      .trimEnd();
  const lines = [line(header, (cell) => paint(colour, "bold", cell))];
  for (const [index, r] of result.results.entries()) {
    lines.push(line(rows[index]!, (cell, i) => (i === 2 ? paint(colour, statusStyle[r.status], cell) : cell)));
  }
  lines.push("", summary(result));
  const failures = result.results.filter((r) => r.error !== null);
  for (const r of failures.slice(0, details)) lines.push("", `${r.target}: ${r.error!.message}`, ...(r.error!.hint ? [`hint: ${r.error!.hint}`] : []));
  if (failures.length > details) lines.push("", `… and ${failures.length - details} more failures (--json lists every one)`);
  return lines;
}

/** `1000 targets: 999 applied, 1 failed (tenant_0042)`, and for drift the heads they are measured against. */
export function summary(result: RunTargetsResult): string {
  const counts = new Map<string, number>();
  for (const r of result.results) {
    const status = r.status === "behind" ? "behind" : statusText(r);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const parts = [...counts].map(([status, count]) => `${count} ${status}`);
  const failed = result.results.filter((r) => r.status === "failed").map((r) => r.target);
  const named = failed.length === 0 ? "" : ` (failed: ${failed.slice(0, 5).join(", ")}${failed.length > 5 ? ", …" : ""})`;
  const total = result.results.length;
  return `${total} target${total === 1 ? "" : "s"}: ${parts.join(", ")}${named}; head${result.heads.length === 1 ? "" : "s"}: ${heads(result.heads)}`;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!;
}

/** The line on stderr while targets run; on a terminal only, redrawn at most every 100 ms. */
export class TargetsProgressLine {
  readonly #terminal: Terminal;
  readonly #tty: boolean;
  #last = 0;
  #shown = false;

  constructor(terminal: Terminal) {
    this.#terminal = terminal;
    this.#tty = (terminal.stderr as { isTTY?: boolean }).isTTY === true;
  }

  update(progress: TargetsProgress): void {
    if (!this.#tty) return;
    const now = performance.now();
    if (progress.remaining > 0 && now - this.#last < 100) return;
    this.#last = now;
    const failed = progress.failed > 0 ? paint(this.#terminal.colour, "red", `${progress.failed} failed`) : "0 failed";
    this.#terminal.stderr.write(`\r\u001b[Ktargets: ${progress.done - progress.failed} done, ${failed}, ${progress.remaining} remaining`);
    this.#shown = true;
  }

  /** Clears the line before the report. */
  end(): void {
    if (this.#shown) this.#terminal.stderr.write("\r\u001b[K");
    this.#shown = false;
  }
}
