import { Command, Option } from "clipanion";
import { parseRunTarget } from "../../runtime/run-target.js";
import { MigrationCommand, yesOption } from "../database-command.js";

export class DowngradeCommand extends MigrationCommand {
  static override paths = [["downgrade"]];
  static override usage = Command.Usage({
    description: "Revert revisions down to a target (default: -1)",
    details: `
      Runs \`downgrade()\` of each applied revision above the target, newest first. \`-1\` steps back one revision; with several heads it refuses and lists them (name one, e.g. \`<head>-1\` or \`<label>@-1\`). \`base\` reverts everything; on a terminal it asks first, naming the database (\`--yes\` skips the question; without a terminal on stdin nothing is asked).

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
  yes = yesOption();

  protected async run(): Promise<number> {
    const everything = this.target === "base";
    return this.migrate(
      "downgrade",
      (migrator, options) => migrator.downgrade(parseRunTarget(migrator.revisionMap(), this.target ?? "-1", "downgrade", this.sql), options),
      everything ? { action: "downgrade base reverts every applied revision (their downgrade code drops what they built)", yes: this.yes } : undefined,
    );
  }
}
