import { Command, Option } from "clipanion";
import { historyRevisions } from "../../graph/history.js";
import { GraphCommand } from "../graph-command.js";
import { branchLines } from "../revision-text.js";

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
    for (const point of points) this.out(...branchLines(map, point.id));
    return 0;
  }
}
