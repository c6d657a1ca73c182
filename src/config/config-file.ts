// Finds and imports the optional athanor.config.{ts,mts,js,mjs}. tsx is imported only
// when a config file exists, so a directory holding only versions/ costs nothing extra.
import { existsSync } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";
import { loadModule } from "../scripts/typescript-loader.js";

const configFileNames = ["athanor.config.ts", "athanor.config.mts", "athanor.config.js", "athanor.config.mjs"] as const;

/**
 * The explicit config file (which must exist), or the nearest one from `cwd` up to the
 * package or repository root (the first directory holding package.json or .git), as
 * npm finds a package: `athanor` run from a project's subdirectory uses the project's
 * config. Null when there is none.
 */
export function findConfigFile(cwd: string, explicit?: string): string | null {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) {
      throw errors.configInvalid(`config file ${explicit} does not exist`, {
        hint: "check the --config path, or run `athanor init` to create athanor.config.ts",
      });
    }
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of configFileNames) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
    const root = existsSync(path.join(dir, "package.json")) || existsSync(path.join(dir, ".git"));
    if (root || path.dirname(dir) === dir) return null;
  }
}

/** The file's default export (or `config` export); a function is called to produce it. */
export async function importConfigFile(file: string, shown: string): Promise<unknown> {
  let module: Record<string, unknown>;
  try {
    // Loaded the way revisions are (tsx's require hook on this thread, an ES module only
    // when the file needs one): a config is self-contained, and registering the ESM loader
    // for it cost every command about 0.3 s of its 0.6 s (bench/README.md, CLI start).
    module = await loadModule(file);
  } catch (cause) {
    throw errors.configInvalid(`${shown} could not be loaded: ${(cause as Error).message}`, {
      hint: `fix the error in ${shown}; it must \`export default defineConfig({ ... })\``,
      cause,
    });
  }
  let value = module.default ?? module.config;
  // tsx importing a CommonJS-shaped module can nest the default one level deeper.
  if (value && typeof value === "object" && "default" in value && Object.keys(value).length === 1) {
    value = (value as { default: unknown }).default;
  }
  if (typeof value === "function") value = await (value as () => unknown)();
  if (value === undefined) {
    throw errors.configInvalid(`${shown} has no default export`, {
      hint: "end it with `export default defineConfig({ ... })`",
    });
  }
  return value;
}
