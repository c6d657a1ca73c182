// loadModels(): imports the project's model modules (TypeScript, through tsx, loaded
// only here so commands that do not compare models never pay for it) and collects
// every exported table and enum into one ModelSchema.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { AthanorError } from "../graph/errors.js";
import { importTypeScript } from "../scripts/typescript-loader.js";
import { type ModelSchema, collectModels, mergeModels } from "./model-schema.js";

const moduleExtensions = [".ts", ".mts", ".js", ".mjs"];

function expand(file: string): string[] {
  if (!statSync(file).isDirectory()) return [file];
  return readdirSync(file)
    .sort()
    .filter((name) => moduleExtensions.some((ext) => name.endsWith(ext)) && !name.endsWith(".d.ts") && !name.includes(".test."))
    .map((name) => path.join(file, name));
}

/**
 * Imports each module (a file, or every module in a directory) and collects the
 * tables and enums they export.
 *
 * ### Examples
 *     const models = await loadModels(["app/models"], process.cwd());
 */
export async function loadModels(modulePaths: readonly string[], cwd: string): Promise<ModelSchema> {
  const files: string[] = [];
  for (const p of modulePaths) {
    const full = path.resolve(cwd, p);
    if (!existsSync(full)) {
      throw new AthanorError("INVALID_MODELS", `Model module ${p} does not exist (looked in ${full})`, {
        hint: "Fix the `models` paths in athanor.config.ts: files or directories relative to the project.",
      });
    }
    files.push(...expand(full));
  }
  const parts: ModelSchema[] = [];
  for (const file of files) {
    let exports: Record<string, unknown>;
    try {
      exports = await importTypeScript(file);
    } catch (error) {
      throw new AthanorError("INVALID_MODELS", `Cannot load model module ${path.relative(cwd, file)}: ${(error as Error).message}`, {
        hint: "Fix the error in the model file; it must import cleanly on its own.",
        cause: error,
      });
    }
    parts.push(collectModels(Object.values(exports), path.relative(cwd, file)));
  }
  return mergeModels(parts);
}
