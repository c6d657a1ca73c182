import { Command, Option } from "clipanion";
import { AthanorError } from "../../graph/errors.js";
import { startedMarkersTableOf } from "../../config/defaults.js";
import type { RevisionRoundTrip, RoundTripReport } from "../../runtime/revision-round-trips.js";
import type { ScratchDatabase } from "../../runtime/scratch-database.js";
import { ProjectCommand, waitForDatabaseOption } from "../database-command.js";
import { migratorFor, type Project } from "../../commands/project.js";
import { paint } from "../terminal.js";

interface Problem {
  kind: "revision" | "multiple-heads" | "models-differ" | "unmodelled";
  message: string;
}

export class TestCommand extends ProjectCommand {
  static override paths = [["test"]];
  static override usage = Command.Usage({
    description: "Run every revision up, down and up again on a scratch database, and check the heads and the models",
    details: `
      On a throwaway database (an in-memory PGlite, or with \`--url\` a database \`athanor_test_<random>\` created on that PostgreSQL server and dropped afterwards, even on failure), for each revision in upgrade order: upgrade it, downgrade it, compare the catalog with the one from before its upgrade, and upgrade it again. A downgrade that does not give back the schema is reported with the difference (\`table users: column nickname still there after downgrade\`) and stops the walk. Then: there must be one head (else merge them), and the models must match the schema at the head (as \`athanor check\` compares them).

      The range is \`a:b\` (revisions after \`a\` up to \`b\`; \`a\` is applied first, untested) or \`b\`; default \`base:heads\`. The configured database is never opened. Exits 1 on any failure. Compared: schemas, tables, columns (not their order), keys, constraints, indexes, enums, sequences and views by name; not views' definitions, functions, triggers or rows.
    `,
    examples: [
      ["Test every revision on an in-memory PGlite", "athanor test"],
      ["Only the revisions after 0003", "athanor test 0003:heads"],
      ["On a PostgreSQL server (a scratch database is created there)", "athanor test --url postgresql://postgres@localhost:5432/postgres"],
      ["For CI", "athanor test --json"],
    ],
  });

  range = Option.String({ required: false, name: "range" });
  url = Option.String("--url", { description: "A PostgreSQL server to create the scratch database on (default: an in-memory PGlite); its other databases are not touched" });
  waitForDatabase = waitForDatabaseOption();
  asJson = Option.Boolean("--json", false, { description: "Print the results as JSON" });

  protected override overrides() {
    return { waitForDatabase: this.waitForDatabase };
  }

  protected async run(): Promise<number> {
    const project = await this.project({ offline: true });
    const map = project.revisionMap();
    const [from, to] = splitTestRange(this.range);
    const heads = [...map.heads];
    const problems: Problem[] = [];
    const { config } = project;
    const { openScratchDatabase } = await import("../../runtime/scratch-database.js");
    const scratchOptions = { cwd: config.cwd, connectTimeout: config.connectTimeout, waitForDatabase: config.waitForDatabase, onNotice: (line: string) => this.note(line) };
    const scratch = await openScratchDatabase(this.url, scratchOptions);
    this.note(`Testing revisions on a scratch database: ${scratch.description}`);
    // Ctrl-C or a CI job's timeout: the scratch database goes too, then the process.
    const interrupted = (signal: NodeJS.Signals) => {
      this.note(`${signal}: dropping the scratch database ${scratch.description}`);
      void scratch.dispose().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    };
    process.once("SIGINT", interrupted);
    process.once("SIGTERM", interrupted);
    let report: RoundTripReport;
    let models: ModelsResult = { checked: false, reason: "no models configured" };
    try {
      // No applied history on a database thrown away after: its checks and rows would
      // double the run's queries (bench/README.md) and test athanor, not the revisions.
      const scratchProject = { ...project, config: { ...config, historyTable: false as const } };
      const hooks = { onProgress: () => {}, onNotice: (line: string) => this.note(line), onWarning: (line: string) => this.warn(line) };
      const migrator = await migratorFor(scratchProject, hooks, scratch.connection);
      const { roundTripRevisions } = await import("../../runtime/revision-round-trips.js");
      report = await roundTripRevisions({
        migrator,
        connection: scratch.connection,
        from,
        to,
        ownTables: ownTables(config),
        openReplica: async () => {
          const replica = await openScratchDatabase(this.url, scratchOptions);
          return { migrator: await migratorFor(scratchProject, hooks, replica.connection), connection: replica.connection, dispose: () => replica.dispose() };
        },
        onResult: (result) => {
          if (!this.asJson) this.out(...this.resultLines(result));
        },
      });
      const passed = report.results.every((result) => result.ok);
      if (!passed && config.models.length > 0) models = { checked: false, reason: "a revision failed first" };
      if (passed && config.models.length > 0) {
        models = to === "heads" ? await this.compareModels(project, scratch, report.end) : { checked: false, reason: `the range ends at ${to}, not at the heads` };
      }
    } finally {
      process.off("SIGINT", interrupted);
      process.off("SIGTERM", interrupted);
      const left = await scratch.dispose();
      if (left !== undefined) this.warn(left);
    }
    for (const result of report.results) {
      if (!result.ok) problems.push({ kind: "revision", message: `revision ${result.revision}: ${result.problems.join("; ")}` });
    }
    if (heads.length > 1) {
      problems.push({ kind: "multiple-heads", message: `several heads: ${heads.join(", ")}; join them with \`athanor merge -m "merge_heads" heads\`` });
    }
    if (models.checked && models.operations.length > 0) {
      problems.push({ kind: "models-differ", message: `the models differ from the schema at the head (${models.operations.length} operation${models.operations.length === 1 ? "" : "s"}); run \`athanor generate "<message>"\`\n${models.operations.map((op) => `    ${op}`).join("\n")}` });
    }
    if (models.checked && models.unmodelled.length > 0) {
      problems.push({ kind: "unmodelled", message: `the revisions create objects no model declares: ${models.unmodelled.join(", ")} (declare them, or leave them out with \`include\`)` });
    }
    if (this.asJson) {
      this.json({
        ok: problems.length === 0,
        database: scratch.description,
        revisions: report.results.map(({ revision, message, ok, problems }) => ({ revision, message, ok, problems })),
        untested: report.untested,
        heads,
        models: models.checked ? { checked: true, operations: models.operations, unmodelled: models.unmodelled } : { checked: false, reason: models.reason },
        problems,
      });
    } else {
      if (report.untested.length > 0) this.out(`stopped: ${report.untested.length} later revision${report.untested.length === 1 ? " was" : "s were"} not tested (${report.untested.slice(0, 5).join(", ")}${report.untested.length > 5 ? ", …" : ""})`);
      this.out(heads.length > 1 ? `heads: ${heads.length} (${heads.join(", ")})` : heads.length === 1 ? `heads: one (${heads[0]})` : "heads: none (no revisions yet)");
      this.out(models.checked ? `models: ${models.operations.length === 0 && models.unmodelled.length === 0 ? "match the head" : "differ from the head"}` : `models: not compared (${models.reason})`);
      if (problems.length === 0) this.out(`OK: ${report.results.length} revision${report.results.length === 1 ? "" : "s"} upgrade, downgrade and upgrade again cleanly`);
      else {
        this.out(`FAILED: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
        for (const problem of problems) this.out(`- ${problem.message}`);
      }
    }
    return problems.length === 0 ? 0 : 1;
  }

  private resultLines(result: RevisionRoundTrip): string[] {
    const colour = this.terminal.colour;
    const head = `[${result.number}/${result.total}] ${result.revision} ${result.message}`.trimEnd();
    if (result.ok) return [`${head} ${paint(colour, "green", "ok")}`];
    return [`${head} ${paint(colour, "red", "failed")}`, ...result.problems.map((problem) => `    ${problem}`)];
  }

  /** The models against the scratch database at the heads, as `check` compares them. */
  private async compareModels(project: Project, scratch: ScratchDatabase, end: readonly string[]): Promise<ModelsResult> {
    const { compareModels, projectModels } = await import("../../commands/compare-models.js");
    const loaded = await projectModels(project, false);
    if (loaded === undefined) return { checked: false, reason: "no models configured" };
    for (const warning of loaded.warnings) this.warn(warning);
    const { config } = project;
    const diff = await compareModels(project, {
      currentHeads: end,
      description: scratch.description,
      versionTable: config.versionTable.schema ? `${config.versionTable.schema}.${config.versionTable.name}` : config.versionTable.name,
      query: async (sql, params) => (await scratch.connection.query(sql, params)).rows,
      connection: scratch.connection,
    }, loaded);
    const result = diff.result;
    if (result === undefined) return { checked: false, reason: "no models configured" };
    const operations = result.empty ? [] : result.upgradeBody.split("\n").map((line) => line.trim()).filter((line) => line.startsWith("await op."));
    return { checked: true, operations, unmodelled: result.unmodelled.map((object) => `${object.kind} ${object.schema === "public" ? object.name : `${object.schema}.${object.name}`}`) };
  }
}

type ModelsResult = { checked: true; operations: string[]; unmodelled: string[] } | { checked: false; reason: string };

/** `a:b`, `a:`, `:b`, `b` → [from, to]; the default is base:heads. */
function splitTestRange(range: string | undefined): [string | undefined, string] {
  if (range === undefined || range.trim() === "") return [undefined, "heads"];
  const parts = range.split(":");
  if (parts.length > 2) {
    throw new AthanorError("BAD_REV_SPEC", `athanor test takes one range a:b, got '${range}'`, { hint: "e.g. athanor test base:heads, or athanor test 0003:heads" });
  }
  if (parts.length === 1) return [undefined, parts[0]!];
  return [parts[0] === "" || parts[0] === "base" ? undefined : parts[0], parts[1] === "" ? "heads" : parts[1]!];
}

/** The version table and athanor's history: their rows change with every step, by design. */
function ownTables(config: { versionTable: { name: string; schema?: string | undefined }; historyTable: string | false }): string[] {
  const inSchema = (name: string) => (config.versionTable.schema ? `${config.versionTable.schema}.${name}` : name);
  const names = [config.versionTable.name];
  if (config.historyTable !== false) names.push(config.historyTable, startedMarkersTableOf(config.historyTable));
  return names.map(inSchema);
}
