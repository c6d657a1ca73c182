// Finds the revision files in the configured version locations (Alembic's
// version_locations) and reads each one's metadata. Synchronous and execution-free, so
// read-only commands (heads, history, current) cost a directory walk and a text scan.
import { readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { AthanorError } from "../graph/errors.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { readRevisionFile, revisionFormatOf } from "./read-revision-file.js";

export interface VersionLocation {
  /** A directory, relative to the working directory or absolute. */
  readonly path: string;
  /** Also scan subdirectories (Alembic's recursive_version_locations). */
  readonly recursive?: boolean;
}

export const DEFAULT_VERSION_LOCATIONS: readonly VersionLocation[] = [{ path: "versions" }];

// Directories that never hold revisions; dot-directories are skipped as well.
const SKIPPED_DIRECTORIES = new Set(["__pycache__", "node_modules"]);

export interface ScanOptions {
  /** Paths in the result are relative to this directory. */
  readonly cwd: string;
}

/**
 * Reads every revision file in `locations`, sorted by path. Files that are not revisions
 * (README, `.d.ts`, dotfiles, other extensions) are skipped; a missing location is an error.
 */
export function scanRevisionFiles(
  locations: readonly VersionLocation[] = DEFAULT_VERSION_LOCATIONS,
  options: ScanOptions,
): RevisionSource[] {
  // The relative directory is computed once per directory, not once per file.
  const shownDirectories = new Map<string, string>();
  return listRevisionFiles(locations, options).map((file) => {
    const directory = path.dirname(file);
    let shown = shownDirectories.get(directory);
    if (shown === undefined) {
      shown = path.relative(options.cwd, directory);
      shownDirectories.set(directory, shown);
    }
    return readRevisionFile(file, shown === "" ? path.basename(file) : `${shown}${path.sep}${file.slice(directory.length + 1)}`);
  });
}

/** The absolute paths of the revision files in `locations`, sorted, without reading them. */
export function listRevisionFiles(locations: readonly VersionLocation[], options: ScanOptions): string[] {
  const files = new Set<string>();
  for (const location of locations) {
    const directory = path.resolve(options.cwd, location.path);
    collect(directory, location.recursive === true, files, location.path);
  }
  return [...files].sort();
}

function collect(directory: string, recursive: boolean, into: Set<string>, configured: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new AthanorError("NO_VERSIONS_DIRECTORY", `no versions directory at ${configured} (${directory})`, {
        hint: code === "ENOENT"
          ? `Run \`athanor init\` to create a project, or create the directory with \`mkdir -p ${configured}\`.`
          : `${configured} is a file; point the version locations at a directory.`,
        details: { path: directory },
      });
    }
    throw new AthanorError("UNREADABLE_FILE", `cannot read the versions directory ${configured}: ${(error as Error).message}`, {
      hint: "Check the directory's permissions.",
      details: { path: directory, code },
      cause: error,
    });
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith(".")) continue;
    const full = path.join(directory, name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryTarget(full));
    if (isDirectory) {
      if (recursive && !SKIPPED_DIRECTORIES.has(name)) collect(full, true, into, configured);
    } else if (revisionFormatOf(name) !== null) {
      into.add(full);
    }
  }
}

function isDirectoryTarget(full: string): boolean {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false; // a dangling link: not a directory, and reading it will say why
  }
}
