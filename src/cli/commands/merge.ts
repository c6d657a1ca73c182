import { Command, Option } from "clipanion";
import { AthanorCommand } from "../athanor-command.js";
import { openProject } from "../../commands/project.js";

export class MergeCommand extends AthanorCommand {
  static override paths = [["merge"]];
  static override usage = Command.Usage({
    description: "Join two or more heads with a merge revision",
    details: `
      After a \`git pull\` brings two revisions with the same parent, there are two heads and \`upgrade head\` refuses. A merge revision lists both as its downRevision; it usually has empty upgrade and downgrade functions. Upgrading past it needs both branches applied, in either order.
    `,
    examples: [
      ["Merge every head", 'athanor merge -m "merge_heads" heads'],
      ["Merge two given revisions", 'athanor merge -m "merge feature branches" 3f2a 9c41'],
    ],
  });

  revisions = Option.Rest({ required: 1, name: "revisions" });
  message = Option.String("-m,--message", { required: true, description: "What the merge joins (also its file name)" });
  revId = Option.String("--rev-id", { description: "Use this revision id instead of a generated one" });
  branchLabel = Option.Array("--branch-label", { description: "A branch label for the merge revision" });
  sql = Option.Boolean("--sql", false, { description: "Write an SQL revision file instead of TypeScript" });
  asJson = Option.Boolean("--json", false, { description: "Print the new revision's id and file as JSON" });

  protected async run(): Promise<number> {
    const { mergeRevisions } = await import("../../commands/new-revision.js");
    const project = await openProject({ configFile: this.config });
    const written = await mergeRevisions(project, {
      revisions: this.revisions,
      message: this.message,
      revId: this.revId,
      branchLabels: this.branchLabel ?? [],
      format: this.sql ? "sql" : "ts",
    });
    if (this.asJson) this.json({ revision: written.revision, path: written.path, message: this.message });
    else this.out(`Generating ${written.path} ... done`);
    return 0;
  }
}
