import { Command, Option } from "clipanion";
import { DatabaseCommand, transactionModeOption } from "../database-command.js";
import { OfflineOutput } from "../offline-output.js";
import { describeHeads } from "../revision-text.js";

export class DowngradeCommand extends DatabaseCommand {
  static override paths = [["downgrade"]];
  static override usage = Command.Usage({
    description: "Revert revisions down to a target (default: -1)",
    details: `
      Runs \`downgrade()\` of each applied revision above the target, newest first. \`-1\` steps back one revision; with several heads it refuses and lists them (name one, e.g. \`<head>-1\` or \`<label>@-1\`). \`base\` reverts everything.

      Offline (\`--sql\`) there is no database to read the current revision from, so give a range: \`<fromrev>:<torev>\`.
    `,
    examples: [
      ["Step back one revision", "athanor downgrade"],
      ["Revert everything", "athanor downgrade base"],
      ["Revert one branch down to its base", "athanor downgrade audit@base"],
      ["Print the SQL that reverts 0003 down to 0001", "athanor downgrade 0003:0001 --sql"],
    ],
  });

  target = Option.String({ required: false, name: "revision" });
  sql = Option.Boolean("--sql", false, { description: "Print the SQL instead of running it (needs <fromrev>:<torev>)" });
  output = Option.String("-o,--output", { description: "With --sql: write the script to this file" });
  transaction = transactionModeOption();

  protected async run(): Promise<number> {
    const project = await this.project({ offline: this.sql });
    const migrator = this.migrator(project);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const result = await migrator.downgrade(this.target ?? "-1", {
      sql: this.sql,
      output,
      ...(this.transaction ? { transactionMode: this.transaction } : {}),
    });
    output.finish();
    if (!this.sql) {
      if (result.steps.length === 0) this.note("Nothing to downgrade: the database is already at the target.");
      this.note(`Now at: ${describeHeads(project.revisionMap(), result.after)}`);
    }
    return 0;
  }
}
