import { Command } from "clipanion";
import { MigrationCommand, yesOption } from "../database-command.js";

export class ResetCommand extends MigrationCommand {
  static override paths = [["reset"]];
  static override usage = Command.Usage({
    description: "Downgrade to base, then upgrade to head",
    details: `
      Starts the schema over: every applied revision's \`downgrade()\`, then every \`upgrade()\`, under one lock. Several heads are refused before anything is undone. On a terminal it asks first, naming the database; \`--yes\` skips the question, and without a terminal on stdin (scripts, CI) nothing is asked.
    `,
    examples: [
      ["Rebuild a development database", "athanor reset"],
      ["Against another database", "athanor reset --url postgres://localhost/app_dev"],
      ["Without the question", "athanor reset --yes"],
    ],
  });

  yes = yesOption();

  protected async run(): Promise<number> {
    return this.migrate("reset", (migrator, options) => migrator.reset(options), {
      action: "reset reverts every applied revision (their downgrade code drops what they built), then upgrades to head",
      yes: this.yes,
    });
  }
}
