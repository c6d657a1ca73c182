// Runs one command several times and reports its median wall time and peak memory.
// Wall time is taken around the child with hrtime; peak RSS comes from GNU time
// (`/usr/bin/time -f "%e %M"`), which also covers the command's own children.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface CommandSpec {
  readonly label: string;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Measured runs; the median is reported. */
  readonly runs?: number;
  /** One unmeasured run first, so the page cache and bytecode caches are warm. */
  readonly warmup?: boolean;
  /** Kill a run after this long (the result then says it timed out). */
  readonly timeoutSeconds?: number;
  /** Runs before each measured run, untimed (e.g. recreate the database). */
  readonly before?: () => void;
  /** Checks a run's stdout; returns what is wrong, or undefined when the answer is right. */
  readonly check?: (stdout: string) => string | undefined;
  /** Check every measured run, not only the first (for runs whose answer may vary, e.g. parallel work). */
  readonly checkEveryRun?: boolean;
}

export interface Measurement {
  readonly label: string;
  readonly ok: boolean;
  /** Why the figure is missing or not to be trusted. */
  readonly note?: string;
  readonly runs: number;
  readonly medianWallSeconds?: number;
  readonly minWallSeconds?: number;
  readonly maxWallSeconds?: number;
  /** Highest peak RSS seen over the runs, in MB (1 MB = 1024 KB as GNU time reports KB). */
  readonly peakRssMb?: number;
}

const GNU_TIME = "/usr/bin/time";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Run {
  wall: number;
  rssKb?: number;
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function runOnce(spec: CommandSpec, scratch: string): Run {
  const timeFile = path.join(scratch, "time.txt");
  rmSync(timeFile, { force: true });
  let argv = [...spec.argv];
  if (spec.timeoutSeconds) argv = ["timeout", "-s", "KILL", String(spec.timeoutSeconds), ...argv];
  const useTime = existsSync(GNU_TIME);
  if (useTime) argv = [GNU_TIME, "-f", "%e %M", "-o", timeFile, ...argv];
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0]!, argv.slice(1), {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let rssKb: number | undefined;
  if (useTime && existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the figures on failure.
    const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
    const kb = Number(last.split(" ")[1]);
    if (Number.isFinite(kb)) rssKb = kb;
  }
  return {
    wall,
    rssKb,
    status: result.status,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? String(result.error ?? ""),
    timedOut: spec.timeoutSeconds !== undefined && (result.status === 137 || result.status === 124),
  };
}

function failure(spec: CommandSpec, run: Run, runs: number): Measurement {
  if (run.timedOut) {
    return { label: spec.label, ok: false, runs, note: `killed after the ${spec.timeoutSeconds} s timeout`, minWallSeconds: run.wall };
  }
  const said = (run.stderr.trim() || run.stdout.trim()).split("\n").slice(-3).join(" / ").slice(0, 300);
  return { label: spec.label, ok: false, runs, note: `exit status ${run.status}: ${said}` };
}

function checkRun(spec: CommandSpec, stdout: string): string | undefined {
  try {
    return spec.check?.(stdout);
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}

interface Series {
  readonly spec: CommandSpec;
  readonly walls: number[];
  readonly rss: number[];
  result?: Measurement;
}

function record(series: Series, run: Run, checkIt: boolean): Measurement | undefined {
  const { spec } = series;
  if (run.status !== 0) {
    return (series.result = failure(spec, run, series.walls.length));
  }
  const wrong = checkIt ? checkRun(spec, run.stdout) : undefined;
  if (wrong) {
    return (series.result = { label: spec.label, ok: false, runs: 1, note: `wrong answer: ${wrong}`, minWallSeconds: run.wall });
  }
  series.walls.push(run.wall);
  if (run.rssKb !== undefined) series.rss.push(run.rssKb);
  return undefined;
}

function summary({ spec, walls, rss }: Series): Measurement {
  return {
    label: spec.label,
    ok: true,
    runs: walls.length,
    medianWallSeconds: median(walls),
    minWallSeconds: Math.min(...walls),
    maxWallSeconds: Math.max(...walls),
    peakRssMb: rss.length > 0 ? Math.max(...rss) / 1024 : undefined,
    note: rss.length === 0 ? "peak RSS not measured: /usr/bin/time (GNU time) is absent" : undefined,
  };
}

/**
 * Measures several commands round-robin (run 1 of each, then run 2 of each, …), so a
 * burst of load on a shared machine falls on every command alike rather than on one
 * series. A failed or wrong run ends that command's series; the others go on.
 */
export function measureInterleaved(specs: readonly CommandSpec[]): Measurement[] {
  const scratch = mkdtempSync(path.join(tmpdir(), "athanor-bench-"));
  const all: Series[] = specs.map((spec) => ({ spec, walls: [], rss: [] }));
  const log = (series: Series, text: string) => process.stderr.write(`  ${series.spec.label}: ${text}\n`);
  try {
    for (const series of all) {
      if (!series.spec.warmup) continue;
      series.spec.before?.();
      const warm = runOnce(series.spec, scratch);
      if (warm.status !== 0) series.result = failure(series.spec, warm, 0);
      else log(series, `warm-up ${warm.wall.toFixed(2)}s`);
    }
    const rounds = Math.max(...specs.map((spec) => spec.runs ?? 5));
    for (let round = 0; round < rounds; round++) {
      for (const series of all) {
        if (series.result || round >= (series.spec.runs ?? 5)) continue;
        series.spec.before?.();
        const run = runOnce(series.spec, scratch);
        // record() may set series.result, which the guard above narrowed away.
        const result = record(series, run, round === 0 || series.spec.checkEveryRun === true);
        log(series, result ? `failed: ${result.note}` : `${run.wall.toFixed(2)}s`);
      }
    }
    return all.map((series) => series.result ?? summary(series));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Measures one command (see measureInterleaved). */
export function measure(spec: CommandSpec): Measurement {
  return measureInterleaved([spec])[0]!;
}
