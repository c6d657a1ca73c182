import { Command, Option } from "clipanion";
import { formatBranches } from "../../graph/history-format.js";
import { historyRevisions } from "../../graph/history.js";
import { GraphCommand } from "../graph-command.js";

export class BranchesCommand extends GraphCommand {
  static override paths = [["branches"]];
  static override usage = Command.Usage({
    description: "Show the branch points (revisions with more than one child)",
    examples: [
      ["List the branch points and where they lead", "athanor branches"],
      ["With each branch point's block and the children's messages", "athanor branches --verbose"],
    ],
  });

  verbose = Option.Boolean("-v,--verbose", false, { description: "Show the branch point's parents, path and message, and each child's message" });

  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  protected async run(): Promise<number> {
    const map = (await this.project()).revisionMap();
    const points = historyRevisions(map).filter((r) => r.isBranchPoint);
    if (this.asJson) {
      this.json(points.map((r) => ({ revision: r.id, children: r.children })));
      return 0;
    }
    for (const block of formatBranches(map, { verbose: this.verbose })) this.out(block.replace(/\n$/, ""));
    return 0;
  }
}
