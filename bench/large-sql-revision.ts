// Benchmark 4: one 52 MB SQL revision. Peak memory of `athanor heads` (reads the header,
// checks the section markers) and of `athanor upgrade head --sql` (splits every statement
// and prints it). Target: peak RSS ≤ 3× the file size.
// Usage: node --import tsx bench/large-sql-revision.ts [--mb 52] [--runs 3]
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { largeSqlRevision } from "./fixtures/large-sql-revision.js";
import { describeMachine, machineLine } from "./harness/machine.js";
import { measure, type Measurement } from "./harness/measure.js";
import { athanorBin, athanorMissing, cleanEnv, projectDir, readmePath } from "./harness/paths.js";
import { resultsTable, writeResults } from "./harness/results-table.js";

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

export async function runLargeSqlRevision(argv: string[]): Promise<void> {
  const started = describeMachine();
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: "string", default: "52" },
      runs: { type: "string", default: "3" },
      "no-readme": { type: "boolean", default: false },
    },
  });
  const bytes = Math.round(Number(values.mb) * 1024 * 1024);
  const dir = projectDir("large-sql-revision");
  mkdirSync(path.join(dir, "versions"));
  const fixture = largeSqlRevision(bytes);
  writeFileSync(path.join(dir, "versions", "20250101_big0001_large.sql"), fixture.text);
  const fileMb = fixture.text.length / (1024 * 1024);
  process.stderr.write(`large-sql-revision: ${fileMb.toFixed(1)} MB, ${fixture.statements} statements\n`);

  const env = cleanEnv();
  const runs = Number(values.runs);
  const missing = athanorMissing();
  const specs = [
    {
      label: "athanor `heads`",
      args: ["heads"],
      check: (out: string) => (out.trim() === "big0001 (head)" ? undefined : `printed ${JSON.stringify(out.slice(0, 80))}`),
    },
    {
      label: "athanor `upgrade head --sql` (to stdout)",
      args: ["upgrade", "head", "--sql"],
      check: (out: string) => {
        const inserts = count(out, "INSERT INTO bench_rows");
        if (inserts !== fixture.inserts) return `printed ${inserts} INSERTs, expected ${fixture.inserts}`;
        const functions = count(out, "CREATE FUNCTION");
        const expected = fixture.statements - 1 - fixture.inserts;
        return functions === expected ? undefined : `printed ${functions} CREATE FUNCTION, expected ${expected}`;
      },
    },
  ];
  const limitMb = 3 * fileMb;
  const rows = specs.map((spec) => {
    const m: Measurement = missing
      ? { label: spec.label, ok: false, runs: 0, note: missing }
      : measure({ label: spec.label, argv: [process.execPath, athanorBin, ...spec.args], cwd: dir, env, runs, timeoutSeconds: 300, check: spec.check });
    const met = m.ok && m.peakRssMb !== undefined && m.peakRssMb <= limitMb;
    return { measurement: m, target: `peak RSS ≤ 3× file size (${limitMb.toFixed(0)} MB)`, met };
  });
  const shape = `one SQL revision of ${fileMb.toFixed(1)} MB: ${fixture.statements.toLocaleString("en")} statements (${fixture.inserts.toLocaleString("en")} INSERTs with \`;\` in strings, E'' strings, quoted identifiers and nested comments; $tag$ and BEGIN ATOMIC function bodies)`;
  const text = `**${shape}**\n\n${resultsTable(rows)}\n\n_${machineLine(started, [])}_`;
  process.stdout.write(`${text}\n`);
  if (!values["no-readme"]) writeResults(readmePath, "large-sql-revision", text);
}

if (import.meta.url === `file://${process.argv[1]}`) await runLargeSqlRevision(process.argv.slice(2));
