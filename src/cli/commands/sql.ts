import { Command, Option } from "clipanion";
import { parseRunTarget } from "../../runtime/run-target.js";
import { ProjectCommand, transactionModeOption } from "../database-command.js";
import { OfflineOutput } from "../offline-output.js";

export class SqlCommand extends ProjectCommand {
  static override paths = [["sql"]];
  static override usage = Command.Usage({
    description: "Print the upgrade SQL for a DBA to review (no connection)",
    details: `
      The very statements \`upgrade\` would send, in order, with the version-table changes, BEGIN/COMMIT as the transaction mode says, and \`-- Running upgrade a -> b\` comments. Same as \`athanor upgrade <range> --sql\`. A single revision means \`base:<rev>\`.
    `,
    examples: [
      ["Everything, from an empty database", "athanor sql > deploy.sql"],
      ["From 0002 up to head", "athanor sql 0002:head"],
      ["Up to 0003, into a file", "athanor sql 0003 --output deploy.sql"],
    ],
  });

  range = Option.String({ required: false, name: "rev | a:b" });
  // Accepted, unlisted and unused: scripts pass the same --url to every command, and sql never connects.
  url = Option.String("--url", { hidden: true });
  output = Option.String("-o,--output", { description: "Write the script to this file instead of stdout" });
  transaction = transactionModeOption();

  protected async run(): Promise<number> {
    const project = await this.project({ offline: true });
    const migrator = await this.migrator(project);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const spec = this.range ?? "head";
    // A single revision is the range from base: the text is completed before it is read.
    const target = parseRunTarget(migrator.revisionMap(), spec.includes(":") ? spec : `base:${spec}`, "upgrade", true);
    await migrator
      .upgrade(target, {
        sql: true,
        output,
        ...(this.transaction ? { transactionMode: this.transaction } : {}),
      })
      .catch((error: unknown) => {
        output.abandon();
        throw error;
      });
    output.finish();
    return 0;
  }
}
