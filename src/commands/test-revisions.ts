// `athanor test`: every revision of a range upgraded, downgraded, compared with the
// catalog from before and upgraded again on a scratch database (pytest-alembic's
// built-in tests), then one head, then the models against the head. Typed results; the
// CLI formats them.
import { startedMarkersTableOf } from "../config/defaults.js";
import { errors } from "../error-factories.js";
import { HEADS, parseRevSpec, type RevSpec, revSpecText } from "../graph/rev-spec.js";
import type { RevisionRoundTrip } from "../runtime/revision-round-trips.js";
import type { ScratchDatabase } from "../runtime/scratch-database.js";
import { compareModels, projectModels } from "./compare-models.js";
import { objectName, operationLines } from "./model-report.js";
import { migratorFor, type Project } from "./project.js";
import { openProjectScratch } from "./project-scratch.js";
import { silentReporter, type Reporter } from "./reporter.js";

export interface TestRevisionsOptions {
  /** `a:b`, `a:`, `:b` or `b`; default base:heads. */
  readonly range?: string | undefined;
  /** A PostgreSQL server to create the scratch database on; default an in-memory PGlite. */
  readonly url?: string | undefined;
  /** After each revision, as it is tested. */
  readonly onResult?: (result: RevisionRoundTrip) => void;
  readonly reporter?: Reporter;
}

export type TestModels =
  | { readonly checked: true; readonly operations: string[]; readonly unmodelled: string[] }
  | { readonly checked: false; readonly reason: string };

export interface TestProblem {
  readonly kind: "revision" | "multiple-heads" | "models-differ" | "unmodelled";
  readonly message: string;
}

export interface TestRevisionsResult {
  readonly ok: boolean;
  /** The scratch database, as output names it (it is gone when this returns). */
  readonly database: string;
  readonly results: readonly RevisionRoundTrip[];
  readonly untested: readonly string[];
  readonly heads: readonly string[];
  readonly models: TestModels;
  readonly problems: readonly TestProblem[];
}

/**
 * ### Examples
 *     const result = await testRevisions(await openProject());
 *     if (!result.ok) console.error(result.problems.map((p) => p.message).join("\n"));
 */
export async function testRevisions(project: Project, options: TestRevisionsOptions = {}): Promise<TestRevisionsResult> {
  const reporter = options.reporter ?? silentReporter;
  const map = project.revisionMap();
  const [from, to] = splitTestRange(options.range);
  const heads = [...map.heads];
  const { config } = project;
  const scratch = await openProjectScratch(project, options.url, reporter);
  reporter.note(`Testing revisions on a scratch database: ${scratch.description}`);
  // Ctrl-C or a CI job's timeout: the scratch database goes too, then the process.
  const interrupted = (signal: NodeJS.Signals) => {
    reporter.note(`${signal}: dropping the scratch database ${scratch.description}`);
    void scratch.dispose().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  let results: readonly RevisionRoundTrip[] = [];
  let untested: readonly string[] = [];
  let models: TestModels = { checked: false, reason: "no models configured" };
  try {
    // No applied history on a database thrown away after: its checks and rows would
    // double the run's queries (bench/README.md) and test athanor, not the revisions.
    const scratchProject = { ...project, config: { ...config, historyTable: false as const } };
    const hooks = { onProgress: () => {}, onNotice: (line: string) => reporter.note(line), onWarning: (line: string) => reporter.warn(line) };
    const migrator = await migratorFor(scratchProject, hooks, scratch.connection);
    const { roundTripRevisions } = await import("../runtime/revision-round-trips.js");
    const report = await roundTripRevisions({
      migrator,
      connection: scratch.connection,
      from,
      to,
      ownTables: ownTables(config),
      openReplica: async () => {
        const replica = await openProjectScratch(project, options.url, reporter);
        return { migrator: await migratorFor(scratchProject, hooks, replica.connection), connection: replica.connection, dispose: () => replica.dispose() };
      },
      onResult: (result) => options.onResult?.(result),
    });
    results = report.results;
    untested = report.untested;
    const passed = results.every((result) => result.ok);
    if (!passed && config.models.length > 0) models = { checked: false, reason: "a revision failed first" };
    if (passed && config.models.length > 0) {
      models =
        to.kind === "heads" && to.branch === undefined
          ? await modelsAtHead(project, scratch, report.end, reporter)
          : { checked: false, reason: `the range ends at ${revSpecText(to)}, not at the heads` };
    }
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    const left = await scratch.dispose();
    if (left !== undefined) reporter.warn(left);
  }
  const problems: TestProblem[] = [];
  for (const result of results) {
    if (!result.ok) problems.push({ kind: "revision", message: `revision ${result.revision}: ${result.problems.join("; ")}` });
  }
  if (heads.length > 1) {
    problems.push({ kind: "multiple-heads", message: `several heads: ${heads.join(", ")}; join them with \`athanor merge -m "merge_heads" heads\`` });
  }
  if (models.checked && models.operations.length > 0) {
    problems.push({
      kind: "models-differ",
      message: `the models differ from the schema at the head (${models.operations.length} operation${models.operations.length === 1 ? "" : "s"}); run \`athanor generate "<message>"\`\n${models.operations.map((op) => `    ${op}`).join("\n")}`,
    });
  }
  if (models.checked && models.unmodelled.length > 0) {
    problems.push({
      kind: "unmodelled",
      message: `the revisions create objects no model declares: ${models.unmodelled.join(", ")} (declare them, or leave them out with \`include\`)`,
    });
  }
  return { ok: problems.length === 0, database: scratch.description, results, untested, heads, models, problems };
}

/** The models against the scratch database at the heads, as `check` compares them. */
async function modelsAtHead(project: Project, scratch: ScratchDatabase, end: readonly string[], reporter: Reporter): Promise<TestModels> {
  const loaded = await projectModels(project, false);
  if (loaded === undefined) return { checked: false, reason: "no models configured" };
  for (const warning of loaded.warnings) reporter.warn(warning);
  const { config } = project;
  const diff = await compareModels(
    project,
    {
      currentHeads: end,
      description: scratch.description,
      versionTable: config.versionTable.schema ? `${config.versionTable.schema}.${config.versionTable.name}` : config.versionTable.name,
      query: async (sql, params) => (await scratch.connection.query(sql, params)).rows,
      connection: scratch.connection,
    },
    loaded,
  );
  const result = diff.result;
  if (result === undefined) return { checked: false, reason: "no models configured" };
  const operations = result.empty ? [] : operationLines(result);
  return {
    checked: true,
    operations,
    unmodelled: result.unmodelled.map((object) => `${object.kind} ${objectName(object, config.schemas[0] ?? "public")}`),
  };
}

/** `a:b`, `a:`, `:b`, `b` → [from, to], parsed; the default is base:heads. */
function splitTestRange(range: string | undefined): [RevSpec | undefined, RevSpec] {
  if (range === undefined || range.trim() === "") return [undefined, HEADS];
  const parts = range.split(":");
  if (parts.length > 2) {
    throw errors.badRevSpec(`athanor test takes one range a:b, got '${range}'`, {
      hint: "e.g. athanor test base:heads, or athanor test 0003:heads",
    });
  }
  if (parts.length === 1) return [undefined, parseRevSpec(parts[0]!)];
  return [parts[0] === "" || parts[0] === "base" ? undefined : parseRevSpec(parts[0]!), parts[1] === "" ? HEADS : parseRevSpec(parts[1]!)];
}

/** The version table and athanor's history: their rows change with every step, by design. */
function ownTables(config: { versionTable: { name: string; schema?: string | undefined }; historyTable: string | false }): string[] {
  const inSchema = (name: string) => (config.versionTable.schema ? `${config.versionTable.schema}.${name}` : name);
  const names = [config.versionTable.name];
  if (config.historyTable !== false) names.push(config.historyTable, startedMarkersTableOf(config.historyTable));
  return names.map(inSchema);
}
