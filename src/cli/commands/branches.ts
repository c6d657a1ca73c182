import { Command, Option } from "clipanion";
import { formatBranches } from "../../graph/history-format.js";
import { historyRevisions } from "../../graph/history.js";
import { GraphCommand } from "../graph-command.js";

export class BranchesCommand extends GraphCommand {
  static override paths = [["branches"]];
  static override usage = Command.Usage({
    description: "Show the branch points (revisions with more than one child)",
    examples: [["List the branch points and where they lead", "athanor branches"]],
  });

  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  protected async run(): Promise<number> {
    const map = (await this.project()).revisionMap();
    const points = historyRevisions(map).filter((r) => r.isBranchPoint);
    if (this.asJson) {
      this.json(points.map((r) => ({ revision: r.id, children: r.children })));
      return 0;
    }
    for (const block of formatBranches(map)) this.out(block.replace(/\n$/, ""));
    return 0;
  }
}
