// Where the benchmarks find athanor and keep their generated data. Generated projects
// live in bench/.work/ (git-ignored) inside the repository, so a revision file's
// `import type … from "athanor"` resolves to this package by self-reference.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoDir = path.dirname(benchDir);
export const readmePath = path.join(benchDir, "README.md");
export const athanorBin = path.join(repoDir, "dist", "cli", "bin.js");
export const floorScan = path.join(benchDir, "floor-scan.mjs");

/** A fresh (emptied) directory bench/.work/<name>. */
export function workDir(name: string, { keep = false } = {}): string {
  const dir = path.join(benchDir, ".work", name);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A fresh bench/.work/<name> for a generated project without a config file. Its
 * package.json makes it the project's root: athanor looks for athanor.config.ts up to
 * the nearest package.json or .git, and would otherwise take this repository's own
 * (versions/ of the example project). "type": "module" keeps the revision files ES
 * modules, as they are under the repository's package.json.
 */
export function projectDir(name: string): string {
  const dir = workDir(name);
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ private: true, type: "module" })}\n`);
  return dir;
}

/** Why athanor's side cannot run, or undefined when dist/cli/bin.js is built. */
export function athanorMissing(): string | undefined {
  return existsSync(athanorBin) ? undefined : "dist/cli/bin.js is not built (run `npm run build`)";
}

/** The environment athanor runs in: no DATABASE_URL leaking in from the caller's shell. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...extra };
  if (!("DATABASE_URL" in extra)) delete env.DATABASE_URL;
  return env;
}
