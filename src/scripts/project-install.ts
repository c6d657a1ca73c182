// Whether a project has athanor among its own packages, and what to tell it when not.
// Without one, the CLI lends its own package to the config, models and revisions
// (own-package-fallback.ts); the project still wants its own for a pinned version,
// for editor types, and for an application that migrates at startup.
import { existsSync } from "node:fs";
import path from "node:path";

/** True when `node_modules/athanor` exists in `directory` or a folder above it, as Node's resolution walks. */
export function projectHasAthanor(directory: string): boolean {
  for (let dir = path.resolve(directory); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules", "athanor", "package.json"))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/** The lines `init` prints for a project without athanor; none when it has it. */
export function installAdvice(directory: string): string[] {
  if (projectHasAthanor(directory)) return [];
  const hasManifest = existsSync(path.join(directory, "package.json"));
  return [
    "athanor is not installed in this project: until it is, athanor's commands give athanor.config.ts, the models and the revisions the athanor you ran.",
    `Add it to pin the version and get its types in your editor: ${hasManifest ? "" : "npm init -y && "}npm install --save-dev athanor (or npm install athanor when the application runs migrations at startup).`,
  ];
}
