// Benchmark 7: ten revisions applied to each of 1,000 tenant schemas (tenant_0001 …) in one
// database on a throwaway local PostgreSQL server, at a parallelism of 2 and of 8:
// athanor `upgrade head --targets 'tenant_*' --parallel N` beside @clickup/pg-mig
// (`--parallelism=N`, installed with npm into bench/.work/pg-mig-install), the psql floor
// (N psql sessions, one script each) and a model of pg-mig's way of working (a psql
// process per revision per schema). All run the same SQL (fixtures/tenant-revisions.ts);
// every run starts from a fresh copy of a template database holding the empty schemas, and
// every run is checked: each schema logged each of the ten steps once, from inside itself,
// and holds the tables and view they create (athanor's also its own version row).
// Usage: node --import tsx bench/multi-target.ts [--schemas 1000] [--parallel 2,8] [--runs 3]
//        [--model-runs 1] [--pg-mig PATH | --no-pg-mig] [--no-readme]
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startLocalServer } from "../test/helpers/postgres-server.js";
import { findOrInstallPgMig, PG_MIG_PACKAGE, type PgMigFound } from "./fixtures/pg-mig-install.js";
import {
  LOG_TABLE,
  logTableSql,
  tenantRelations,
  tenantRevisions,
  tenantSchema,
  writeAthanorRevisions,
  writeFloorScripts,
  writeProcessPerStepScripts,
  writePgMigDirectory,
} from "./fixtures/tenant-revisions.js";
import { databaseUrl, executeSql, psqlBinary, queryColumn, recreateDatabase, serverVersion } from "./harness/database.js";
import { describeMachine, machineLine } from "./harness/machine.js";
import { type CommandSpec, type Measurement, measureInterleaved } from "./harness/measure.js";
import { athanorBin, athanorMissing, benchDir, cleanEnv, readmePath, workDir } from "./harness/paths.js";
import { type Row, resultsTable, writeResults } from "./harness/results-table.js";

const DATABASE = "bench_tenants";
const TEMPLATE = "bench_tenants_template";

/** Why athanor's side cannot run: not built, or built from a tree without `upgrade --targets`. */
function athanorCannotRun(): string | undefined {
  const missing = athanorMissing();
  if (missing) return missing;
  const help = spawnSync(process.execPath, [athanorBin, "upgrade", "--help"], { encoding: "utf8", env: cleanEnv() });
  return `${help.stdout}${help.stderr}`.includes("--targets") ? undefined : "this build of athanor has no `upgrade --targets` (dist/cli/bin.js)";
}

/** The template every run copies: the empty tenant schemas and the log table, nothing migrated. */
function createTemplate(serverUrl: string, schemas: readonly string[]): void {
  recreateDatabase(serverUrl, TEMPLATE);
  const url = databaseUrl(serverUrl, TEMPLATE);
  executeSql(url, `${schemas.map((s) => `CREATE SCHEMA ${s};`).join("\n")}\n${logTableSql};`);
}

/** What is wrong with the database after a run, or undefined when every schema has every revision. */
function migratedCheck(url: string, schemas: readonly string[], { athanorVersions = false } = {}) {
  const count = schemas.length;
  const steps = tenantRevisions.length;
  const all = `ARRAY[${tenantRevisions.map((r) => r.step).join(",")}]`;
  return (): string | undefined => {
    const [rows, complete, foreign] = queryColumn(
      url,
      `SELECT concat_ws(' ', (SELECT count(*) FROM ${LOG_TABLE}),
        (SELECT count(*) FROM (SELECT schema_name FROM ${LOG_TABLE} GROUP BY 1 HAVING array_agg(step ORDER BY step) = ${all}) s),
        (SELECT count(*) FROM ${LOG_TABLE} WHERE schema_name !~ '^tenant_[0-9]+$'))`,
    )[0]!.split(" ");
    if (Number(foreign) > 0) return `${foreign} log rows were written outside a tenant schema (search_path not set to the target)`;
    if (Number(rows) !== count * steps || Number(complete) !== count) {
      return `${rows} log rows, ${complete} schemas with all ${steps} steps; expected ${count * steps} rows and ${count} schemas`;
    }
    const [tables, views] = queryColumn(
      url,
      `SELECT concat_ws(' ', count(*) FILTER (WHERE c.relkind = 'r'), count(*) FILTER (WHERE c.relkind = 'v'))
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname LIKE 'tenant\\_%' AND c.relname IN ('accounts', 'users', 'projects', 'tasks', 'open_tasks')`,
    )[0]!.split(" ");
    if (Number(tables) !== count * tenantRelations.tables || Number(views) !== count * tenantRelations.views) {
      return `${tables} tables and ${views} views in the tenant schemas; expected ${count * tenantRelations.tables} and ${count * tenantRelations.views}`;
    }
    if (athanorVersions) {
      // Each schema's own version table holds exactly the last revision.
      const head = String(tenantRevisions.length).padStart(4, "0");
      const atHead = queryColumn(
        url,
        `SELECT count(*) FROM pg_namespace n WHERE n.nspname LIKE 'tenant\\_%' AND
           (xpath('/row/v/text()', query_to_xml(format('SELECT string_agg(version_num, '','') AS v FROM %I.alembic_version', n.nspname), false, true, '')))[1]::text = '${head}'`,
      )[0];
      if (Number(atHead) !== count) return `${atHead} of ${count} schemas have alembic_version = ${head}`;
    }
    return undefined;
  };
}

/**
 * The check must be able to fail: on a database the floor migrated (untimed), it must pass,
 * then refuse each of a missing log row, a missing view and (athanor's) a version table
 * one revision behind. Throws when it does not: a check that cannot fail proves nothing.
 */
function controlTheCheck(serverUrl: string, url: string, schemas: readonly string[], floorArgv: readonly string[]): void {
  recreateDatabase(serverUrl, DATABASE, TEMPLATE);
  const floor = spawnSync(floorArgv[0]!, floorArgv.slice(1), { encoding: "utf8" });
  if (floor.status !== 0) throw new Error(`the control's floor run failed: ${floor.stderr}`);
  const check = migratedCheck(url, schemas);
  const athanorCheck = migratedCheck(url, schemas, { athanorVersions: true });
  const passed = check();
  if (passed) throw new Error(`the check refuses a correct floor run: ${passed}`);
  const victim = schemas[Math.floor(schemas.length / 2)]!;
  const tamperings: [string, string, typeof check][] = [
    [`DELETE FROM ${LOG_TABLE} WHERE schema_name = '${victim}' AND step = 7`, `INSERT INTO ${LOG_TABLE} (schema_name, step) VALUES ('${victim}', 7)`, check],
    [`ALTER VIEW ${victim}.open_tasks RENAME TO open_tasks_gone`, `ALTER VIEW ${victim}.open_tasks_gone RENAME TO open_tasks`, check],
  ];
  // The version tables exist only after athanor; give every schema one at the head, then put one behind.
  const head = String(tenantRevisions.length).padStart(4, "0");
  executeSql(
    url,
    schemas
      .map((s) => `CREATE TABLE ${s}.alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO ${s}.alembic_version VALUES ('${head}');`)
      .join("\n"),
  );
  if (athanorCheck()) throw new Error(`the check refuses version tables at the head: ${athanorCheck()}`);
  tamperings.push([`UPDATE ${victim}.alembic_version SET version_num = '0009'`, `UPDATE ${victim}.alembic_version SET version_num = '${head}'`, athanorCheck]);
  for (const [tamper, undo, which] of tamperings) {
    executeSql(url, tamper);
    if (which() === undefined) throw new Error(`the check passes a database after \`${tamper}\``);
    executeSql(url, undo);
  }
  process.stderr.write(`multi-target: control: the check passes a migrated database and refuses ${tamperings.length} broken ones\n`);
}

export async function runMultiTarget(argv: string[]): Promise<void> {
  const started = describeMachine(); // load and date as the run begins
  const { values } = parseArgs({
    args: argv,
    options: {
      schemas: { type: "string", default: "1000" },
      parallel: { type: "string", default: "2,8" },
      runs: { type: "string", default: "3" },
      "model-runs": { type: "string", default: "1" },
      "pg-mig": { type: "string" },
      "no-pg-mig": { type: "boolean", default: false },
      "no-readme": { type: "boolean", default: false },
    },
  });
  const count = Number(values.schemas);
  const runs = Number(values.runs);
  // The model starts 10,000 psql processes a run (about 4 minutes here): one run by default.
  const modelRuns = Number(values["model-runs"]);
  const parallelisms = values.parallel.split(",").map(Number);
  const schemas = Array.from({ length: count }, (_, i) => tenantSchema(i + 1));

  const dir = workDir("multi-target");
  const athanorProject = path.join(dir, "athanor");
  writeAthanorRevisions(path.join(athanorProject, "versions"));
  // A package.json marks the project root, so athanor does not walk up to this
  // repository's own athanor.config.ts (and its versions/).
  writeFileSync(path.join(athanorProject, "package.json"), `${JSON.stringify({ name: "bench-tenants", private: true }, null, 2)}\n`);
  const migDir = path.join(dir, "pg-mig", "mig");
  writePgMigDirectory(migDir);
  const pgMig: PgMigFound = values["no-pg-mig"]
    ? { ok: false, reason: "skipped (--no-pg-mig)" }
    : findOrInstallPgMig(path.join(benchDir, ".work", "pg-mig-install"), values["pg-mig"]);
  if (!pgMig.ok) process.stderr.write(`multi-target: pg-mig not measured: ${pgMig.reason}\n`);
  const missing = athanorCannotRun();

  process.stderr.write(`multi-target: ${count} schemas × ${tenantRevisions.length} revisions, starting a local PostgreSQL server\n`);
  const server = await startLocalServer();
  try {
    createTemplate(server.url, schemas);
    const url = databaseUrl(server.url, DATABASE);
    const serverAddress = new URL(server.url);
    const common: Pick<CommandSpec, "runs" | "before" | "checkEveryRun" | "timeoutSeconds"> = {
      runs,
      before: () => recreateDatabase(server.url, DATABASE, TEMPLATE),
      checkEveryRun: true,
      timeoutSeconds: 900,
    };
    const labels = (n: number) => ({
      floor: `floor: ${n} psql sessions, one script each (a transaction per revision per schema, no version bookkeeping)`,
      athanor: `athanor \`upgrade head --targets 'tenant_*' --parallel ${n}\``,
      pgMig: `pg-mig \`--parallelism=${n}\``,
      perStep: `model of pg-mig's way (not pg-mig): a \`psql -1\` process per revision per schema, ${n} schemas at a time, no version bookkeeping`,
    });
    const perStep = writeProcessPerStepScripts(path.join(dir, "psql-per-step"), psqlBinary(), url, schemas);
    const specs: CommandSpec[] = [];
    for (const n of parallelisms) {
      const label = labels(n);
      const floorDir = path.join(dir, `floor-${n}`);
      const list = path.join(dir, `floor-${n}.list`);
      writeFileSync(list, `${writeFloorScripts(floorDir, schemas, n).join("\n")}\n`);
      specs.push({
        ...common,
        label: label.floor,
        cwd: dir,
        argv: ["xargs", "-P", String(n), "-n", "1", "-a", list, psqlBinary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f"],
        check: migratedCheck(url, schemas),
      });
      if (modelRuns > 0) {
        specs.push({
          ...common,
          runs: modelRuns,
          label: label.perStep,
          cwd: dir,
          argv: ["xargs", "-P", String(n), "-n", "1", "-a", perStep.list, "sh", perStep.script],
          check: migratedCheck(url, schemas),
        });
      }
      if (!missing) {
        specs.push({
          ...common,
          label: label.athanor,
          cwd: athanorProject,
          env: cleanEnv(),
          argv: [process.execPath, athanorBin, "upgrade", "head", "--targets", "tenant_*", "--parallel", String(n), "--url", url],
          check: migratedCheck(url, schemas, { athanorVersions: true }),
        });
      }
      if (pgMig.ok) {
        specs.push({
          ...common,
          label: label.pgMig,
          cwd: path.dirname(migDir),
          env: cleanEnv({
            PGHOST: serverAddress.hostname,
            PGPORT: serverAddress.port,
            PGUSER: decodeURIComponent(serverAddress.username),
            PGDATABASE: DATABASE,
          }),
          argv: [pgMig.pgMig.bin, `--migdir=${migDir}`, `--parallelism=${n}`],
          check: migratedCheck(url, schemas),
        });
      }
    }
    const lastFloor = specs.filter((spec) => spec.label.startsWith("floor:")).at(-1);
    if (lastFloor) controlTheCheck(server.url, url, schemas, lastFloor.argv);
    const measured = measureInterleaved(specs);
    const byLabel = (label: string, why: string): Measurement => measured.find((m) => m.label === label) ?? { label, ok: false, runs: 0, note: why };

    const sections: string[] = [];
    for (const n of parallelisms) {
      const label = labels(n);
      const floor = byLabel(label.floor, "not run");
      const athanor = byLabel(label.athanor, missing ?? "not run");
      const peer = byLabel(label.pgMig, pgMig.ok ? "not run" : pgMig.reason);
      const faster = athanor.ok && peer.ok ? athanor.medianWallSeconds! < peer.medianWallSeconds! : undefined;
      const rows: Row[] = [
        { measurement: floor },
        { measurement: athanor, floor, target: "faster than pg-mig", met: faster },
        { measurement: peer, floor },
        { measurement: byLabel(label.perStep, modelRuns > 0 ? "not run" : "skipped (--model-runs 0)"), floor },
      ];
      sections.push(`**parallelism ${n}**\n\n${resultsTable(rows)}`);
    }
    const shape = `${count.toLocaleString("en")} tenant schemas × ${tenantRevisions.length} revisions (tables with identity keys and foreign keys, added columns, a check, plain, partial and expression indexes, a view, a data row, and a row in ${LOG_TABLE} per revision); a fresh copy of the template database before every run`;
    const machine = machineLine(started, [
      `PostgreSQL ${serverVersion(server.url)} (local, fsync off)`,
      pgMig.ok ? `${PG_MIG_PACKAGE} ${pgMig.pgMig.version}` : "pg-mig not measured",
    ]);
    const text = `**${shape}**\n\n${sections.join("\n\n")}\n\n_${machine}_`;
    process.stdout.write(`${text}\n`);
    if (!values["no-readme"]) writeResults(readmePath, "multi-target", text);
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runMultiTarget(process.argv.slice(2));
