// Where a Migrator's revisions come from: list (every revision's metadata, no module run)
// and load (one revision's module, when its step runs) — Kysely's MigrationProvider.
// Revision files in the version locations are the default; an application that bundles
// its revisions, or a test, gives its own.
import type { RevisionSource } from "../graph/revision-source.js";
import { loadRevision } from "../scripts/load-revision.js";
import { scanRevisionFiles } from "../scripts/scan-version-locations.js";
import { DEFAULT_VERSION_LOCATIONS } from "../config/defaults.js";
import type { LoadedRevision } from "./loaded-revision.js";

export interface RevisionProvider {
  /** Every revision's metadata; called once per Migrator. */
  list(): readonly RevisionSource[];
  /** The module of one revision `list` returned, ready to run. */
  load(source: RevisionSource): Promise<LoadedRevision>;
}

export interface RevisionFilesSettings {
  readonly cwd: string;
  readonly versionLocations?: readonly string[];
  readonly recursiveVersionLocations?: boolean;
}

/** The revision files in the version locations (read without running them), loaded with tsx. */
export function revisionFiles(settings: RevisionFilesSettings): RevisionProvider {
  const { cwd, versionLocations = DEFAULT_VERSION_LOCATIONS, recursiveVersionLocations = false } = settings;
  return {
    list: () =>
      scanRevisionFiles(
        versionLocations.map((path) => ({ path, recursive: recursiveVersionLocations })),
        { cwd },
      ),
    load: (source) => loadRevision(source, cwd),
  };
}
