// The one way `lint` and `check --lint` lint a project's revisions: the runtime's
// collector (loaded on first use), with the configuration's lock timeout and disabled
// rules, the config file named when one of those rule ids is unknown.
import path from "node:path";
import type { RevisionSource } from "../graph/revision-source.js";
import type { LintFinding } from "../lint/lint.js";
import type { Project } from "./project.js";

export async function lintProjectRevisions(project: Project, sources: readonly RevisionSource[]): Promise<LintFinding[]> {
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
