// `check`: the CI gate. Typed problems, each with what to do, from one read-only session:
// several heads, a database behind (or built before migrations), edited or interrupted
// revisions, models that differ from the revisions, objects no model declares.
import type { AutogenerateResult } from "../autogenerate/autogenerate.js";
import { assertKnownRows } from "../graph/current-heads.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import { HEADS } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";
import type { LoadedModels } from "../schema/load-models.js";
import type { LintFinding } from "../lint/lint.js";
import { compareModels, projectModels, sameRevisions } from "./compare-models.js";
import { lintSourcesOf } from "./lint.js";
import { comparisonLines, operationLines, unmodelledAdvice } from "./model-report.js";
import { migratorFor, type Project } from "./project.js";
import { silentReporter, type Reporter } from "./reporter.js";

export type CheckProblemKind =
  | "multiple-heads"
  | "objects-exist"
  | "not-at-head"
  | "models-differ"
  | "unmodelled"
  | "edited-revision"
  | "interrupted-revision"
  | "lint";

export interface CheckProblem {
  readonly kind: CheckProblemKind;
  /** One sentence with what to do, as the CLI prints it. */
  readonly message: string;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly problems: readonly CheckProblem[];
  /** The database as it is named in output (never with its password). */
  readonly database: string;
  readonly current: readonly string[];
  readonly heads: readonly string[];
  /** undefined when the project declares no models or the database is not at the heads. */
  readonly comparison: AutogenerateResult | undefined;
  readonly models: LoadedModels | undefined;
  /** With `lint`: the findings of the revisions pending on the database (each also a problem). */
  readonly lint?: readonly LintFinding[];
}

export interface CheckOptions {
  /** Also note which model modules were loaded and how many tables were compared. */
  readonly verbose?: boolean;
  /** Also lint the revisions an upgrade to the heads would run, as `athanor lint` does. */
  readonly lint?: boolean;
  readonly reporter?: Reporter;
}

/**
 * ### Examples
 *     const result = await checkProject(await openProject());
 *     if (!result.ok) for (const p of result.problems) console.error(p.kind, p.message);
 */
export async function checkProject(project: Project, options: CheckOptions = {}): Promise<CheckResult> {
  const reporter = options.reporter ?? silentReporter;
  const map = project.revisionMap();
  const { config } = project;
  const problems: CheckProblem[] = [];
  const heads = [...map.heads];
  if (heads.length > 1) {
    problems.push({ kind: "multiple-heads", message: `several heads: ${heads.join(", ")}; join them with \`athanor merge -m "merge_heads" heads\`` });
  }
  const [{ describeEdit }, { interruptedRevision }, { inspectDatabase }, { untrackedTables }] = await Promise.all([
    import("../runtime/edited-revisions.js"),
    import("../runtime/started-markers.js"),
    import("../runtime/inspect-database.js"),
    import("../runtime/untracked-tables.js"),
  ]);
  const ownTables = [config.versionTable, ...(config.historyTable === false ? [] : [{ name: config.historyTable, schema: config.versionTable.schema }])];
  // Models are compared only with a database at the heads: one behind differs from them
  // by the pending revisions' changes, and reporting those would advise a duplicate revision.
  // A database that went through a squashed range on the replaced revisions is at its view's heads.
  const isAtHeads = (currentHeads: readonly string[]) => sameRevisions(currentHeads, map.forRows(currentHeads).heads);
  const models = await projectModels(project, false);
  // One read-only session for every look (opening the embedded database takes a second).
  const { diff, edits, untracked, interrupted } = await inspectDatabase(
    config,
    async (db) => {
      // Rows naming no file stop the check as they stop upgrade: "run upgrade" would be wrong.
      assertKnownRows(map.forRows(db.currentHeads), db.currentHeads, db.versionTable);
      const diff = await compareModels(project, db, models, { compareWhen: isAtHeads });
      const migrator = await migratorFor(project, { onProgress: reporter.note, onNotice: reporter.note, onWarning: reporter.warn }, db.connection);
      return {
        diff,
        edits: await migrator.editedRevisions(),
        interrupted: await migrator.interruptedRevisions(),
        untracked: db.currentHeads.length === 0 ? await untrackedTables(db.connection, { schemas: config.schemas, ownTables }) : [],
      };
    },
    (line) => reporter.note(line),
  );
  if (!isAtHeads(diff.currentHeads) && untracked.length > 0) {
    problems.push({ kind: "objects-exist", message: builtBeforeMigrations(untracked, map) });
  } else if (!isAtHeads(diff.currentHeads)) {
    const at = diff.currentHeads.length === 0 ? "base (no revision applied)" : diff.currentHeads.join(", ");
    problems.push({
      kind: "not-at-head",
      message: `the database is at ${at}, the head(s) are ${heads.join(", ") || "none"}; run \`athanor upgrade${heads.length > 1 ? " heads" : ""}\``,
    });
  }
  for (const edit of edits) problems.push({ kind: "edited-revision", message: describeEdit(edit) });
  for (const marker of interrupted) {
    const error = interruptedRevision(marker, marker.path, diff.currentHeads);
    problems.push({ kind: "interrupted-revision", message: `${error.message}; ${error.hint}` });
  }
  const comparison = diff.result;
  if (models) for (const warning of models.warnings) reporter.warn(warning);
  if (models && options.verbose) for (const line of comparisonLines(models, comparison)) reporter.note(line);
  if (comparison !== undefined && !comparison.empty) problems.push({ kind: "models-differ", message: modelsDiffer(comparison) });
  if (comparison !== undefined && comparison.unmodelled.length > 0) {
    problems.push({ kind: "unmodelled", message: unmodelledAdvice(comparison.unmodelled, comparison.compared, config.schemas[0] ?? "public") });
  }
  // Offline, after the session closed: the pending revisions, from the database's rows.
  const pending = options.lint ? planUpgrade(map, diff.currentHeads, HEADS).steps.map((step) => map.get(step.revision)!.source) : undefined;
  const lint = pending === undefined ? undefined : await lintSourcesOf(project, pending);
  for (const finding of lint ?? []) {
    problems.push({ kind: "lint", message: `${finding.path}:${finding.line}  ${finding.rule}  ${finding.message}; fix: ${finding.fix}` });
  }
  return {
    ok: problems.length === 0,
    problems,
    database: diff.database,
    current: diff.currentHeads,
    heads,
    comparison,
    models,
    ...(lint === undefined ? {} : { lint }),
  };
}

/** The pending operations, one per line as a revision would call them. */
function modelsDiffer(comparison: AutogenerateResult): string {
  const calls = operationLines(comparison);
  const count = comparison.upgradeOps.length;
  return `the models differ from the revisions (${count} operation${count === 1 ? "" : "s"}); run \`athanor generate "<message>"\`\n${calls.map((c) => `    ${c}`).join("\n")}`;
}

/**
 * The version table records nothing, yet the database has tables: `upgrade` would fail on
 * the first revision's CREATE, so the advice is to stamp the revision the database matches.
 */
function builtBeforeMigrations(tables: readonly string[], map: RevisionMap): string {
  const first = map.heads.length === 0 ? undefined : planUpgrade(map, [], HEADS).steps[0]?.revision;
  const shown = tables.length > 5 ? `${tables.slice(0, 5).join(", ")}, …` : tables.join(", ");
  const stamp = first === undefined ? "`athanor stamp <revision>`" : `\`athanor stamp ${first}\` (or the later revision it matches)`;
  return `the database already has tables (${shown}) but its version table records no revision: it was built before migrations, and \`athanor upgrade\` would fail creating them again; if it matches revision ${first ?? "<revision>"}, record that with ${stamp}, then run \`athanor upgrade\``;
}
