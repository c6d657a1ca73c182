// `squash a:b`: one new revision on `a` that stands for every revision after it up to `b`
// (Django's squashmigrations, in Alembic's graph). Its body comes from comparing the
// schema at both ends on scratch databases (squash-operations.ts), its `replaces` lists
// the revisions it stands for, and the graph does the rest (src/graph/squash-view.ts):
// new databases run the squash alone, databases inside the range go on with the old
// revisions, and the old files may be deleted once no database needs them.
import { planSquash } from "../graph/plan-squash.js";
import type { DataStep } from "../runtime/squash-data-steps.js";
import { writeNewRevision } from "../scripts/authoring.js";
import type { WrittenRevision } from "./new-revision.js";
import type { Project } from "./project.js";
import { silentReporter, type Reporter } from "./reporter.js";
import { compareRangeEnds } from "./squash-operations.js";

export interface SquashOptions {
  /** `a:b`: the revision before the range (or `base`) and the last revision to replace. */
  readonly range: string;
  readonly message: string;
  readonly revId?: string | undefined;
  readonly versionPath?: string | undefined;
  /** A PostgreSQL server for the scratch databases; default in-memory PGlite. */
  readonly url?: string | undefined;
  /** Build and return the file's text; write nothing. */
  readonly dryRun?: boolean;
  readonly reporter?: Reporter;
}

export interface SquashResult {
  /** The squash revision; with dryRun, what would be written (`path` is where). */
  readonly written: WrittenRevision;
  /** The new file's text. */
  readonly text: string;
  readonly dryRun: boolean;
  /** The squash's downRevision: the revision before the range; null for base. */
  readonly downRevision: string | null;
  /** The revisions it replaces, oldest first. */
  readonly replaces: readonly string[];
  /** Operations in its upgrade. */
  readonly operations: number;
  /** Data steps of the replaced revisions: to copy by hand into the squash. */
  readonly dataSteps: readonly DataStep[];
  /** How the schema the squash builds differs from the one at `b` (run on a scratch database): [] when it is the same. */
  readonly differences: readonly string[];
  /** Every warning, also sent to the reporter. */
  readonly warnings: readonly string[];
}

/**
 * ### Examples
 *     const project = await openProject();
 *     const { written, dataSteps } = await squashRevisions(project, { range: "0001:0005", message: "squash 0002-0005" });
 *     for (const step of dataSteps) console.warn(`${step.revision}: ${step.step}`);
 */
export async function squashRevisions(project: Project, options: SquashOptions): Promise<SquashResult> {
  const reporter = options.reporter ?? silentReporter;
  const map = project.revisionMap();
  const { base, revisions } = planSquash(map, options.range);
  const replaces = revisions.map((r) => r.id);
  const head = replaces[replaces.length - 1]!;
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
    reporter.warn(line);
  };
  const { squashDataSteps } = await import("../runtime/squash-data-steps.js");
  const data = await squashDataSteps(
    revisions.map((r) => r.source),
    project.config.cwd,
  );
  for (const step of data.steps) {
    const what = step.kind === "data" ? "data step" : "step autogenerate does not compare";
    warn(`${what} in ${step.revision} (${step.path}:${step.line}): ${step.step}; copy it by hand into the squash`);
  }
  for (const unread of data.unread)
    warn(`${unread.revision} (${unread.path}) could not be read offline for data steps (${unread.reason}); look for them by hand`);
  const { comparison, notCarried, differences } = await compareRangeEnds(project, { base: base?.id ?? null, head }, { url: options.url, reporter });
  for (const line of notCarried) warn(`not carried into the squash: ${line}`);
  for (const line of comparison.warnings) warn(line);
  for (const line of differences) warn(`the squash does not rebuild the schema at ${head}: ${line}; review it before use`);
  const todo = reviewNotes(data.steps, data.unread, [...notCarried, ...differences.map((line) => `${line} (schema at ${head})`)]);
  const written = writeNewRevision(project.config, map, {
    revId: options.revId,
    versionPath: options.versionPath,
    message: options.message,
    downRevisions: base === null ? [] : [base.id],
    // The labels the replaced revisions declare: the squash declares them in their place.
    branchLabels: revisions.flatMap((r) => r.branchLabels),
    replaces,
    format: "ts",
    upgradeBody: todo === "" ? comparison.upgradeBody : `${todo}\n${comparison.upgradeBody}`,
    downgradeBody: comparison.downgradeBody,
    dryRun: options.dryRun ?? false,
  });
  return {
    written: { path: written.path, revision: written.revision, message: options.message },
    text: written.text,
    dryRun: options.dryRun ?? false,
    downRevision: base?.id ?? null,
    replaces,
    operations: comparison.upgradeOps.length,
    dataSteps: data.steps,
    differences,
    warnings,
  };
}

/** The `// TODO review:` lines at the top of the squash's upgrade(), naming what it does not do. */
function reviewNotes(steps: readonly DataStep[], unread: readonly { revision: string; path: string }[], notCarried: readonly string[]): string {
  const lines: string[] = [];
  if (steps.length > 0) {
    lines.push(
      "// TODO review: the replaced revisions change data (or objects autogenerate does not compare), which a schema comparison cannot carry over; copy these steps by hand:",
    );
    for (const step of steps) lines.push(`//   ${step.revision} (${step.path}:${step.line}): ${step.step}`);
  }
  for (const one of unread) lines.push(`// TODO review: ${one.revision} (${one.path}) could not be read offline; copy its data steps, if any, by hand`);
  for (const line of notCarried) lines.push(`// TODO review: not carried over: ${line}`);
  return lines.join("\n");
}
