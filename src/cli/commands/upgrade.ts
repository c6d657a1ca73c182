import { Command, Option } from "clipanion";
import { MigrationCommand } from "../database-command.js";

export class UpgradeCommand extends MigrationCommand {
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

  protected async run(): Promise<number> {
    return this.migrate("upgrade", (migrator, options) =>
      migrator.upgrade(this.target ?? "head", options),
    );
  }
}
