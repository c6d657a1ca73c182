// Benchmark 1: reading the graph. `athanor heads` and `athanor history` on a branchy DAG
// of N (default 10,000) revision files, beside the floor (bench/floor-scan.mjs: read the
// files, regex the metadata, build nothing) and Alembic on the same graph.
// Usage: node --import tsx bench/graph-read.ts [--sizes 10000] [--runs 5]
//          [--no-alembic] [--alembic-sizes 1000,5000,10000] [--alembic-timeout 120] [--alembic-runs 3]
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateDag, type Dag } from "./fixtures/dag.js";
import { findAlembic, writeAlembicProject, type AlembicCommand } from "./fixtures/alembic-project.js";
import { selectStatements, writeTypescriptRevisions } from "./fixtures/revision-files.js";
import { describeMachine, machineLine } from "./harness/machine.js";
import { measureInterleaved, type CommandSpec, type Measurement } from "./harness/measure.js";
import { athanorBin, athanorMissing, cleanEnv, floorScan, readmePath, projectDir } from "./harness/paths.js";
import { resultsTable, writeResults, type Row } from "./harness/results-table.js";

const TARGET = "< 1 s, ≤ 2× floor, < 200 MB";

function headsCheck(dag: Dag) {
  return (stdout: string): string | undefined => {
    const ids = stdout
      .split("\n")
      .map((l) => l.trim().split(/\s+/)[0])
      .filter((id): id is string => !!id);
    const expected = [...dag.heads].sort();
    const got = [...ids].sort();
    return JSON.stringify(got) === JSON.stringify(expected) ? undefined : `expected heads ${expected.join(", ")}, got ${got.join(", ") || "nothing"}`;
  };
}

function historyCheck(dag: Dag) {
  return (stdout: string): string | undefined => {
    const lines = stdout.split("\n").filter((l) => l.includes("->")).length;
    return lines === dag.revisions.length ? undefined : `expected ${dag.revisions.length} history lines, got ${lines}`;
  };
}

function notMeasured(label: string, note: string): Measurement {
  return { label, ok: false, runs: 0, note };
}

function withinTarget(m: Measurement, floor: Measurement): boolean | undefined {
  if (!m.ok || m.medianWallSeconds === undefined) return false;
  const floorOk = floor.medianWallSeconds === undefined || m.medianWallSeconds <= 2 * floor.medianWallSeconds;
  return m.medianWallSeconds < 1 && floorOk && (m.peakRssMb === undefined || m.peakRssMb < 200);
}

interface SizeResult {
  size: number;
  dag: Dag;
  rows: Row[];
}

function benchSize(size: number, runs: number, alembic: AlembicCommand | null, alembicRuns: number, alembicTimeout: number): SizeResult {
  process.stderr.write(`graph-read: ${size} revisions\n`);
  const dag = generateDag({ size });
  const dir = projectDir(`graph-${size}`);
  writeTypescriptRevisions(`${dir}/versions`, dag.revisions, selectStatements);
  // A project root of its own: without it athanor finds the repository's athanor.config.ts
  // above bench/.work and reads the example project's versions/ instead.
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: `bench-graph-${size}`, private: true })}\n`);
  const checks = { heads: headsCheck(dag), history: historyCheck(dag) };
  const specs: CommandSpec[] = [{ label: "floor: read + regex every file", argv: [process.execPath, floorScan, "versions"], cwd: dir, runs, warmup: true }];
  const missing = athanorMissing();
  if (!missing) {
    for (const command of ["heads", "history"] as const) {
      specs.push({
        label: `athanor ${command}`,
        argv: [process.execPath, athanorBin, command],
        cwd: dir,
        env: cleanEnv(),
        runs,
        warmup: true,
        timeoutSeconds: 60,
        check: checks[command],
      });
    }
  }
  if (alembic) {
    const project = writeAlembicProject(alembic, dir, dag.revisions, selectStatements);
    for (const command of ["heads", "history"] as const) {
      specs.push({
        label: `Alembic ${command}`,
        argv: [...alembic.argv, "-c", project.ini, command],
        cwd: dir,
        runs: alembicRuns,
        // `heads` warms up first and compiles the .pyc files; `history` then starts warm.
        warmup: command === "heads",
        timeoutSeconds: alembicTimeout,
        check: checks[command],
      });
    }
  }
  const measured = measureInterleaved(specs);
  const byLabel = new Map(measured.map((m) => [m.label, m]));
  const floor = measured[0]!;
  const rows: Row[] = [{ measurement: floor }];
  for (const command of ["heads", "history"]) {
    const label = `athanor ${command}`;
    const m = byLabel.get(label) ?? notMeasured(label, missing ?? "not run");
    rows.push({ measurement: m, floor, target: TARGET, met: withinTarget(m, floor) });
  }
  for (const m of measured.filter((m) => m.label.startsWith("Alembic"))) rows.push({ measurement: m, floor });
  return { size, dag, rows };
}

function listOf(text: string | undefined): number[] {
  return (text ?? "").split(",").filter(Boolean).map(Number);
}

export async function runGraphRead(argv: string[]): Promise<void> {
  const started = describeMachine(); // load and date as the run begins
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "10000" },
      runs: { type: "string", default: "5" },
      "no-alembic": { type: "boolean", default: false },
      "alembic-sizes": { type: "string", default: "1000,5000,10000" },
      "alembic-runs": { type: "string", default: "3" },
      "alembic-timeout": { type: "string", default: "120" },
      "no-readme": { type: "boolean", default: false },
    },
  });
  const alembic = values["no-alembic"] ? null : findAlembic();
  if (!values["no-alembic"] && !alembic) process.stderr.write("graph-read: Alembic not found; measuring athanor only\n");
  const alembicSizes = new Set(listOf(values["alembic-sizes"]));
  const sizes = [...new Set([...listOf(values.sizes), ...(alembic ? alembicSizes : [])])].sort((a, b) => a - b);
  const results = sizes.map((size) =>
    benchSize(size, Number(values.runs), alembicSizes.has(size) ? alembic : null, Number(values["alembic-runs"]), Number(values["alembic-timeout"])),
  );
  const machine = machineLine(started, alembic ? [`Alembic ${alembic.version}`] : ["Alembic not measured"]);
  const body = results
    .map(({ size, dag, rows }) => {
      const shape = `${size.toLocaleString("en")} revisions: ${dag.branchPoints} branch points, ${dag.mergePoints} merge points (${dag.revisions.filter((r) => r.downRevisions.length === 3).length} with three parents), ${dag.heads.length} heads (3 labelled lineages)`;
      return `**${shape}**\n\n${resultsTable(rows)}`;
    })
    .join("\n\n");
  const text = `${body}\n\n_${machine}_`;
  process.stdout.write(`${text}\n`);
  if (!values["no-readme"]) writeResults(readmePath, "graph-read", text);
}

if (import.meta.url === `file://${process.argv[1]}`) await runGraphRead(process.argv.slice(2));
