// What `revision`, `merge` and `generate` share: where a new file goes, its parents and
// its id, decided and written under the authoring lock from the files as they are then,
// so writers started at once behave as if run one after the other.
import path from "node:path";
import { errors } from "../error-factories.js";
import { RevisionMap } from "../graph/revision-map.js";
import { newRevisionId } from "./revision-id.js";
import { scanRevisionFiles } from "./scan-version-locations.js";
import { writeRevisionFile, type WriteRevisionOptions } from "./write-revision.js";
import { withAuthoringLock } from "./authoring-lock.js";
import type { AthanorConfig } from "../config/index.js";

/** What writing a revision needs of the settings. */
export type AuthoringSettings = Pick<AthanorConfig, "cwd" | "versionLocations" | "recursiveVersionLocations" | "revisionIds" | "templatesDir">;

export interface NewRevision {
  revId?: string | undefined;
  versionPath?: string | undefined;
  message: string;
  /** Fixed parents, or a rule applied to the graph as it is once the lock is held. */
  downRevisions: readonly string[] | ((map: RevisionMap) => string[]);
  branchLabels?: readonly string[];
  dependsOn?: readonly string[];
  /** A squash revision's replaced revisions; the labels they declare move to the new file. */
  replaces?: readonly string[];
  format: "ts" | "sql";
  upgradeBody?: string;
  downgradeBody?: string;
  /** Render and check the file, write nothing. */
  dryRun?: boolean;
}

/** Writes the file; returns its path relative to the project, and its text. */
export function writeNewRevision(config: AuthoringSettings, map: RevisionMap, revision: NewRevision): { path: string; revision: string; text: string } {
  const location = revision.versionPath ?? config.versionLocations[0] ?? "versions";
  if (revision.versionPath !== undefined && !config.versionLocations.some((l) => path.resolve(config.cwd, l) === path.resolve(config.cwd, location))) {
    throw errors.usage(`--version-path ${location} is not one of the configured version locations (${config.versionLocations.join(", ")})`, {
      hint: "Add it to versionLocations in athanor.config.ts, or leave --version-path out.",
    });
  }
  const directory = path.resolve(config.cwd, location);
  return withAuthoringLock(directory, () => {
    // Another writer may have added a file since `map` was read.
    const current = rereadMap(config) ?? map;
    checkLabels(current, revision.branchLabels ?? [], revision.replaces ?? []);
    const downRevisions = typeof revision.downRevisions === "function" ? revision.downRevisions(current) : revision.downRevisions;
    const existing = current.revisions.map((r) => r.id);
    const id = revision.revId ?? newRevisionId(config.revisionIds, existing);
    const written = writeRevisionFile(writeOptions(config, directory, id, existing, { ...revision, downRevisions }));
    return { path: path.relative(config.cwd, written.path), revision: id, text: written.text };
  });
}

function checkLabels(map: RevisionMap, labels: readonly string[], replaced: readonly string[]): void {
  for (const label of labels) {
    const owner = map.labelOwner(label) ?? map.get(label);
    // A squash takes over the labels of the revisions it replaces: the views never show both.
    if (owner !== undefined && !(owner.branchLabels.includes(label) && replaced.includes(owner.id))) {
      throw errors.duplicateBranchLabel(`Branch label '${label}' is already used by revision ${owner.id} (${owner.path})`, {
        hint: "Pick another label; `athanor branches` and `athanor heads` show the labels in use.",
      });
    }
  }
}

function writeOptions(
  config: AuthoringSettings,
  directory: string,
  id: string,
  existing: readonly string[],
  revision: NewRevision & { downRevisions: readonly string[] },
): WriteRevisionOptions {
  return {
    directory,
    revision: id,
    downRevisions: revision.downRevisions,
    branchLabels: revision.branchLabels ?? [],
    dependsOn: revision.dependsOn ?? [],
    message: revision.message,
    createDate: new Date(),
    format: revision.format,
    existingRevisions: existing,
    ...(revision.replaces === undefined ? {} : { replaces: revision.replaces }),
    ...(revision.dryRun ? { dryRun: true } : {}),
    ...(revision.upgradeBody === undefined ? {} : { upgradeBody: revision.upgradeBody }),
    ...(revision.downgradeBody === undefined ? {} : { downgradeBody: revision.downgradeBody }),
    ...(config.templatesDir === undefined ? {} : { templatesDir: path.resolve(config.cwd, config.templatesDir) }),
  };
}

/** The graph as the files say now; undefined when a file broke since (the first read stands). */
function rereadMap(config: AuthoringSettings): RevisionMap | undefined {
  try {
    const locations = config.versionLocations.map((location) => ({ path: location, recursive: config.recursiveVersionLocations }));
    return RevisionMap.fromSources(scanRevisionFiles(locations, { cwd: config.cwd }));
  } catch {
    return undefined;
  }
}
