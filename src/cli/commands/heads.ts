import { Command, Option } from "clipanion";
import { GraphCommand } from "../graph-command.js";
import { headLine, revisionJson, verboseBlock } from "../revision-text.js";

export class HeadsCommand extends GraphCommand {
  static override paths = [["heads"]];
  static override usage = Command.Usage({
    description: "Show the head revisions (the newest of each branch)",
    details: `
      Several heads are normal after two developers both added a revision; \`athanor merge -m "merge_heads" heads\` joins them. \`--resolve-dependencies\` leaves out heads that another revision depends on.
    `,
    examples: [
      ["List the heads", "athanor heads"],
      ["With parents, path and message", "athanor heads --verbose"],
      ["For a script", "athanor heads --json"],
    ],
  });

  verbose = Option.Boolean("-v,--verbose", false, { description: "Show each head's parents, path and message" });
  resolveDependencies = Option.Boolean("--resolve-dependencies", false, {
    description: "Treat dependencies as parents: a head something depends on is not a head",
  });
  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  protected async run(): Promise<number> {
    const map = (await this.project()).revisionMap();
    const heads = this.resolveDependencies ? map.realHeads : map.heads;
    if (this.asJson) this.json(heads.map((id) => revisionJson(map, id)));
    else if (this.verbose) for (const id of heads) this.out(...verboseBlock(map, id));
    else for (const id of heads) this.out(headLine(map, id));
    if (!this.asJson && heads.length === 0) this.note('No revisions yet: `athanor revision -m "initial schema"` writes the first.');
    return 0;
  }
}
