import { Command, Option } from "clipanion";
import { AthanorCommand } from "../athanor-command.js";
import { openProject } from "../../commands/project.js";

export class RebaseCommand extends AthanorCommand {
  static override paths = [["rebase"]];
  static override usage = Command.Usage({
    description: "Move the local revisions onto the upstream head after a pull, instead of a merge revision",
    details: `
      After \`git pull\` brings a second head, the revisions that are only yours — files the upstream branch does not hold, applied on none of the databases given — get the upstream head as their parent (\`downRevision\` rewritten in the file; ids and bodies kept), so history stays one line. The databases asked are \`--url\` (repeatable), else the configured one.

      Nothing is changed, and the command exits non-zero, when a revision to move is applied on one of those databases (merge instead, or downgrade it there first), when a file to rewrite has changes not committed, or when the result would not be one head. \`--dry-run\` prints the plan.
    `,
    examples: [
      ["After a pull that brought a second head", "athanor rebase"],
      ["See what would change", "athanor rebase --dry-run"],
      ["Check the shared databases too", "athanor rebase --url $STAGING_URL --url $PROD_URL"],
    ],
  });

  onto = Option.String("--onto", { description: "The revision the local ones go on (default: the head the upstream branch holds)" });
  upstream = Option.String("--upstream", { description: "The branch whose revision files are shared (default: the current branch's upstream)" });
  urls = Option.Array("--url", { description: "A database whose applied revisions must not move (repeatable; default: the configured one)" });
  dryRun = Option.Boolean("--dry-run", false, { description: "Print the plan; write nothing" });
  asJson = Option.Boolean("--json", false, { description: "Print the plan and what was written as JSON" });

  protected async run(): Promise<number> {
    const { rebaseRevisions } = await import("../../commands/rebase.js");
    const project = await openProject({ configFile: this.config });
    for (const warning of project.config.warnings) this.warn(warning);
    const result = await rebaseRevisions(project, {
      onto: this.onto,
      upstream: this.upstream,
      databaseUrls: this.urls ?? [],
      dryRun: this.dryRun,
      reporter: this,
    });
    if (this.asJson) {
      this.json({
        onto: result.onto,
        head: result.head,
        local: result.local,
        moves: result.moves,
        written: result.written,
        upstream: result.upstream,
        databases: result.databases,
      });
      return 0;
    }
    if (result.moves.length === 0) {
      this.out(
        result.local.length === 0
          ? `Nothing to rebase: no local revision beside ${result.onto}.`
          : `Nothing to rebase: the local revisions already build on ${result.onto}.`,
      );
      return 0;
    }
    const verb = result.written ? "Rebased" : "Would rebase";
    this.out(`${verb} ${result.moves.length} revision${result.moves.length === 1 ? "" : "s"} onto ${result.onto}:`);
    for (const move of result.moves) this.out(`  ${move.revision}  downRevision ${move.from.join(", ")} -> ${move.to.join(", ")}  (${move.path})`);
    this.out(`${result.written ? "One head now" : "One head after"}: ${result.head}`);
    if (result.written) this.note("Review and commit the rewritten files, then run `athanor upgrade`.");
    return 0;
  }
}
