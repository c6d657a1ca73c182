// `generate` (and `revision --autogenerate`): compare the models with the database at
// the head and write the revision that makes them match (Alembic's `command.revision`
// with autogenerate). The caller gets what was compared and what was written, typed.
import type { AutogenerateResult } from "../autogenerate/autogenerate.js";
import type { Operation } from "../ops/operation.js";
import { parseRevSpec } from "../graph/rev-spec.js";
import { writeNewRevision } from "../scripts/authoring.js";
import { dependenciesForNewRevision, parentsForNewRevision } from "../scripts/new-revision-parents.js";
import type { LoadedModels } from "../schema/load-models.js";
import { diffModels, requireAtParents } from "./compare-models.js";
import type { CreateRevisionOptions, WrittenRevision } from "./new-revision.js";
import type { Project } from "./project.js";
import { silentReporter, type Reporter } from "./reporter.js";
import { comparisonLines, unmodelledAdvice } from "./model-report.js";

export interface GenerateOptions extends Omit<CreateRevisionOptions, "format"> {
  /** Also drop the tables and enums only the database has that no include rule covers. */
  readonly dropUnmodelled?: boolean;
  /** Compare and return the operations, but write no file (`generate --sql`). */
  readonly dryRun?: boolean;
  /** The database's name as it is opened, the model modules loaded, warnings. */
  readonly reporter?: Reporter;
}

export interface GenerateResult {
  /** The file written; null when nothing changed or with `dryRun`. */
  readonly written: WrittenRevision | null;
  /** The operations of the revision's upgrade (empty: the models match). */
  readonly upgradeOps: readonly Operation[];
  readonly models: LoadedModels;
  readonly comparison: AutogenerateResult;
}

/**
 * ### Examples
 *     const project = await openProject();
 *     const { written } = await generateRevision(project, { message: "add nickname" });
 *     console.log(written?.path ?? "No changes detected");
 */
export async function generateRevision(project: Project, options: GenerateOptions): Promise<GenerateResult> {
  const reporter = options.reporter ?? silentReporter;
  const map = project.revisionMap();
  const parents = parentsForNewRevision(map, parseRevSpec(options.head ?? "head"), options.splice ?? false);
  const diff = await diffModels(project, { requireModels: true, dropUnmodelled: options.dropUnmodelled ?? false, onNotice: (line) => reporter.note(line) });
  requireAtParents(diff.currentHeads, parents, diff.database);
  const comparison = diff.result!;
  const models = diff.models!;
  for (const line of comparisonLines(models, comparison)) reporter.note(line);
  for (const warning of models.warnings) reporter.warn(warning);
  if (comparison.unmodelled.length > 0)
    reporter.warn(`not dropped: ${unmodelledAdvice(comparison.unmodelled, comparison.compared, project.config.schemas[0] ?? "public")}`);
  for (const warning of comparison.warnings) reporter.warn(warning);
  const result = { upgradeOps: comparison.upgradeOps, models, comparison };
  if (comparison.empty || options.dryRun) return { ...result, written: null };
  const written = writeNewRevision(project.config, map, {
    revId: options.revId,
    versionPath: options.versionPath,
    message: options.message,
    downRevisions: parents,
    branchLabels: options.branchLabels ?? [],
    dependsOn: dependenciesForNewRevision(map, options.dependsOn ?? []),
    format: "ts",
    upgradeBody: comparison.upgradeBody,
    downgradeBody: comparison.downgradeBody,
  });
  return { ...result, written: { path: written.path, revision: written.revision, message: options.message } };
}
