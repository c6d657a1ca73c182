import { Command, Option } from "clipanion";
import { DatabaseCommand, transactionModeOption } from "../database-command.js";
import { OfflineOutput } from "../offline-output.js";
import { describeHeads } from "../revision-text.js";

export class UpgradeCommand extends DatabaseCommand {
  static override paths = [["upgrade"]];
  static override usage = Command.Usage({
    description: "Apply revisions up to a target (default: head)",
    details: `
      Runs each pending revision's \`upgrade()\` in order, each in its own transaction (\`--transaction all\` for one), under an advisory lock so concurrent deployments migrate once.

      \`head\` refuses when there are several heads: use \`heads\` to apply every branch, \`<label>@head\` for one, or join them with \`athanor merge\`. With \`--sql\`, nothing connects: the statements are printed for review; \`a:b\` starts the script at \`a\`.
    `,
    examples: [
      ["Apply everything", "athanor upgrade"],
      ["Apply every branch when there are several heads", "athanor upgrade heads"],
      ["Apply two more revisions", "athanor upgrade +2"],
      ["Print the SQL from 0001 to head for a DBA", "athanor upgrade 0001:head --sql > deploy.sql"],
    ],
  });

  target = Option.String({ required: false, name: "revision" });
  sql = Option.Boolean("--sql", false, { description: "Print the SQL instead of running it (no connection)" });
  output = Option.String("-o,--output", { description: "With --sql: write the script to this file" });
  transaction = transactionModeOption();

  protected async run(): Promise<number> {
    const project = await this.project({ offline: this.sql });
    const migrator = this.migrator(project);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const result = await migrator.upgrade(this.target ?? "head", {
      sql: this.sql,
      output,
      ...(this.transaction ? { transactionMode: this.transaction } : {}),
    });
    output.finish();
    if (!this.sql) {
      if (result.steps.length === 0) this.note("Nothing to upgrade: the database is already at the target.");
      this.note(`Now at: ${describeHeads(project.revisionMap(), result.after)}`);
    }
    return 0;
  }
}
