// `lint`: which revisions a rev spec or range names, linted offline (no database) with
// the project's lock timeout and disabled rules. No argument is every head (the
// revisions just written); a rev spec the revisions it names; `a:b` what `athanor sql
// a:b` would run (after a, up to b; `base:head` is all). `check --lint` lints the
// revisions pending on a database through lintSourcesOf.
import path from "node:path";
import { errors } from "../error-factories.js";
import { planUpgrade } from "../graph/plan-upgrade.js";
import { resolveRevisions } from "../graph/resolve-rev-spec.js";
import { HEADS, parseRevSpecOrRange, type RevRange, type RevSpec, revSpecText } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { shownArgument } from "../graph/shown-argument.js";
import type { LintFinding } from "../lint/lint.js";
import type { Project } from "./project.js";

export interface LintProjectOptions {
  /** A rev spec or `a:b`; omitted: the heads. */
  readonly range?: string | undefined;
}

export interface LintResult {
  /** true exactly when findings is empty. */
  readonly ok: boolean;
  /** The revisions read, in the order they would run. */
  readonly revisions: readonly { readonly revision: string; readonly path: string }[];
  readonly findings: readonly LintFinding[];
}

/**
 * ### Examples
 *     const result = await lintProject(await openProject(), { range: "base:head" });
 *     for (const f of result.findings) console.error(`${f.path}:${f.line} ${f.rule} ${f.message}`);
 */
export async function lintProject(project: Project, options: LintProjectOptions = {}): Promise<LintResult> {
  const range = options.range === undefined ? undefined : parseRevSpecOrRange(options.range);
  const sources = revisionsToLint(project.revisionMap(), range);
  const findings = await lintSourcesOf(project, sources);
  return { ok: findings.length === 0, revisions: sources.map((s) => ({ revision: s.revision, path: s.path })), findings };
}

/** The revisions `range` names, in the order they would run. */
export function revisionsToLint(map: RevisionMap, range: RevSpec | RevRange | undefined): RevisionSource[] {
  if (range === undefined) return resolveRevisions(map, HEADS).map((r) => r.source);
  if (range.kind !== "range") {
    const named = resolveRevisions(map, range);
    if (named.length === 0) {
      const text = revSpecText(range);
      throw errors.badRevSpec(`'${shownArgument(text)}' names no revision to lint`, {
        hint: "name a revision, `heads`, or a range such as base:head",
        details: { spec: text },
      });
    }
    return named.map((r) => r.source);
  }
  const { from, to } = range;
  const start = from === undefined ? [] : resolveRevisions(map, from).map((r) => r.id);
  return planUpgrade(map, start, to ?? HEADS).steps.map((step) => map.get(step.revision)!.source);
}

/** Lints `sources` with the project's settings; the config file is named when one of its disabled ids is unknown. */
export async function lintSourcesOf(project: Project, sources: readonly RevisionSource[]): Promise<LintFinding[]> {
  const { lintSources } = await import("../runtime/lint-revisions.js");
  const { config } = project;
  const configFile = config.configFile === null ? undefined : path.relative(process.cwd(), config.configFile) || config.configFile;
  return lintSources(sources, {
    cwd: config.cwd,
    lockTimeout: config.lockTimeout,
    disable: config.lint?.disable ?? [],
    ...(configFile === undefined ? {} : { configFile }),
  });
}
