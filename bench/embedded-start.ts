// Benchmark 5: the embedded database (PGlite) as a new user meets it. The first
// `npm start` on a fresh clone (upgrade head, then current --verbose, on a data directory
// that does not exist yet): once on a machine where athanor never made an embedded
// database (initdb, and the template saved), once with the cluster template cached (a
// second clone, a test project); then one command on an existing data directory
// (`current`, and an `upgrade head` with nothing to do). Targets: first start ≤ 5 s, a
// command ≤ 1 s.
// Usage: node --import tsx bench/embedded-start.ts [--runs 5]
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeMachine, machineLine } from "./harness/machine.js";
import { measure, type Measurement } from "./harness/measure.js";
import { athanorBin, athanorMissing, cleanEnv, readmePath, repoDir, workDir } from "./harness/paths.js";
import { resultsTable, writeResults } from "./harness/results-table.js";

export async function runEmbeddedStart(argv: string[]): Promise<void> {
  const started = describeMachine();
  const { values } = parseArgs({ args: argv, options: { runs: { type: "string", default: "5" }, "no-readme": { type: "boolean", default: false } } });
  const runs = Number(values.runs);
  // The example project, as `npm start` runs it in a fresh clone.
  const dir = workDir("embedded-start");
  for (const entry of ["athanor.config.ts", "app", "versions", "package.json"]) cpSync(path.join(repoDir, entry), path.join(dir, entry), { recursive: true });
  const cacheDir = path.join(dir, ".cache");
  const env = { ...cleanEnv(), ATHANOR_CACHE_DIR: cacheDir };
  const cli = (...args: string[]) => `"${process.execPath}" "${athanorBin}" ${args.join(" ")}`;
  const freshDataDir = () => rmSync(path.join(dir, ".athanor"), { recursive: true, force: true });
  const atHead = (out: string) => (/0002 \(head\)|Rev: 0002 \(head\)/.test(out) ? undefined : `printed ${JSON.stringify(out.slice(0, 120))}`);
  const missing = athanorMissing();
  const run = (spec: Parameters<typeof measure>[0]): Measurement => (missing ? { label: spec.label, ok: false, runs: 0, note: missing } : measure(spec));

  const npmStart = ["sh", "-c", `${cli("upgrade", "head")} && ${cli("current", "--verbose")}`];
  const first = run({
    label: "first `npm start` on the machine: no data directory, no cluster template yet",
    argv: npmStart,
    cwd: dir,
    env,
    runs,
    before: () => {
      freshDataDir();
      rmSync(cacheDir, { recursive: true, force: true });
    },
    timeoutSeconds: 120,
    check: atHead,
  });
  const templated = run({
    label: "first `npm start` in another clone: no data directory, the template cached",
    argv: npmStart,
    cwd: dir,
    env,
    runs,
    before: freshDataDir,
    timeoutSeconds: 120,
    check: atHead,
  });
  const current = run({
    label: "`current` on the existing data directory",
    argv: [process.execPath, athanorBin, "current"],
    cwd: dir,
    env,
    runs,
    warmup: true,
    timeoutSeconds: 60,
    check: atHead,
  });
  const noop = run({
    label: "`upgrade head` with nothing to do",
    argv: [process.execPath, athanorBin, "upgrade", "head"],
    cwd: dir,
    env,
    runs,
    warmup: true,
    timeoutSeconds: 60,
  });
  const within = (m: Measurement, limit: number) => m.ok && m.medianWallSeconds !== undefined && m.medianWallSeconds <= limit;
  const rows = [
    { measurement: first, target: "≤ 5 s", met: within(first, 5) },
    { measurement: templated, target: "≤ 5 s", met: within(templated, 5) },
    { measurement: current, target: "≤ 1 s", met: within(current, 1) },
    { measurement: noop, target: "≤ 1 s", met: within(noop, 1) },
  ];
  const text = `**the example project (2 revisions) on the embedded database**\n\n${resultsTable(rows)}\n\n_${machineLine(started, [])}_`;
  process.stdout.write(`${text}\n`);
  if (!values["no-readme"]) writeResults(readmePath, "embedded-start", text);
}

if (import.meta.url === `file://${process.argv[1]}`) await runEmbeddedStart(process.argv.slice(2));
