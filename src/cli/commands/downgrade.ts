import { Command, Option } from "clipanion";
import { parseRunTarget } from "../../runtime/run-target.js";
import { MigrationCommand, yesOption } from "../database-command.js";
import { failFastOption, maxConnectionsPerHostOption, parallelOption, targetsOption } from "../target-options.js";

export class DowngradeCommand extends MigrationCommand {
  static override paths = [["downgrade"]];
  static override usage = Command.Usage({
    description: "Revert revisions down to a target (default: -1)",
    details: `
      Runs \`downgrade()\` of each applied revision above the target, newest first. \`-1\` steps back one revision; with several heads it refuses and lists them (name one, e.g. \`<head>-1\` or \`<label>@-1\`). \`base\` reverts everything; on a terminal it asks first, naming the database (\`--yes\` skips the question; without a terminal on stdin nothing is asked).

      Offline (\`--sql\`) there is no database to read the current revision from, so give a range: \`<fromrev>:<torev>\`.

      \`--targets SPEC\` steps back every target (schemas or databases; README "Many targets"), \`--parallel N\` at a time; the report is one row per target.
    `,
    examples: [
      ["Step back one revision", "athanor downgrade"],
      ["Revert everything", "athanor downgrade base"],
      ["Revert one branch down to its base", "athanor downgrade audit@base"],
      ["Print the SQL that reverts 0003 down to 0001", "athanor downgrade 0003:0001 --sql"],
      ["Step every tenant schema back one revision, 4 at a time", "athanor downgrade --targets 'tenant_*' --parallel 4"],
    ],
  });

  target = Option.String({ required: false, name: "revision" });
  yes = yesOption();
  targets = targetsOption();
  parallel = parallelOption();
  maxConnectionsPerHost = maxConnectionsPerHostOption();
  failFast = failFastOption();

  protected async run(): Promise<number> {
    const everything = this.target === "base";
    if (everything && !this.sql && (this.targets !== undefined || (await this.project()).config.targets !== undefined)) {
      const project = await this.project();
      await this.confirm(project, "downgrade base on every target reverts every applied revision (their downgrade code drops what they built)", this.yes);
    }
    const onTargets = await this.migrateTargets("downgrade", this, this.target);
    if (onTargets !== undefined) return onTargets;
    return this.migrate(
      "downgrade",
      (migrator, options) => migrator.downgrade(parseRunTarget(migrator.revisionMap(), this.target ?? "-1", "downgrade", this.sql), options),
      everything ? { action: "downgrade base reverts every applied revision (their downgrade code drops what they built)", yes: this.yes } : undefined,
    );
  }
}
