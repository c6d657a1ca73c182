import { Command, Option } from "clipanion";
import { DatabaseCommand } from "../database-command.js";
import { OfflineOutput } from "../offline-output.js";
import { revisionLine } from "../revision-text.js";

export class StampCommand extends DatabaseCommand {
  static override paths = [["stamp"]];
  static override usage = Command.Usage({
    description: "Set the version table to revisions without running them",
    details: `
      Adopts a database whose schema already matches a revision (built by hand, or by another tool): only the version table changes, no revision code runs. \`--purge\` empties the version table first, for a table that names revisions that no longer exist.

      With \`--sql\`, \`<from>:<to>\` prints the script for a database whose version table holds \`<from>\` (one revision, or \`base\`); without a range the script starts from an empty table.
    `,
    examples: [
      ["Adopt a database built without migrations", "athanor stamp 0001"],
      ["Mark every head as applied", "athanor stamp heads"],
      ["Rewrite a version table naming deleted revisions", "athanor stamp --purge head"],
      ["Print the SQL instead", "athanor stamp 0001 --sql"],
      ["Print the SQL for a database at 0001", "athanor stamp 0001:0003 --sql"],
    ],
  });

  revisions = Option.Rest({ required: 1, name: "revision" });
  purge = Option.Boolean("--purge", false, { description: "Empty the version table first" });
  sql = Option.Boolean("--sql", false, { description: "Print the SQL instead of running it" });
  output = Option.String("-o,--output", { description: "With --sql: write the script to this file" });

  protected async run(): Promise<number> {
    const project = await this.project({ offline: this.sql });
    const migrator = await this.migrator(project);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const result = await migrator.stamp(this.revisions, { sql: this.sql, output, purge: this.purge });
    output.finish();
    if (!this.sql) {
      const map = project.revisionMap();
      for (const id of result.after) this.out(revisionLine(map, id));
    }
    return 0;
  }
}
