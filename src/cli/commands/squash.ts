import { Command, Option } from "clipanion";
import { ProjectCommand, waitForDatabaseOption } from "../database-command.js";

export class SquashCommand extends ProjectCommand {
  static override paths = [["squash"]];
  static override usage = Command.Usage({
    description: "Replace a straight line of revisions with one revision that builds the same schema",
    details: `
      Writes one revision on \`a\` whose \`upgrade()\` builds the schema at \`b\` from the schema at \`a\` (and whose \`downgrade()\` goes back), with \`export const replaces = [...]\`: every revision after \`a\` up to and including \`b\`. Its operations come from autogenerate: on two scratch databases (an in-memory PGlite, or with \`--url\` databases created on that PostgreSQL server and dropped after) the revisions are upgraded to \`a\` and to \`b\`, and the schema at \`b\` is compared with the one at \`a\`. The configured database is never opened.

      The range must be one straight line: no merge or branch point inside it, no revision outside it building on or depending on its middle, no dependsOn in it. Data steps of the replaced revisions (\`op.execute\` of INSERT/UPDATE/…, \`op.bulkInsert\`, DML in SQL revisions) are not carried over: each is listed as a warning and in a \`// TODO review:\` comment at the top of the new upgrade(), to copy by hand.

      Afterwards a new database runs the squash instead of the range; a database at a revision inside the range goes on with the old revisions. Keep the old files until every database is past \`b\`, then delete them: revisions whose downRevision names \`b\` go on through the squash.
    `,
    examples: [
      ["Squash the revisions after 0001 up to 0005 into one", 'athanor squash 0001:0005 -m "squash_0002_0005"'],
      ["From the first revision", 'athanor squash base:0004 -m "initial_schema"'],
      ["See the file without writing it", 'athanor squash 0001:0005 -m "squash" --dry-run'],
      ["Build the scratch databases on a PostgreSQL server", 'athanor squash 0001:0005 -m "squash" --url postgresql://postgres@localhost:5432/postgres'],
    ],
  });

  range = Option.String({ required: true, name: "a:b" });
  message = Option.String("-m,--message", { required: true, description: "The new revision's message (its file name comes from it)" });
  revId = Option.String("--rev-id", { description: "Use this revision id instead of a generated one" });
  versionPath = Option.String("--version-path", { description: "Which version location to write into" });
  url = Option.String("--url", {
    description: "A PostgreSQL server to create the scratch databases on (default: in-memory PGlite); its other databases are not touched",
  });
  waitForDatabase = waitForDatabaseOption();
  dryRun = Option.Boolean("--dry-run", false, { description: "Print the revision that would be written, and write nothing" });
  asJson = Option.Boolean("--json", false, { description: "Print the new revision's id, file, replaced revisions and data steps as JSON" });

  protected override overrides() {
    return { waitForDatabase: this.waitForDatabase };
  }

  protected async run(): Promise<number> {
    const { squashRevisions } = await import("../../commands/squash.js");
    const project = await this.project({ offline: true });
    const result = await squashRevisions(project, {
      range: this.range,
      message: this.message,
      revId: this.revId,
      versionPath: this.versionPath,
      url: this.url,
      dryRun: this.dryRun,
      reporter: this,
    });
    const { written, replaces } = result;
    if (this.asJson) {
      this.json({
        revision: written.revision,
        path: written.path,
        message: written.message,
        downRevision: result.downRevision,
        replaces,
        operations: result.operations,
        dataSteps: result.dataSteps,
        differences: result.differences,
        written: !result.dryRun,
        ...(result.dryRun ? { text: result.text } : {}),
      });
      return 0;
    }
    if (result.dryRun) {
      this.note(`Would write ${written.path}, replacing ${replaces.join(", ")}:`);
      this.terminal.stdout.write(result.text);
      return 0;
    }
    this.out(`Squashing ${replaces.length} revisions (${replaces[0]} .. ${replaces[replaces.length - 1]}) into ${written.path} ... done`);
    if (result.dataSteps.length > 0)
      this.note(`Copy the ${result.dataSteps.length} data step(s) above into ${written.path} by hand (see its TODO review comment).`);
    this.note(
      `Review it. New databases run ${written.revision} instead of the range; databases inside it go on with the old revisions. Delete the replaced files once every database is past ${replaces[replaces.length - 1]}.`,
    );
    return 0;
  }
}
