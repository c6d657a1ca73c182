// Benchmark 3: autogenerate against a 300-table database that already matches the models.
// Builds the tables from generated DDL, stamps the single revision, then times
// `athanor check --url` (it loads the models, introspects and compares, and must find
// no change and exit 0). Target: 300 tables in at most 1 s, 1,000 in at most 2 s.
// Usage: node --import tsx bench/autogenerate-noop.ts [--tables 300] [--runs 5] [--command check]
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { startLocalServer } from "../test/helpers/postgres-server.js";
import { generateModels } from "./fixtures/models.js";
import { databaseUrl, queryColumn, recreateDatabase, serverVersion } from "./harness/database.js";
import { describeMachine, machineLine } from "./harness/machine.js";
import { measure, type Measurement } from "./harness/measure.js";
import { athanorBin, athanorMissing, cleanEnv, readmePath, repoDir, workDir } from "./harness/paths.js";
import { resultsTable, writeResults } from "./harness/results-table.js";

const DATABASE = "bench_autogenerate";
const REVISION = `import type { Operations } from "athanor";

export const revision = "0001";
export const downRevision: string | string[] | null = null;
export const message = "tables built outside athanor";
export const createDate = "2025-12-15 10:00:00";

export async function upgrade(op: Operations): Promise<void> {
  await op.execute("SELECT 1");
}

export async function downgrade(op: Operations): Promise<void> {
  await op.execute("SELECT 1");
}
`;
const STAMP = `CREATE TABLE alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
INSERT INTO alembic_version VALUES ('0001');
`;

/** "athanor" when the built package exports the DSL, else the source (tsx resolves it). */
async function dslImport(modelsDir: string): Promise<string> {
  const index = path.join(repoDir, "dist", "index.js");
  try {
    const built = (await import(pathToFileURL(index).href)) as Record<string, unknown>;
    if (typeof built.table === "function" && typeof built.column === "object") return "athanor";
  } catch {
    // not built, or mid-build: fall back to the source
  }
  return path.relative(modelsDir, path.join(repoDir, "src", "schema", "index.js"));
}

/**
 * A fast "no change" means nothing unless the command can see a change: drop one index,
 * run it again and expect a non-zero exit, then put the index back. Returns what is wrong.
 */
function driftControl(url: string, argv: readonly string[], cwd: string): string | undefined {
  queryColumn(url, "DROP INDEX t0001_name_idx");
  try {
    const run = spawnSync(argv[0]!, argv.slice(1), { cwd, env: cleanEnv(), encoding: "utf8" });
    process.stderr.write(`  control (index t0001_name_idx dropped): exit ${run.status}\n`);
    return run.status === 0 ? "it also exits 0 when index t0001_name_idx is missing from the database" : undefined;
  } finally {
    queryColumn(url, "CREATE INDEX t0001_name_idx ON t0001 (name)");
  }
}

export async function runAutogenerateNoop(argv: string[]): Promise<void> {
  const started = describeMachine(); // load and date as the run begins
  const { values } = parseArgs({
    args: argv,
    options: {
      tables: { type: "string", default: "300" },
      runs: { type: "string", default: "5" },
      command: { type: "string", default: "check" },
      "no-readme": { type: "boolean", default: false },
    },
  });
  const tables = Number(values.tables);
  const dir = workDir(`autogenerate-${tables}`);
  const modelsDir = path.join(dir, "app", "models");
  mkdirSync(modelsDir, { recursive: true });
  mkdirSync(path.join(dir, "versions"));
  const importFrom = await dslImport(modelsDir);
  const fixture = generateModels(tables, importFrom);
  writeFileSync(path.join(modelsDir, "index.ts"), fixture.module);
  writeFileSync(path.join(dir, "schema.sql"), fixture.ddl + STAMP);
  writeFileSync(path.join(dir, "versions", "20251215_0001_tables_built_outside_athanor.ts"), REVISION);
  writeFileSync(path.join(dir, "athanor.config.ts"), `export default { models: ["app/models/index.ts"] };\n`);

  process.stderr.write(`autogenerate-noop: ${tables} tables, starting a local PostgreSQL server\n`);
  const server = await startLocalServer();
  try {
    const url = databaseUrl(server.url, DATABASE);
    recreateDatabase(server.url, DATABASE);
    const built = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", path.join(dir, "schema.sql")], { encoding: "utf8" });
    if (built.status !== 0) throw new Error(`building the ${tables} tables failed: ${built.stderr}`);
    const count = queryColumn(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")[0];
    process.stderr.write(`  database has ${count} tables (with alembic_version)\n`);

    const commandArgs = values.command.split(" ").filter(Boolean);
    const label = `athanor \`${commandArgs.join(" ")} --url\` (no change)`;
    const missing = athanorMissing();
    const m: Measurement = missing
      ? { label, ok: false, runs: 0, note: missing }
      : measure({
          label,
          argv: [process.execPath, athanorBin, ...commandArgs, "--url", url],
          cwd: dir,
          env: cleanEnv(),
          runs: Number(values.runs),
          warmup: true,
          timeoutSeconds: 120,
        });
    const control = m.ok ? driftControl(url, [process.execPath, athanorBin, ...commandArgs, "--url", url], dir) : undefined;
    const measured: Measurement = control ? { ...m, ok: false, note: `wrong answer: ${control}` } : m;
    // 300 tables in at most 1 s, 1,000 in at most 2 s (other sizes: 2 s).
    const limit = tables <= 300 ? 1 : 2;
    const met = measured.ok && m.medianWallSeconds !== undefined && m.medianWallSeconds <= limit;

    const shape = `${tables} tables (${fixture.foreignKeys} foreign keys, ${fixture.indexes} indexes (${Math.ceil(tables / 2)} partial), ${fixture.checks} checks with IN and BETWEEN, ${Math.round(tables / 5)} unique columns, identity primary keys, \`now()\`, \`false\` and \`'draft'\` defaults), models imported from \`${importFrom.startsWith(".") ? "src/schema" : importFrom}\``;
    const machine = machineLine(started, [`PostgreSQL ${serverVersion(server.url)} (local, fsync off)`]);
    const text = `**${shape}**\n\n${resultsTable([{ measurement: measured, target: `≤ ${limit} s`, met }])}\n\n_${machine}_`;
    process.stdout.write(`${text}\n`);
    if (!values["no-readme"]) writeResults(readmePath, tables === 300 ? "autogenerate-noop" : `autogenerate-noop-${tables}`, text);
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runAutogenerateNoop(process.argv.slice(2));
