// A scratch database for a command that replays revisions (athanor test, squash): on the
// server given, else in-memory PGlite, opened with the project's connection settings.
import type { ScratchDatabase } from "../runtime/scratch-database.js";
import type { Project } from "./project.js";
import type { Reporter } from "./reporter.js";

/** Loaded on first use: commands that replay nothing never load the scratch-database code. */
export async function openProjectScratch(project: Project, url: string | undefined, reporter: Reporter): Promise<ScratchDatabase> {
  const { config } = project;
  const { openScratchDatabase } = await import("../runtime/scratch-database.js");
  return openScratchDatabase(url, {
    cwd: config.cwd,
    connectTimeout: config.connectTimeout,
    waitForDatabase: config.waitForDatabase,
    onNotice: (line: string) => reporter.note(line),
  });
}
