import { Command, Option } from "clipanion";
import { parseStampTargets } from "../../runtime/run-target.js";
import { DatabaseCommand, refuseJsonWithSql, runJson, yesOption } from "../database-command.js";
import { OfflineOutput } from "../offline-output.js";
import { revisionLine } from "../revision-text.js";

export class StampCommand extends DatabaseCommand {
  static override paths = [["stamp"]];
  static override usage = Command.Usage({
    description: "Set the version table to revisions without running them",
    details: `
      Adopts a database whose schema already matches a revision (built by hand, or by another tool): only the version table changes, no revision code runs. \`--purge\` empties the version table first, for a table that names revisions that no longer exist; on a terminal it asks first, naming the database (\`--yes\` skips the question; without a terminal on stdin nothing is asked).

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
  yes = yesOption();
  asJson = Option.Boolean("--json", false, { description: "Print the version table before and after as JSON (online)" });

  protected async run(): Promise<number> {
    refuseJsonWithSql("stamp", this.asJson, this.sql);
    const project = await this.project({ offline: this.sql });
    if (this.purge && !this.sql)
      await this.confirm(project, `stamp --purge replaces every row of the version table with ${this.revisions.join(" ")}`, this.yes);
    const migrator = await this.migrator(project);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const started = performance.now();
    const targets = parseStampTargets(this.revisions, { offline: this.sql, purge: this.purge });
    const result = await migrator.stamp(targets, { sql: this.sql, output, purge: this.purge }).catch((error: unknown) => {
      output.abandon();
      throw error;
    });
    output.finish();
    if (this.sql) return 0;
    if (this.asJson) {
      this.json(runJson(migrator.target.description, result, [], performance.now() - started));
      return 0;
    }
    const map = project.revisionMap();
    for (const id of result.after) this.out(revisionLine(map, id));
    return 0;
  }
}
