import { Command, Option } from "clipanion";
import type { GenerateResult } from "../../commands/generate.js";
import type { CommandOutput } from "../athanor-command.js";
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
  asJson = Option.Boolean("--json", false, {
    description: "Print the new revision's id, file and operation count as JSON (revision null when nothing changed)",
  });
  dropUnmodelled = Option.Boolean("--drop-unmodelled", false, {
    description: "Also drop the tables, enums and sequences only the database has that no include rule covers",
  });

  protected async run(): Promise<number> {
    refuseJsonWithSql("generate", this.asJson, this.sql);
    const { generateRevision } = await import("../../commands/generate.js");
    const project = await this.project();
    const result = await generateRevision(project, {
      message: this.message,
      head: this.head,
      splice: this.splice,
      revId: this.revId,
      branchLabels: this.branchLabel ?? [],
      dependsOn: this.dependsOn ?? [],
      versionPath: this.versionPath,
      dropUnmodelled: this.dropUnmodelled,
      dryRun: this.sql,
      reporter: this,
    });
    return reportGenerated(this, result, { message: this.message, sql: this.sql, json: this.asJson });
  }
}

/** What `generate` (and `revision --autogenerate`) prints about the result. */
export async function reportGenerated(output: CommandOutput, result: GenerateResult, flags: { message: string; sql: boolean; json: boolean }): Promise<number> {
  if (result.comparison.empty) {
    output.note(
      result.comparison.unmodelled.length > 0 ? "No changes detected besides the objects above." : "No changes detected: the models match the database.",
    );
    if (flags.json) output.json({ revision: null, path: null, message: flags.message, operations: 0 });
    return 0;
  }
  if (flags.sql) {
    for (const line of result.comparison.upgradeSql) output.out(line);
    return 0;
  }
  const written = result.written!;
  if (flags.json) output.json({ revision: written.revision, path: written.path, message: flags.message, operations: result.upgradeOps.length });
  else output.out(`Generating ${written.path} ... done`);
  output.note("Review it, then run `athanor upgrade`.");
  return 0;
}
