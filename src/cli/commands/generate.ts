import { Command, Option } from "clipanion";
import { DatabaseCommand, refuseJsonWithSql } from "../database-command.js";

export class GenerateCommand extends DatabaseCommand {
  static override paths = [["generate"]];
  static override usage = Command.Usage({
    description: "Write a revision from the differences between the models and the database",
    details: `
      Compares the models (the modules listed in \`models\` of athanor.config.ts) with the live database and writes a revision whose \`upgrade()\` makes the database match and whose \`downgrade()\` undoes it. The database must be at the head first (\`athanor upgrade\`). A rename is never guessed: it shows as a drop and an add, with a warning in the file. No difference: "No changes detected", and no file.

      A table only the database has is dropped only when an \`include\` rule of athanor.config.ts covers it, or with \`--drop-unmodelled\`; otherwise it is named in a warning and left as it is. The command says which model modules it loaded and how many tables it compared.

      Review the file before you apply it.
    `,
    examples: [
      ["After adding a column to a model", 'athanor generate "add_new_field_to_users"'],
      ["See the SQL the change would run, without writing a file", 'athanor generate "preview" --sql'],
      ["Also drop the tables no model declares", 'athanor generate "drop_old_tables" --drop-unmodelled'],
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
  asJson = Option.Boolean("--json", false, { description: "Print the new revision's id, file and operation count as JSON (revision null when nothing changed)" });
  dropUnmodelled = Option.Boolean("--drop-unmodelled", false, { description: "Also drop the tables, enums and sequences only the database has that no include rule covers" });

  protected async run(): Promise<number> {
    refuseJsonWithSql("generate", this.asJson, this.sql);
    const [{ dependenciesForNewRevision, parentsForNewRevision }, { diffModels, requireAtParents }, { writeNewRevision }, report] = await Promise.all([
      import("../../scripts/new-revision-parents.js"),
      import("../model-diff.js"),
      import("../authoring.js"),
      import("../model-report.js"),
    ]);
    const project = await this.project();
    const map = project.revisionMap();
    const parents = parentsForNewRevision(map, this.head ?? "head", this.splice);
    const diff = await diffModels(project, { requireModels: true, dropUnmodelled: this.dropUnmodelled, onNotice: (line) => this.note(line) });
    requireAtParents(diff.currentHeads, parents, diff.database);
    const result = diff.result!;
    const models = diff.models!;
    for (const line of report.comparisonLines(models, result)) this.note(line);
    for (const warning of models.warnings) this.warn(warning);
    if (result.unmodelled.length > 0) this.warn(`not dropped: ${report.unmodelledAdvice(result.unmodelled, result.compared, project.config.schemas[0] ?? "public")}`);
    for (const warning of result.warnings) this.warn(warning);
    if (result.empty) {
      this.note(result.unmodelled.length > 0 ? "No changes detected besides the objects above." : "No changes detected: the models match the database.");
      if (this.asJson) this.json({ revision: null, path: null, message: this.message, operations: 0 });
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
    if (this.asJson) this.json({ revision: written.revision, path: written.path, message: this.message, operations: result.upgradeOps.length });
    else this.out(`Generating ${written.path} ... done`);
    this.note("Review it, then run `athanor upgrade`.");
    return 0;
  }
}
