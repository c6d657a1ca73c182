import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "clipanion";
import { DatabaseCommand } from "../database-command.js";
import type { Project } from "../project.js";

export class PullCommand extends DatabaseCommand {
  static override paths = [["pull"]];
  static override usage = Command.Usage({
    description: "Write TypeScript models from the live database, to adopt athanor on a database built before migrations",
    details: `
      Reads the tables, enums and standalone sequences of the schemas \`check\` compares (the config's \`schemas\` and \`include\` rules apply; athanor's version table and history are never pulled) and writes one model module per schema into the config's models directory (\`models\`, default app/models), or into \`--out DIR\`. An existing file is never replaced without \`--force\`: pull refuses, naming it, and writes nothing.

      What the models cannot declare (exclusion constraints, table inheritance, partitioning, domain and extension types, views, triggers) is written as closely as the DSL allows with a \`// TODO review:\` comment, and named in a warning.

      Then, to adopt athanor: \`athanor generate "initial"\` against an empty database writes the revision that builds this schema; \`athanor stamp head\` on the existing database records that it already has it; \`athanor check\` passes.
    `,
    examples: [
      ["Write app/models/public.ts, … from the database", "athanor pull"],
      ["Adopt athanor on an existing database", 'athanor pull && athanor generate "initial" --url postgres://localhost/empty && athanor stamp head'],
      ["Only the billing schema, into another directory, replacing what is there", "athanor pull --schema billing --out src/models --force"],
    ],
  });

  outDir = Option.String("--out", { description: "Directory to write the model modules into (default: the config's models directory)" });
  schema = Option.Array("--schema", { description: "Pull only this schema (repeatable; default: every schema check compares)" });
  force = Option.Boolean("--force", false, { description: "Replace model files that already exist" });
  asJson = Option.Boolean("--json", false, { description: "Print the files written and what each declares as JSON" });

  protected async run(): Promise<number> {
    const project = await this.project();
    const { config } = project;
    const [{ inspectDatabase }, { readPullScope }, { pullModels }, { writeModelFiles }] = await Promise.all([
      import("../../runtime/inspect-database.js"),
      import("../../autogenerate/pull-scope.js"),
      import("../../autogenerate/pull-models.js"),
      import("../../scripts/write-model-files.js"),
    ]);
    const target = outputDirectory(project, this.outDir);
    const versionTable = config.versionTable.schema ? `${config.versionTable.schema}.${config.versionTable.name}` : config.versionTable.name;
    const { pulled, database } = await inspectDatabase(
      config,
      async (db) => ({
        database: db.description,
        pulled: await readPullScope({
          query: db.query,
          schemas: config.schemas,
          ...(this.schema ? { only: this.schema } : {}),
          ...(config.include ? { include: config.include } : {}),
          versionTable,
          ignoreTables: config.historyTable === false ? [] : [config.historyTable, `${config.historyTable}_started`],
        }),
      }),
      (line) => this.note(line),
    );
    const models = pullModels(pulled);
    if (models.files.length === 0) {
      this.warn(`${database} has no tables, enums or sequences in the schemas pulled (${this.schema?.join(", ") ?? config.schemas.join(", ")}); nothing written`);
      if (this.asJson) this.json({ database, directory: target.shown, files: [], tables: 0, enums: 0, sequences: 0, warnings: [] });
      return 0;
    }
    const others = otherModules(target.full, models.files.map((f) => f.file));
    const written = writeModelFiles(target.full, models.files, { cwd: config.cwd, force: this.force });
    for (const warning of models.warnings) this.warn(warning);
    const total = (field: "tables" | "enums" | "sequences") => models.files.reduce((n, f) => n + f[field], 0);
    if (this.asJson) {
      this.json({
        database,
        directory: target.shown,
        files: models.files.map((f, i) => ({ path: written[i], schema: f.schema, tables: f.tables, enums: f.enums, sequences: f.sequences })),
        tables: total("tables"),
        enums: total("enums"),
        sequences: total("sequences"),
        warnings: models.warnings,
      });
    } else {
      models.files.forEach((f, i) => this.out(`Wrote ${written[i]} (${counted(f.tables, "table")}, ${counted(f.enums, "enum")}, ${counted(f.sequences, "sequence")})`));
    }
    if (others.length > 0) {
      this.warn(`${target.shown} also holds ${others.join(", ")}: a table declared there and in the pulled files is declared twice, which generate and check refuse; remove those modules or merge them into the pulled ones`);
    }
    if (!target.read) {
      this.warn(`${target.shown} is not among the config's models, so generate and check will not read it; add it to athanor.config.ts: models: [${JSON.stringify(target.shown)}]`);
    }
    this.note('Review the files, then: `athanor generate "initial"` against an empty database, and `athanor stamp head` on this one.');
    return 0;
  }
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** Where the models go: --out, else the config's models directory (app/models when none is set). */
function outputDirectory(project: Project, out: string | undefined): { full: string; shown: string; read: boolean } {
  const { cwd, models } = project.config;
  const modelPaths = models.map((m) => path.resolve(cwd, m));
  const isDirectory = (p: string) => (existsSync(p) ? statSync(p).isDirectory() : !/\.[cm]?[jt]s$/.test(p));
  const configured = modelPaths.find(isDirectory) ?? (modelPaths[0] === undefined ? undefined : path.dirname(modelPaths[0]));
  const full = out === undefined ? (configured ?? path.resolve(cwd, "app/models")) : path.resolve(process.cwd(), out);
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
