// Finds the revision files in the configured version locations (Alembic's
// version_locations) and reads each one's metadata. Synchronous and execution-free, so
// read-only commands (heads, history, current) cost a directory walk and a text scan.
import { readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { readRevisionText, revisionFormatOf, type RevisionFormat } from "./read-revision-file.js";

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
export function scanRevisionFiles(locations: readonly VersionLocation[] = DEFAULT_VERSION_LOCATIONS, options: ScanOptions): RevisionSource[] {
  // The relative directory is computed once per directory, not once per file.
  const shownDirectories = new Map<string, string>();
  return listEntries(locations, options).map(({ directory, name, format }) => {
    let shown = shownDirectories.get(directory);
    if (shown === undefined) {
      shown = path.relative(options.cwd, directory);
      shownDirectories.set(directory, shown);
    }
    return readRevisionText(absolutePathOf({ directory, name }), shown === "" ? name : `${shown}${path.sep}${name}`, name, format);
  });
}

interface Entry {
  readonly directory: string;
  readonly name: string;
  readonly format: RevisionFormat;
}

function absolutePathOf(entry: Pick<Entry, "directory" | "name">): string {
  return `${entry.directory}${path.sep}${entry.name}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every revision file of the locations once, sorted by absolute path. */
function listEntries(locations: readonly VersionLocation[], options: ScanOptions): Entry[] {
  const entries: Entry[] = [];
  for (const location of locations) {
    const directory = path.resolve(options.cwd, location.path);
    collect(directory, location.recursive === true, entries, location.path);
  }
  // One directory (the usual case) is listed in name order already; otherwise sort by
  // full path, and drop a file that two overlapping locations both listed.
  if (locations.length === 1 && locations[0]!.recursive !== true) return entries;
  const sorted = entries.map((entry) => ({ entry, key: absolutePathOf(entry) })).sort((a, b) => compareText(a.key, b.key));
  return sorted.filter((item, i) => i === 0 || item.key !== sorted[i - 1]!.key).map((item) => item.entry);
}

function collect(directory: string, recursive: boolean, into: Entry[], configured: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw errors.noVersionsDirectory(`no versions directory at ${configured} (${directory})`, {
        hint:
          code === "ENOENT"
            ? `Run \`athanor init\` to create a project, or create the directory with \`mkdir -p ${configured}\`.`
            : `${configured} is a file; point the version locations at a directory.`,
        details: { path: directory },
      });
    }
    throw errors.unreadableFile(`cannot read the versions directory ${configured}: ${(error as Error).message}`, {
      hint: "Check the directory's permissions.",
      details: { path: directory, code },
      cause: error,
    });
  }
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith(".")) continue;
    const format = entry.isDirectory() ? null : revisionFormatOf(name);
    if (format !== null && !entry.isSymbolicLink()) {
      into.push({ directory, name, format });
      continue;
    }
    const full = path.join(directory, name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryTarget(full))) {
      if (recursive && !SKIPPED_DIRECTORIES.has(name)) collect(full, true, into, configured);
    } else if (format !== null) {
      into.push({ directory, name, format });
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
