// The operations of a squash revision, made the way `generate` makes a revision's: two
// scratch databases (as `athanor test` uses), one upgraded to the range's end and one to
// the revision before it; the first pulled into models (what `athanor pull` would write,
// loaded from a temporary directory that is removed after), and those models compared with
// the second by autogenerate. No revision body is copied, so the squash says what the
// schema became, not how it got there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type AutogenerateResult, autogenerate, ownTables as ownTableNames } from "../autogenerate/autogenerate.js";
import { pullModels } from "../autogenerate/pull-models.js";
import { readPullScope } from "../autogenerate/pull-scope.js";
import { startedMarkersTableOf } from "../config/defaults.js";
import { introspect } from "../dialect/postgres/introspect.js";
import { readScope } from "../dialect/postgres/introspect-scope.js";
import { renderOperation } from "../dialect/postgres/render.js";
import { snapshotDifferences } from "../dialect/postgres/snapshot-diff.js";
import type { Connection } from "../runtime/connection.js";
import type { ScratchDatabase } from "../runtime/scratch-database.js";
import { loadModels } from "../schema/load-models.js";
import { migratorFor, type Project } from "./project.js";
import { openProjectScratch } from "./project-scratch.js";
import type { Reporter } from "./reporter.js";

export interface SquashComparison {
  readonly comparison: AutogenerateResult;
  /** What the models cannot declare (views, functions the range created…): not carried into the squash. */
  readonly notCarried: readonly string[];
  /** How the schema the squash's upgrade builds on `base` differs from the one at `head`: [] when it rebuilds it. */
  readonly differences: readonly string[];
  /** The scratch databases, as output names them. */
  readonly database: string;
}

/**
 * The comparison that turns the schema at `base` (null: an empty database) into the
 * schema at `head`.
 */
export async function compareRangeEnds(
  project: Project,
  ends: { readonly base: string | null; readonly head: string },
  options: { readonly url?: string | undefined; readonly reporter: Reporter },
): Promise<SquashComparison> {
  const { config } = project;
  const opened: ScratchDatabase[] = [];
  try {
    const atHead = await openProjectScratch(project, options.url, options.reporter);
    opened.push(atHead);
    const atBase = await openProjectScratch(project, options.url, options.reporter);
    opened.push(atBase);
    options.reporter.note(`Building the schema at ${ends.head} and at ${ends.base ?? "base"} on scratch databases: ${atHead.description}`);
    await upgradeTo(project, atHead.connection, ends.head, options.reporter);
    if (ends.base !== null) await upgradeTo(project, atBase.connection, ends.base, options.reporter);
    const { models, notCarried } = await pulledModels(project, atHead.connection);
    const comparison = await autogenerate({
      query: queryOf(atBase.connection),
      models,
      schemas: config.schemas,
      ...ownTables(project),
      ...(config.include ? { include: config.include } : {}),
      // What the range dropped is dropped: the models are the whole schema at the end.
      dropUnmodelled: true,
    });
    const differences = await replayDifferences(project, comparison, atBase.connection, atHead.connection);
    return { comparison, notCarried, differences, database: atHead.description };
  } finally {
    for (const scratch of opened) {
      const left = await scratch.dispose();
      if (left !== undefined) options.reporter.warn(left);
    }
  }
}

/** A scratch database upgraded to `target`, without the applied-history table (thrown away after). */
async function upgradeTo(project: Project, connection: Connection, target: string, reporter: Reporter): Promise<void> {
  const scratchProject = { ...project, config: { ...project.config, historyTable: false as const } };
  const migrator = await migratorFor(
    scratchProject,
    { onProgress: () => {}, onNotice: (line) => reporter.note(line), onWarning: (line) => reporter.warn(line) },
    connection,
  );
  await migrator.upgrade(target);
}

/** The database as the models `pull` writes, loaded; the files live only while they load. */
async function pulledModels(project: Project, connection: Connection) {
  const { config } = project;
  const pulled = await readPullScope({
    query: queryOf(connection),
    schemas: config.schemas,
    ...(config.include ? { include: config.include } : {}),
    ...ownTables(project),
  });
  const { files, warnings } = pullModels(pulled);
  if (files.length === 0) return { models: { tables: [], enums: [], sequences: [] }, notCarried: warnings };
  // Inside the project, so the modules' `import … from "athanor"` resolves as the project's models do.
  const parent = path.join(config.cwd, ".athanor");
  mkdirSync(parent, { recursive: true });
  const directory = mkdtempSync(path.join(parent, "squash-models-"));
  try {
    for (const file of files) writeFileSync(path.join(directory, file.file), file.source);
    const models = await loadModels([directory], config.cwd);
    return { models, notCarried: warnings };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The squash's upgrade run on the database at `base`, then both catalogs compared as
 * `athanor test` compares them: what the models could not say shows up here.
 */
async function replayDifferences(project: Project, comparison: AutogenerateResult, atBase: Connection, atHead: Connection): Promise<string[]> {
  for (const op of comparison.upgradeOps) for (const statement of renderOperation(op)) await atBase.query(statement.sql);
  const snapshot = async (connection: Connection) => {
    const query = queryOf(connection);
    const { currentSchema } = await readScope(query);
    return introspect(query, { schemas: comparison.compared.schemas, excludeTables: ownTableNames(ownTables(project), currentSchema) });
  };
  return snapshotDifferences(await snapshot(atHead), await snapshot(atBase), "after the squash's upgrade");
}

function queryOf(connection: Connection) {
  return async (sql: string, params?: readonly unknown[]) => (await connection.query(sql, params)).rows;
}

/** The version table and athanor's history, left out of both sides as `check` leaves them out. */
function ownTables(project: Project): { versionTable: string; ignoreTables: string[] } {
  const { config } = project;
  return {
    versionTable: config.versionTable.schema ? `${config.versionTable.schema}.${config.versionTable.name}` : config.versionTable.name,
    ignoreTables: config.historyTable === false ? [] : [config.historyTable, startedMarkersTableOf(config.historyTable)],
  };
}
