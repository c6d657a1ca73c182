// Durations in the config: a number of milliseconds, or a string with a unit
// ("500ms", "10s", "2min", "1h") so timeouts read the way people say them.

const unitMs: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** Milliseconds for `value`, or undefined when it is not a duration. */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h)?\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = (match[2] ?? "ms").toLowerCase();
  const factor = unitMs[unit];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}

/** Milliseconds as people write them: 200 → "200ms", 5000 → "5s", 300000 → "5min". */
export function formatDuration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}min`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
