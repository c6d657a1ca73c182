// The few git questions `athanor rebase` asks about a project: is it a repository, what
// is the current branch's upstream, which files does a commit hold, which have changes
// not committed. git is run as a program; without it (or outside a repository) the
// answers are null and the caller decides what that means.
import { spawnSync } from "node:child_process";
import path from "node:path";

function git(cwd: string, args: readonly string[]): string | null {
  const run = spawnSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return run.status === 0 ? run.stdout : null;
}

/** The repository's top directory, or null outside one (or without git). */
export function gitRoot(cwd: string): string | null {
  return git(cwd, ["rev-parse", "--show-toplevel"])?.trim() || null;
}

/** The current branch's upstream (`origin/main`), or null when it has none. */
export function upstreamOf(cwd: string): string | null {
  return git(cwd, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])?.trim() || null;
}

/** True when `ref` names a commit. */
export function refExists(cwd: string, ref: string): boolean {
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) !== null;
}

/** The absolute paths of the files `ref` holds under `directories`. */
export function filesAt(root: string, ref: string, directories: readonly string[]): Set<string> {
  const listed = git(root, ["ls-tree", "-r", "--name-only", ref, "--", ...directories.map((d) => path.relative(root, d) || ".")]) ?? "";
  return new Set(
    listed
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => path.join(root, line)),
  );
}

/** The files among `files` (absolute) with changes not committed, untracked ones included. */
export function uncommitted(root: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const status = git(root, ["status", "--porcelain", "--untracked-files=all", "--", ...files.map((f) => path.relative(root, f))]) ?? "";
  return status
    .split("\n")
    .filter((line) => line.length > 3)
    .map((line) => path.join(root, line.slice(3)));
}
