// Model files on disk for `pull`: every target is checked before anything is written,
// so a refusal (a file exists and --force was not given) leaves the directory as it was.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";

export interface ModelFileText {
  /** Relative to the directory. */
  readonly file: string;
  readonly source: string;
}

/**
 * Writes `files` into `directory` (created when missing); returns their paths relative
 * to `cwd`. Without `force` an existing file is an error naming it, and nothing is written.
 *
 * ### Examples
 *     writeModelFiles("/app/app/models", [{ file: "public.ts", source }], { cwd: "/app", force: false });
 */
export function writeModelFiles(directory: string, files: readonly ModelFileText[], options: { cwd: string; force: boolean }): string[] {
  const shown = (full: string) => path.relative(options.cwd, full) || ".";
  const targets = files.map((f) => ({ full: path.join(directory, f.file), source: f.source }));
  const existing = targets.filter((t) => existsSync(t.full)).map((t) => shown(t.full));
  if (existing.length > 0 && !options.force) {
    throw errors.fileExists(
      `${existing[0]} already exists; pull does not overwrite model files${existing.length > 1 ? ` (nor ${existing.slice(1).join(", ")})` : ""}, and wrote nothing`,
      {
        hint: "Run again with --force to replace them, or --out DIR to write the models elsewhere.",
        details: { paths: existing },
      },
    );
  }
  try {
    mkdirSync(directory, { recursive: true });
    for (const t of targets) writeFileSync(t.full, t.source);
  } catch (error) {
    throw errors.unwritableDirectory(`cannot write model files in ${shown(directory)}: ${(error as Error).message}`, {
      hint: "Check the directory's permissions (and that the filesystem is not read-only), or choose another with --out DIR.",
      details: { path: directory, code: (error as NodeJS.ErrnoException).code },
      cause: error,
    });
  }
  return targets.map((t) => shown(t.full));
}
