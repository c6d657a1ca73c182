// Loads a revision when one of its steps runs: a TypeScript module through tsx (loaded
// lazily, so read-only commands never pay for it) or a SQL file's two sections. The
// runtime passes its Operations object to upgrade/downgrade; this module does not know it.
import path from "node:path";
import { errors } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import type { Utf8Text } from "../dialect/postgres/sql-text.js";
import { readSqlFile } from "./read-revision-file.js";
import { readSqlRevision } from "./read-sql-revision.js";
import { loadModule } from "./typescript-loader.js";

export type RevisionStep = (op: unknown) => Promise<void>;

export type LoadedRevision = { readonly format: "ts"; readonly upgrade: RevisionStep; readonly downgrade: RevisionStep } | SqlSections;

/** A SQL revision's two sections and the file line each starts on (for errors). */
export interface SqlSections {
  readonly format: "sql";
  readonly upgradeSql: string | Utf8Text;
  readonly upgradeLine: number;
  readonly downgradeSql: string | Utf8Text;
  readonly downgradeLine: number;
}

/**
 * Loads the file behind `source` (its path is relative to `cwd`).
 *
 * ### Examples
 * ```ts
 * const loaded = await loadRevision(source, process.cwd());
 * if (loaded.format === "ts") await loaded.upgrade(operations);
 * ```
 */
export async function loadRevision(source: RevisionSource, cwd: string): Promise<LoadedRevision> {
  const absolute = path.resolve(cwd, source.path);
  if (source.format === "sql") {
    const { upgradeSql, upgradeLine, downgradeSql, downgradeLine } = readSqlRevision(readSqlFile(absolute, source.path), source.path);
    return { format: "sql", upgradeSql, upgradeLine, downgradeSql, downgradeLine };
  }
  const module = await importModule(absolute, source);
  return {
    format: "ts",
    upgrade: stepOf(module, "upgrade", source),
    downgrade: stepOf(module, "downgrade", source),
  };
}

async function importModule(absolute: string, source: RevisionSource): Promise<Record<string, unknown>> {
  try {
    return await loadModule(absolute);
  } catch (error) {
    const missingTsx = (error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes("'tsx'");
    const reason = error instanceof Error ? error.message : String(error);
    throw errors.invalidRevisionFile(
      missingTsx
        ? `cannot load ${source.path}: tsx, which runs TypeScript revisions, is not installed`
        : `cannot load revision ${source.revision} from ${source.path}: ${reason}`,
      {
        hint: missingTsx ? "Install it next to athanor: npm install tsx" : "Fix the error in the file (or in a module it imports) and run the command again.",
        details: { file: source.path, revision: source.revision },
        cause: error,
      },
    );
  }
}

function stepOf(module: Record<string, unknown>, name: "upgrade" | "downgrade", source: RevisionSource): RevisionStep {
  // A module tsx compiled as CommonJS exposes its exports on `default` as well.
  const fromDefault = module.default as Record<string, unknown> | undefined;
  const step = module[name] ?? (typeof fromDefault === "object" && fromDefault !== null ? fromDefault[name] : undefined);
  if (typeof step !== "function") {
    throw errors.invalidRevisionFile(`${source.path} does not export a function \`${name}\` (revision ${source.revision})`, {
      hint: `Add \`export async function ${name}(op: Operations): Promise<void> { … }\` (an empty body is fine when there is nothing to do).`,
      details: { file: source.path, revision: source.revision },
    });
  }
  return async (op: unknown) => {
    await (step as (op: unknown) => unknown)(op);
  };
}
