// Benchmark 2: an online upgrade of N (default 1,000) one-statement revisions, from an
// empty database to every head of a branchy DAG, on a throwaway local PostgreSQL server.
// Each transaction mode is timed beside its floor, psql -f of the same statements:
// athanor's own `--sql` script for the default (a transaction per revision, history
// rows), and one transaction of Alembic's statements for `--transaction all`; Alembic
// (`alembic upgrade heads` through psycopg2) on the same graph beside the latter.
// Usage: node --import tsx bench/online-upgrade.ts [--size 1000] [--runs 5] [--no-alembic]
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startLocalServer } from "../test/helpers/postgres-server.js";
import { generateDag, type Dag } from "./fixtures/dag.js";
import { findAlembic, writeAlembicProject } from "./fixtures/alembic-project.js";
import { floorUpgradeSql } from "./fixtures/floor-sql.js";
import { tableStatements, writeTypescriptRevisions } from "./fixtures/revision-files.js";
import { databaseUrl, queryColumn, recreateDatabase, serverVersion } from "./harness/database.js";
import { describeMachine, machineLine } from "./harness/machine.js";
import { measureInterleaved, type CommandSpec, type Measurement } from "./harness/measure.js";
import { athanorBin, athanorMissing, cleanEnv, readmePath, projectDir } from "./harness/paths.js";
import { resultsTable, writeResults, type Row } from "./harness/results-table.js";

const DATABASE = "bench_upgrade";

/** After a run: the version table holds exactly the heads and every table exists. */
function upgradedCheck(url: string, dag: Dag) {
  return (): string | undefined => {
    const rows = queryColumn(url, "SELECT version_num FROM alembic_version ORDER BY 1");
    const expected = [...dag.heads].sort();
    if (JSON.stringify(rows) !== JSON.stringify(expected)) return `alembic_version holds ${rows.join(", ") || "nothing"}, expected ${expected.join(", ")}`;
    const tables = Number(queryColumn(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'")[0]);
    return tables === dag.revisions.length ? undefined : `${tables} tables created, expected ${dag.revisions.length}`;
  };
}

export async function runOnlineUpgrade(argv: string[]): Promise<void> {
  const started = describeMachine(); // load and date as the run begins
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: "string", default: "1000" },
      runs: { type: "string", default: "5" },
      "no-alembic": { type: "boolean", default: false },
      "no-readme": { type: "boolean", default: false },
    },
  });
  const size = Number(values.size);
  const runs = Number(values.runs);
  const dag = generateDag({ size, seed: 1000 });
  const dir = projectDir(`upgrade-${size}`);
  writeTypescriptRevisions(path.join(dir, "versions"), dag.revisions, tableStatements);
  const floorFile = path.join(dir, "floor.sql");
  writeFileSync(floorFile, floorUpgradeSql(dag.revisions, tableStatements));

  process.stderr.write(`online-upgrade: ${size} revisions, starting a local PostgreSQL server\n`);
  const server = await startLocalServer();
  try {
    const url = databaseUrl(server.url, DATABASE);
    const common: Pick<CommandSpec, "cwd" | "runs" | "before" | "check"> = {
      cwd: dir,
      runs,
      before: () => recreateDatabase(server.url, DATABASE),
      check: upgradedCheck(url, dag),
    };
    const psql = (file: string) => ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file];
    // Floor of the default mode: the very statements athanor sends online, as athanor
    // prints them (`upgrade heads --sql`): a transaction per revision, history rows included.
    const ownScript = path.join(dir, "athanor-upgrade.sql");
    const missing = athanorMissing();
    if (!missing) {
      execFileSync(process.execPath, [athanorBin, "upgrade", "heads", "--sql", "-o", ownScript], { cwd: dir, env: cleanEnv(), stdio: "pipe" });
    }
    const labels = {
      eachFloor: "floor: `psql -f` of athanor's own `--sql` script (a transaction per revision, history rows)",
      each: "athanor `upgrade heads --url` (a transaction per revision, the default)",
      allFloor: "floor: `psql -f` of one transaction, version-table statements only (Alembic's)",
      all: "athanor `upgrade heads --url --transaction all`",
      alembic: "Alembic `upgrade heads` (psycopg2, one transaction)",
    };
    const athanorRun = (extra: string[]): string[] => [process.execPath, athanorBin, "upgrade", "heads", "--url", url, ...extra];
    const specs: CommandSpec[] = [{ ...common, label: labels.allFloor, argv: psql(floorFile) }];
    if (!missing) {
      specs.push(
        { ...common, label: labels.eachFloor, argv: psql(ownScript) },
        { ...common, label: labels.each, argv: athanorRun([]), env: cleanEnv(), timeoutSeconds: 300 },
        { ...common, label: labels.all, argv: athanorRun(["--transaction", "all"]), env: cleanEnv(), timeoutSeconds: 300 },
      );
    }
    const alembic = values["no-alembic"] ? null : findAlembic();
    if (alembic) {
      const project = writeAlembicProject(alembic, dir, dag.revisions, tableStatements, url);
      specs.push({ ...common, label: labels.alembic, argv: [...alembic.argv, "-c", project.ini, "upgrade", "heads"], timeoutSeconds: 300 });
    } else if (!values["no-alembic"]) {
      process.stderr.write("online-upgrade: Alembic not found; skipped\n");
    }
    const measured = measureInterleaved(specs);
    const byLabel = (label: string): Measurement => measured.find((m) => m.label === label) ?? { label, ok: false, runs: 0, note: missing ?? "not run" };
    const within2x = (m: Measurement, floor: Measurement): boolean =>
      m.ok && floor.medianWallSeconds !== undefined && m.medianWallSeconds !== undefined && m.medianWallSeconds <= 2 * floor.medianWallSeconds;
    const eachFloor = byLabel(labels.eachFloor);
    const allFloor = byLabel(labels.allFloor);
    const each = byLabel(labels.each);
    const all = byLabel(labels.all);
    const rows: Row[] = [
      { measurement: eachFloor },
      { measurement: each, floor: eachFloor, target: "≤ 2× floor", met: within2x(each, eachFloor) },
      { measurement: allFloor },
      { measurement: all, floor: allFloor, target: "≤ 2× floor", met: within2x(all, allFloor) },
    ];
    if (alembic) rows.push({ measurement: byLabel(labels.alembic), floor: allFloor });

    const shape = `${size.toLocaleString("en")} revisions, one \`CREATE TABLE\` each: ${dag.branchPoints} branch points, ${dag.mergePoints} merge points, ${dag.heads.length} heads; a fresh database before every run`;
    const machine = machineLine(started, [
      `PostgreSQL ${serverVersion(server.url)} (local, fsync off)`,
      alembic ? `Alembic ${alembic.version}` : "Alembic not measured",
    ]);
    const text = `**${shape}**\n\n${resultsTable(rows)}\n\n_${machine}_`;
    process.stdout.write(`${text}\n`);
    if (!values["no-readme"]) writeResults(readmePath, "online-upgrade", text);
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runOnlineUpgrade(process.argv.slice(2));
