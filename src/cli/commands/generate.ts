import { Command, Option } from "clipanion";
import { DatabaseCommand } from "../database-command.js";

export class GenerateCommand extends DatabaseCommand {
  static override paths = [["generate"]];
  static override usage = Command.Usage({
    description: "Write a revision from the differences between the models and the database",
    details: `
      Compares the models (the modules listed in \`models\` of athanor.config.ts) with the live database and writes a revision whose \`upgrade()\` makes the database match and whose \`downgrade()\` undoes it. The database must be at the head first (\`athanor upgrade\`). A rename is never guessed: it shows as a drop and an add, with a warning in the file. No difference: "No changes detected", and no file.

      Review the file before you apply it.
    `,
    examples: [
      ["After adding a column to a model", 'athanor generate "add_new_field_to_users"'],
      ["See the SQL the change would run, without writing a file", 'athanor generate "preview" --sql'],
    ],
  });

  message = Option.String({ required: true, name: "message" });
  revId = Option.String("--rev-id", { description: "Use this revision id instead of a generated one" });
  head = Option.String("--head", { description: "The revision to build on (default: head)" });
  splice = Option.Boolean("--splice", false, { description: "Allow --head to name a revision that is not a head" });
  branchLabel = Option.Array("--branch-label", { description: "A branch label for the new revision" });
  dependsOn = Option.Array("--depends-on", { description: "A revision or label this one depends on" });
  versionPath = Option.String("--version-path", { description: "Which version location to write into" });
  sql = Option.Boolean("--sql", false, { description: "Print the upgrade SQL instead of writing a revision" });

  protected async run(): Promise<number> {
    const [{ dependenciesForNewRevision, parentsForNewRevision }, { diffModels, requireAtParents }, { writeNewRevision }] = await Promise.all([
      import("../../scripts/new-revision-parents.js"),
      import("../model-diff.js"),
      import("../authoring.js"),
    ]);
    const project = await this.project();
    const map = project.revisionMap();
    const parents = parentsForNewRevision(map, this.head ?? "head", this.splice);
    const diff = await diffModels(project, { requireModels: true, onNotice: (line) => this.note(line) });
    requireAtParents(diff.currentHeads, parents, diff.database);
    const result = diff.result!;
    for (const warning of result.warnings) this.warn(warning);
    if (result.empty) {
      this.note("No changes detected: the models match the database.");
      return 0;
    }
    if (this.sql) {
      const { renderOperation } = await import("../../dialect/postgres/render.js");
      for (const op of result.upgradeOps) for (const statement of renderOperation(op)) this.out(`${statement.sql};`);
      return 0;
    }
    const written = writeNewRevision(project, map, {
      revId: this.revId,
      versionPath: this.versionPath,
      message: this.message,
      downRevisions: parents,
      branchLabels: this.branchLabel ?? [],
      dependsOn: dependenciesForNewRevision(map, this.dependsOn ?? []),
      format: "ts",
      upgradeBody: result.upgradeBody,
      downgradeBody: result.downgradeBody,
    });
    this.out(`Generating ${written.path} ... done`);
    this.note("Review it, then run `athanor upgrade`.");
    return 0;
  }
}
