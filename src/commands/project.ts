// Opens the project a command works on: its configuration, its revision graph, and a
// Migrator for commands that reach the database. Nothing here connects: the Migrator
// connects only when a command asks it to. The CLI and library callers share it.
import { loadConfig, type AthanorConfig } from "../config/index.js";
import type { AthanorConfigInput } from "../config/index.js";
import { RevisionMap } from "../graph/revision-map.js";
import type { Connection } from "../runtime/connection.js";
import type { Migrator, StepDone } from "../runtime/migrator.js";
import { scanRevisionFiles } from "../scripts/scan-version-locations.js";

export interface ProjectOptions {
  /** Where the config is looked for (walking up to the package or repository root); default the process's. */
  cwd?: string;
  configFile?: string | undefined;
  overrides?: AthanorConfigInput;
}

export interface Project {
  readonly config: AthanorConfig;
  /** The revision graph; revision files are read on first use and validated. */
  revisionMap(): RevisionMap;
}

export async function openProject(options: ProjectOptions = {}): Promise<Project> {
  const config = await loadConfig({
    cwd: options.cwd ?? process.cwd(),
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    overrides: options.overrides ?? {},
  });
  let map: RevisionMap | undefined;
  return {
    config,
    revisionMap() {
      map ??= RevisionMap.fromSources(
        scanRevisionFiles(
          config.versionLocations.map((path) => ({ path, recursive: config.recursiveVersionLocations })),
          { cwd: config.cwd },
        ),
      );
      return map;
    },
  };
}

export interface MigratorHooks {
  onProgress(line: string): void;
  onStepDone?(event: StepDone): void;
  onNotice(line: string): void;
  onWarning(line: string): void;
}

/**
 * The runtime is loaded here, on first use: read-only commands never pay for it. With
 * `connection`, the Migrator works in that open session instead of opening its own.
 */
export async function migratorFor(project: Project, hooks: MigratorHooks, connection?: Connection): Promise<Migrator> {
  const { Migrator } = await import("../runtime/migrator.js");
  return new Migrator({
    config: project.config,
    ...(connection === undefined ? {} : { connection }),
    revisions: project.revisionMap(),
    onProgress: hooks.onProgress,
    ...(hooks.onStepDone ? { onStepDone: hooks.onStepDone } : {}),
    onNotice: hooks.onNotice,
    onWarning: hooks.onWarning,
  });
}
