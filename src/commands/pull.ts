// `pull`: the live database as model modules, so a database built before migrations can
// adopt athanor (pull → generate "initial" on an empty database → stamp head). Reads what
// `check` compares, in one read-only session, and writes the files only when none of them
// exists or `force` says to replace them. The caller gets what was written, typed.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type PulledFile, pullModels } from "../autogenerate/pull-models.js";
import { readPullScope } from "../autogenerate/pull-scope.js";
import { startedMarkersTableOf } from "../config/defaults.js";
import { inspectDatabase } from "../runtime/inspect-database.js";
import { writeModelFiles } from "../scripts/write-model-files.js";
import type { Project } from "./project.js";
import { silentReporter, type Reporter } from "./reporter.js";

export interface PullOptions {
  /** The directory to write into (relative: to the project); default the config's models directory. */
  readonly outDir?: string;
  /** Only these schemas; default every schema `check` compares. */
  readonly schemas?: readonly string[];
  /** Replace model files that exist. */
  readonly force?: boolean;
  readonly reporter?: Reporter;
}

export interface PulledModelFile extends Omit<PulledFile, "file" | "source"> {
  /** Relative to the project. */
  readonly path: string;
}

export interface PullResult {
  /** The database as output names it (never with its password). */
  readonly database: string;
  /** Where the files went, relative to the project. */
  readonly directory: string;
  /** False when the config's `models` do not cover the directory: generate and check will not read it. */
  readonly readByModels: boolean;
  readonly files: readonly PulledModelFile[];
  /** Each object the models cannot declare as the database has it (also sent to the reporter). */
  readonly warnings: readonly string[];
}

/** The config's models directory (app/models when none is set), or `outDir`; and whether `models` covers it. */
function outputDirectory(project: Project, outDir: string | undefined): { full: string; shown: string; read: boolean } {
  const { cwd, models } = project.config;
  const modelPaths = models.map((m) => path.resolve(cwd, m));
  const isDirectory = (p: string) => (existsSync(p) ? statSync(p).isDirectory() : !/\.[cm]?[jt]s$/.test(p));
  const configured = modelPaths.find(isDirectory) ?? (modelPaths[0] === undefined ? undefined : path.dirname(modelPaths[0]));
  const full = outDir === undefined ? (configured ?? path.resolve(cwd, "app/models")) : path.resolve(cwd, outDir);
  const read = modelPaths.some((m) => isDirectory(m) && (full === m || full.startsWith(`${m}${path.sep}`)));
  return { full, shown: path.relative(cwd, full) || ".", read };
}

/** Model modules already in the directory that pull does not write (the project's own). */
function otherModules(directory: string, pulled: readonly string[]): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => /\.[cm]?[jt]s$/.test(name) && !name.endsWith(".d.ts") && !/\.(test|spec)\./.test(name) && !pulled.includes(name))
    .sort();
}

/**
 * ### Examples
 *     const result = await pullProject(await openProject(), { schemas: ["billing"] });
 *     for (const f of result.files) console.log(`${f.path}: ${f.tables} tables`);
 */
export async function pullProject(project: Project, options: PullOptions = {}): Promise<PullResult> {
  const reporter = options.reporter ?? silentReporter;
  const { config } = project;
  const target = outputDirectory(project, options.outDir);
  const versionTable = config.versionTable.schema ? `${config.versionTable.schema}.${config.versionTable.name}` : config.versionTable.name;
  const { pulled, database } = await inspectDatabase(
    config,
    async (db) => ({
      database: db.description,
      pulled: await readPullScope({
        query: db.query,
        schemas: config.schemas,
        ...(options.schemas && options.schemas.length > 0 ? { only: options.schemas } : {}),
        ...(config.include ? { include: config.include } : {}),
        versionTable,
        ignoreTables: config.historyTable === false ? [] : [config.historyTable, startedMarkersTableOf(config.historyTable)],
      }),
    }),
    (line) => reporter.note(line),
  );
  const models = pullModels(pulled);
  const result = { database, directory: target.shown, readByModels: target.read };
  if (models.files.length === 0) {
    const schemas = options.schemas && options.schemas.length > 0 ? options.schemas : pulled.snapshot.schemas;
    reporter.warn(`${database} has no tables, enums or sequences in the schemas pulled (${schemas.join(", ")}); nothing written`);
    return { ...result, files: [], warnings: [] };
  }
  const others = otherModules(
    target.full,
    models.files.map((f) => f.file),
  );
  const written = writeModelFiles(target.full, models.files, { cwd: config.cwd, force: options.force ?? false });
  for (const warning of models.warnings) reporter.warn(warning);
  if (others.length > 0) {
    reporter.warn(
      `${target.shown} also holds ${others.join(", ")}: a table declared there and in the pulled files is declared twice, which generate and check refuse; remove those modules or merge them into the pulled ones`,
    );
  }
  if (!target.read) {
    reporter.warn(
      `${target.shown} is not among the config's models, so generate and check will not read it; add it to athanor.config.ts: models: [${JSON.stringify(target.shown)}]`,
    );
  }
  return {
    ...result,
    files: models.files.map((f, i) => ({ path: written[i]!, schema: f.schema, tables: f.tables, enums: f.enums, sequences: f.sequences })),
    warnings: models.warnings,
  };
}
