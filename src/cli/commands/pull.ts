import path from "node:path";
import { Command, Option } from "clipanion";
import { ConnectedCommand } from "../database-command.js";

export class PullCommand extends ConnectedCommand {
  static override paths = [["pull"]];
  static override usage = Command.Usage({
    description: "Write TypeScript models from the live database, to adopt athanor on a database built before migrations",
    details: `
      Reads the tables, enums and standalone sequences of the schemas \`check\` compares (the config's \`schemas\` and \`include\` rules apply; athanor's version table and history are never pulled) and writes one model module per schema into the config's models directory (\`models\`, default app/models), or into \`--out DIR\`. An existing file is never replaced without \`--force\`: pull refuses, naming it, and writes nothing.

      What the models cannot declare (exclusion constraints, table inheritance, partitioning, domain and extension types, views, triggers) is written as closely as the DSL allows with a \`// TODO review:\` comment, and named in a warning.

      Then, to adopt athanor: \`athanor generate "initial"\` against an empty database (\`--url pglite://memory\` is one) writes the revision that builds this schema; \`athanor stamp head\` on the existing database records that it already has it; \`athanor check\` passes.
    `,
    examples: [
      ["Write app/models/public.ts, … from the database", "athanor pull"],
      ["Adopt athanor on an existing database", 'athanor pull && athanor generate "initial" --url pglite://memory && athanor stamp head'],
      ["Only the billing schema, into another directory, replacing what is there", "athanor pull --schema billing --out src/models --force"],
    ],
  });

  outDir = Option.String("--out", { description: "Directory to write the model modules into (default: the config's models directory)" });
  schema = Option.Array("--schema", { description: "Pull only this schema (repeatable; default: every schema check compares)" });
  force = Option.Boolean("--force", false, { description: "Replace model files that already exist" });
  asJson = Option.Boolean("--json", false, { description: "Print the files written and what each declares as JSON" });

  protected async run(): Promise<number> {
    const { pullProject } = await import("../../commands/pull.js");
    const project = await this.project();
    const result = await pullProject(project, {
      // A path on the command line is the shell's: relative to where the command runs.
      ...(this.outDir === undefined ? {} : { outDir: path.resolve(this.outDir) }),
      ...(this.schema ? { schemas: this.schema } : {}),
      force: this.force,
      reporter: this,
    });
    const total = (field: "tables" | "enums" | "sequences") => result.files.reduce((n, f) => n + f[field], 0);
    if (this.asJson) {
      this.json({
        database: result.database,
        directory: result.directory,
        files: result.files,
        tables: total("tables"),
        enums: total("enums"),
        sequences: total("sequences"),
        warnings: result.warnings,
      });
    } else {
      for (const f of result.files)
        this.out(`Wrote ${f.path} (${counted(f.tables, "table")}, ${counted(f.enums, "enum")}, ${counted(f.sequences, "sequence")})`);
    }
    if (result.files.length > 0)
      this.note('Review the files, then: `athanor generate "initial" --url pglite://memory` (any empty database), and `athanor stamp head` on this one.');
    return 0;
  }
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
