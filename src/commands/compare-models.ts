// What `generate` and `check` share: load the configured models and compare them with
// the database, inside one read-only session that also reports the database's heads.
import { autogenerate, type AutogenerateResult } from "../autogenerate/autogenerate.js";
import { errors } from "../error-factories.js";
import { inspectDatabase, type DatabaseView } from "../runtime/inspect-database.js";
import { type LoadedModels, loadModels } from "../schema/load-models.js";
import type { Project } from "./project.js";
import { startedMarkersTableOf } from "../config/defaults.js";

export interface ModelDiff {
  readonly currentHeads: readonly string[];
  readonly database: string;
  /** undefined when the project declares no models. */
  readonly result: AutogenerateResult | undefined;
  readonly models: LoadedModels | undefined;
}

export interface DiffOptions {
  requireModels: boolean;
  /** Drop the tables only the database has that no include rule covers (`generate --drop-unmodelled`). */
  dropUnmodelled?: boolean;
  /** Compare only when the database's heads pass this test (default: always). */
  compareWhen?: (currentHeads: readonly string[]) => boolean;
  onNotice?: (line: string) => void;
}

export async function diffModels(project: Project, options: DiffOptions): Promise<ModelDiff> {
  const models = await projectModels(project, options.requireModels);
  return inspectDatabase(project.config, (db) => compareModels(project, db, models, options), options.onNotice);
}

/** The project's models; undefined when it declares none and none are required. */
export async function projectModels(project: Project, requireModels: boolean): Promise<LoadedModels | undefined> {
  const { config } = project;
  if (config.models.length === 0 && requireModels) {
    throw errors.configInvalid("no models to compare: the configuration names no model modules", {
      hint: 'Declare tables in app/models (see `athanor init`) and list them in athanor.config.ts: models: ["app/models"].',
    });
  }
  return config.models.length === 0 ? undefined : loadModels(config.models, config.cwd);
}

/** What diffModels reports, in a session the caller opened (`check` looks for more in it). */
export async function compareModels(
  project: Project,
  db: DatabaseView,
  models: LoadedModels | undefined,
  options: Pick<DiffOptions, "compareWhen" | "dropUnmodelled"> = {},
): Promise<ModelDiff> {
  const { config } = project;
  const versionTable = config.versionTable.schema ? `${config.versionTable.schema}.${config.versionTable.name}` : config.versionTable.name;
  return {
    currentHeads: db.currentHeads,
    database: db.description,
    models,
    result:
      models === undefined || options.compareWhen?.(db.currentHeads) === false
        ? undefined
        : await autogenerate({
            query: db.query,
            models,
            schemas: config.schemas,
            versionTable,
            ignoreTables: config.historyTable === false ? [] : [config.historyTable, startedMarkersTableOf(config.historyTable)],
            ...(config.include ? { include: config.include } : {}),
            dropUnmodelled: options.dropUnmodelled ?? false,
          }),
  };
}

/** The same revisions, in any order: a version table's rows against heads or parents. */
export function sameRevisions(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === b.length && b.every((id) => set.has(id));
}

/** The database must be at exactly these parents before a revision is generated on them. */
export function requireAtParents(currentHeads: readonly string[], parents: readonly string[], database: string): void {
  if (sameRevisions(currentHeads, parents)) return;
  const at = currentHeads.length === 0 ? "base (no revision applied)" : currentHeads.join(", ");
  const want = parents.length === 0 ? "base" : parents.join(", ");
  throw errors.notAtHead(`Target database is not up to date: ${database} is at ${at}, the new revision would build on ${want}`, {
    hint: "Run `athanor upgrade` first, so the comparison starts from the schema the revisions describe.",
    details: { current: [...currentHeads], parents: [...parents] },
  });
}
