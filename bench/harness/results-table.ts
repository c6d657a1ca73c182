// Turns measurements into the Markdown tables of bench/README.md and replaces one
// benchmark's block there, between `<!-- results:NAME -->` and `<!-- /results:NAME -->`.
import { readFileSync, writeFileSync } from "node:fs";
import type { Measurement } from "./measure.js";

export interface Row {
  readonly measurement: Measurement;
  /** The floor this row is compared with (same input), if any. */
  readonly floor?: Measurement;
  /** Target for this row, e.g. "< 1 s, ≤ 2× floor, < 200 MB". */
  readonly target?: string;
  /** Whether the target was met; undefined when there is no target. */
  readonly met?: boolean;
}

const seconds = (s: number | undefined): string => (s === undefined ? "—" : s < 10 ? s.toFixed(3) : s.toFixed(1));

function ratio(row: Row): string {
  const a = row.measurement.medianWallSeconds;
  const b = row.floor?.medianWallSeconds;
  if (a === undefined || b === undefined || row.floor === row.measurement) return "";
  return `${(a / b).toFixed(2)}×`;
}

export function resultsTable(rows: readonly Row[]): string {
  const lines = [
    "| what | median wall (s) | min–max (s) | runs | peak RSS (MB) | vs floor | target | note |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  for (const row of rows) {
    const m = row.measurement;
    // A run that failed or answered wrongly has no figure worth showing.
    const range = m.ok && m.minWallSeconds !== undefined && m.maxWallSeconds !== undefined ? `${seconds(m.minWallSeconds)}–${seconds(m.maxWallSeconds)}` : "—";
    const target = row.target ? `${row.target}: ${row.met === undefined ? "n/a" : row.met ? "**met**" : "**missed**"}` : "";
    const note = (m.ok ? (m.note ?? "") : `not measured — ${m.note ?? "failed"}`).replaceAll("|", "\\|").replaceAll("\n", " ");
    const rss = !m.ok || m.peakRssMb === undefined ? "—" : m.peakRssMb.toFixed(0);
    lines.push(`| ${m.label} | ${seconds(m.ok ? m.medianWallSeconds : undefined)} | ${range} | ${m.runs} | ${rss} | ${ratio(row)} | ${target} | ${note} |`);
  }
  return lines.join("\n");
}

/** Replaces (or appends) the named results block of the README. */
export function writeResults(readmePath: string, name: string, body: string): void {
  const open = `<!-- results:${name} -->`;
  const close = `<!-- /results:${name} -->`;
  const text = readFileSync(readmePath, "utf8");
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  const block = `${open}\n${body.trim()}\n${close}`;
  const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + close.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(readmePath, next);
}
