import { Command, Option } from "clipanion";
import { AthanorCommand } from "../athanor-command.js";
import { openProject } from "../../commands/project.js";

export class RevisionCommand extends AthanorCommand {
  static override paths = [["revision"]];
  static override usage = Command.Usage({
    description: "Write a new, empty revision file",
    details: `
      The new revision builds on the single head (\`--head\` to choose another, \`--head base\` to start a new base). Its id is 12 random hex digits, or the next number when the config says \`revisionIds: "sequential"\`. The file is \`versions/YYYYMMDD_<rev>_<slug>.ts\` (\`.sql\` with \`--sql\`), written from templates/, never over an existing file.

      \`--autogenerate\` is \`athanor generate\`: the operations come from comparing the models with the database.
    `,
    examples: [
      ["An empty revision on the current head", 'athanor revision -m "add index on email"'],
      ["An SQL revision", 'athanor revision -m "backfill names" --sql'],
      ["A new branch with its own label", 'athanor revision -m "audit tables" --head base --branch-label audit'],
      ["Branch from an older revision on purpose", 'athanor revision -m "hotfix" --head 0002 --splice'],
    ],
  });

  message = Option.String("-m,--message", { required: true, description: "What the revision does (also its file name)" });
  revId = Option.String("--rev-id", { description: "Use this revision id instead of a generated one" });
  head = Option.String("--head", { description: "The revision to build on (default: head; base for a new base)" });
  splice = Option.Boolean("--splice", false, { description: "Allow --head to name a revision that is not a head" });
  branchLabel = Option.Array("--branch-label", { description: "A branch label for the new revision (repeatable)" });
  dependsOn = Option.Array("--depends-on", { description: "A revision or label this one depends on (repeatable)" });
  versionPath = Option.String("--version-path", { description: "Which version location to write into" });
  sql = Option.Boolean("--sql", false, { description: "Write an SQL revision file instead of TypeScript" });
  autogenerate = Option.Boolean("--autogenerate", false, { description: "Fill it from the models (same as `athanor generate`)" });
  url = Option.String("--url", { description: "With --autogenerate: the database to compare with" });
  asJson = Option.Boolean("--json", false, { description: "Print the new revision's id and file as JSON" });

  protected async run(): Promise<number> {
    const project = await openProject({ configFile: this.config, ...(this.autogenerate ? { overrides: { databaseUrl: this.url } } : {}) });
    const options = {
      message: this.message,
      head: this.head,
      splice: this.splice,
      revId: this.revId,
      branchLabels: this.branchLabel ?? [],
      dependsOn: this.dependsOn ?? [],
      versionPath: this.versionPath,
    };
    if (this.autogenerate) {
      // The same call `athanor generate` makes, with the same report.
      const [{ generateRevision }, { reportGenerated }, { databaseNotice }] = await Promise.all([
        import("../../commands/generate.js"),
        import("./generate.js"),
        import("../database-command.js"),
      ]);
      for (const warning of project.config.warnings) this.warn(warning);
      this.note(databaseNotice(project.config));
      const result = await generateRevision(project, { ...options, reporter: this });
      return reportGenerated(this, result, { message: this.message, sql: false, json: this.asJson });
    }
    const { createRevision } = await import("../../commands/new-revision.js");
    const written = await createRevision(project, { ...options, format: this.sql ? "sql" : "ts" });
    if (this.asJson) this.json({ revision: written.revision, path: written.path, message: this.message });
    else this.out(`Generating ${written.path} ... done`);
    return 0;
  }
}
