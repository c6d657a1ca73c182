// What `revision`, `merge` and `generate` share: where a new file goes and its id, chosen
// and written under the authoring lock so concurrent writers never share an id.
import path from "node:path";
import { AthanorError } from "../graph/errors.js";
import type { RevisionMap } from "../graph/revision-map.js";
import { newRevisionId } from "../scripts/revision-id.js";
import { scanRevisionFiles } from "../scripts/scan-version-locations.js";
import { writeRevisionFile, type WriteRevisionOptions } from "../scripts/write-revision.js";
import { withAuthoringLock } from "./authoring-lock.js";
import type { Project } from "./project.js";

export interface NewRevision {
  revId?: string | undefined;
  versionPath?: string | undefined;
  message: string;
  downRevisions: readonly string[];
  branchLabels?: readonly string[];
  dependsOn?: readonly string[];
  format: "ts" | "sql";
  upgradeBody?: string;
  downgradeBody?: string;
}

/** Writes the file; returns its path relative to the project. */
export function writeNewRevision(project: Project, map: RevisionMap, revision: NewRevision): { path: string; revision: string } {
  const { config } = project;
  for (const label of revision.branchLabels ?? []) {
    if (map.labelOwner(label) !== undefined || map.get(label) !== undefined) {
      throw new AthanorError("DUPLICATE_BRANCH_LABEL", `Branch label '${label}' is already used by revision ${(map.labelOwner(label) ?? map.get(label))!.id}`, {
        hint: "Pick another label; `athanor branches` and `athanor heads` show the labels in use.",
      });
    }
  }
  const location = revision.versionPath ?? config.versionLocations[0] ?? "versions";
  if (revision.versionPath !== undefined && !config.versionLocations.some((l) => path.resolve(config.cwd, l) === path.resolve(config.cwd, location))) {
    throw new AthanorError("USAGE", `--version-path ${location} is not one of the configured version locations (${config.versionLocations.join(", ")})`, {
      hint: "Add it to versionLocations in athanor.config.ts, or leave --version-path out.",
    });
  }
  const directory = path.resolve(config.cwd, location);
  // The id is chosen under the lock from the files as they are now, not as they were when
  // the map was read: another writer may have added one in between.
  return withAuthoringLock(directory, () => {
    const existing = [...new Set([...map.revisions.map((r) => r.id), ...idsOnDisk(project)])];
    const id = revision.revId ?? newRevisionId(config.revisionIds, existing);
    const written = writeRevisionFile(writeOptions(project, directory, id, existing, revision));
    return { path: path.relative(config.cwd, written.path), revision: id };
  });
}

function writeOptions(project: Project, directory: string, id: string, existing: readonly string[], revision: NewRevision): WriteRevisionOptions {
  const { config } = project;
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
    ...(revision.upgradeBody === undefined ? {} : { upgradeBody: revision.upgradeBody }),
    ...(revision.downgradeBody === undefined ? {} : { downgradeBody: revision.downgradeBody }),
    ...(config.templatesDir === undefined ? {} : { templatesDir: path.resolve(config.cwd, config.templatesDir) }),
  };
}

/** Revision ids declared by the files in the version locations right now. */
function idsOnDisk(project: Project): string[] {
  const { config } = project;
  try {
    const locations = config.versionLocations.map((location) => ({ path: location, recursive: config.recursiveVersionLocations }));
    return scanRevisionFiles(locations, { cwd: config.cwd }).map((source) => source.revision);
  } catch {
    // A file that appeared broken since the map was read: the map's ids still hold.
    return [];
  }
}
