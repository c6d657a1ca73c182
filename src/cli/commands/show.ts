import { Command, Option } from "clipanion";
import { resolveRevisions } from "../../graph/rev-spec.js";
import { GraphCommand } from "../graph-command.js";
import { revisionJson, verboseBlock } from "../revision-text.js";

export class ShowCommand extends GraphCommand {
  static override paths = [["show"]];
  static override usage = Command.Usage({
    description: "Show one revision (or every revision a spec names)",
    examples: [
      ["By id or unique prefix", "athanor show 0002"],
      ["The head of a branch", "athanor show audit@head"],
      ["As JSON", "athanor show head --json"],
    ],
  });

  revision = Option.String({ required: true, name: "rev" });
  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  protected async run(): Promise<number> {
    const map = (await this.project()).revisionMap();
    const revisions = resolveRevisions(map, this.revision);
    if (this.asJson) this.json(revisions.map((r) => revisionJson(map, r.id)));
    else for (const r of revisions) this.out(...verboseBlock(map, r.id));
    return 0;
  }
}
