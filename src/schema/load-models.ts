// loadModels(): imports the project's model modules (TypeScript, through tsx, loaded
// only here so commands that do not compare models never pay for it) and collects
// every exported table and enum into one ModelSchema. A directory is searched with its
// subdirectories; a table declared while the modules load but exported by none of them
// is reported, since autogenerate cannot see it.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";
import { withModuleSetLoader } from "../scripts/typescript-loader.js";
import { type Declaration, watchDeclarations } from "./declared-tables.js";
import { type ModelSchema, collectModels, mergeModels } from "./model-schema.js";
import { getTableInfo, isTable } from "./table.js";

const moduleExtensions = [".ts", ".mts", ".js", ".mjs"];

/** A model module that was loaded, and what it exports. */
export interface ModelModule {
  /** Relative to the project directory. */
  readonly file: string;
  readonly tables: number;
  readonly enums: number;
}

export interface LoadedModels extends ModelSchema {
  readonly modules: readonly ModelModule[];
  /** Tables declared but not exported, with the file and line of each. */
  readonly warnings: readonly string[];
}

const isModule = (name: string) =>
  moduleExtensions.some((ext) => name.endsWith(ext)) && !name.endsWith(".d.ts") && !name.includes(".test.") && !name.includes(".spec.");

/** The module files of a path: itself, or every module under a directory (dependencies and hidden directories skipped). */
function expand(file: string): string[] {
  if (!statSync(file).isDirectory()) return [file];
  return readdirSync(file, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(file, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : expand(full);
      return isModule(entry.name) ? [full] : [];
    });
}

function notExported(declared: readonly Declaration[], exported: ReadonlySet<unknown>, cwd: string): string[] {
  return declared
    .filter((d) => !exported.has(d.table) && isTable(d.table))
    .map((d) => {
      const info = getTableInfo(d.table as never);
      const name = info.schema ? `${info.schema}.${info.name}` : info.name;
      const where = d.site ? path.relative(cwd, d.site) : "a model module";
      return `${where}: table ${name} is declared but not exported, so autogenerate does not compare it; export it from a model module, or delete it`;
    });
}

/**
 * Imports each module (a file, or every module under a directory) and collects the
 * tables and enums they export.
 *
 * ### Examples
 *     const models = await loadModels(["app/models"], process.cwd());
 *     for (const m of models.modules) console.error(`${m.file}: ${m.tables} tables`);
 */
export async function loadModels(modulePaths: readonly string[], cwd: string): Promise<LoadedModels> {
  const files: string[] = [];
  for (const p of modulePaths) {
    const full = path.resolve(cwd, p);
    if (!existsSync(full)) {
      throw errors.invalidModels(`Model module ${p} does not exist (looked in ${full})`, {
        hint: "Fix the `models` paths in athanor.config.ts: files or directories relative to the project.",
      });
    }
    for (const file of expand(full)) if (!files.includes(file)) files.push(file);
  }
  const { result: parts, declared } = await withModuleSetLoader(files, (load) =>
    watchDeclarations(async () => {
      const loaded: { file: string; schema: ModelSchema; exports: unknown[] }[] = [];
      for (const file of files) {
        const shown = path.relative(cwd, file);
        let exports: Record<string, unknown>;
        try {
          exports = await load(file);
        } catch (error) {
          throw errors.invalidModels(`Cannot load model module ${shown}: ${(error as Error).message}`, {
            hint: "Fix the error in the model file; it must import cleanly on its own.",
            cause: error,
          });
        }
        const values = Object.values(exports);
        loaded.push({ file: shown, schema: collectModels(values, shown), exports: values });
      }
      return loaded;
    }),
  );
  const exported = new Set(parts.flatMap((p) => p.exports));
  const models = mergeModels(parts.map((p) => p.schema));
  return {
    ...models,
    modules: parts.map((p) => ({ file: p.file, tables: p.schema.tables.length, enums: p.schema.enums.length })),
    warnings: notExported(declared, exported, cwd),
  };
}
