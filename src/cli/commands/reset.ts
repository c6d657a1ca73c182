import { Command, Option } from "clipanion";
import { DatabaseCommand, transactionModeOption } from "../database-command.js";
import { OfflineOutput } from "../offline-output.js";
import { describeHeads } from "../revision-text.js";

export class ResetCommand extends DatabaseCommand {
  static override paths = [["reset"]];
  static override usage = Command.Usage({
    description: "Downgrade to base, then upgrade to head",
    details: `
      Starts the schema over: every applied revision's \`downgrade()\`, then every \`upgrade()\`, under one lock. Several heads are refused before anything is undone.
    `,
    examples: [
      ["Rebuild a development database", "athanor reset"],
      ["Against another database", "athanor reset --url postgres://localhost/app_dev"],
    ],
  });

  sql = Option.Boolean("--sql", false, { description: "Print the SQL instead of running it" });
  output = Option.String("-o,--output", { description: "With --sql: write the script to this file" });
  transaction = transactionModeOption();

  protected async run(): Promise<number> {
    const project = await this.project({ offline: this.sql });
    const migrator = this.migrator(project);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const result = await migrator.reset({ sql: this.sql, output, ...(this.transaction ? { transactionMode: this.transaction } : {}) });
    output.finish();
    if (!this.sql) this.note(`Now at: ${describeHeads(project.revisionMap(), result.after)}`);
    return 0;
  }
}
