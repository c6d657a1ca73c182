import { Command } from "clipanion";
import { MigrationCommand } from "../database-command.js";

export class ResetCommand extends MigrationCommand {
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


  protected async run(): Promise<number> {
    return this.migrate("reset", (migrator, options) => migrator.reset(options));
  }
}
