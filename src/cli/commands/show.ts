import { Command, Option } from "clipanion";
import { errors } from "../../error-factories.js";
import { resolve } from "../../graph/relative-walk.js";
import { parseRevSpec } from "../../graph/rev-spec.js";
import { shownArgument } from "../../graph/shown-argument.js";
import { GraphCommand } from "../graph-command.js";
import { revisionJson, verboseBlock } from "../revision-text.js";

export class ShowCommand extends GraphCommand {
  static override paths = [["show"]];
  static override usage = Command.Usage({
    description: "Show one revision (or every revision a spec names)",
    details: `
      Takes what upgrade and downgrade take, read without the database: an id or a unique prefix, \`head\`, \`heads\`, \`<label>@head\`, and steps from a revision (\`head-1\`, \`0003+1\`). \`-1\` alone counts from the database's current revision, so it is refused here.
    `,
    examples: [
      ["By id or unique prefix", "athanor show 0002"],
      ["The head of a branch", "athanor show audit@head"],
      ["The revision below head", "athanor show head-1"],
      ["As JSON", "athanor show head --json"],
    ],
  });

  // Optional for clipanion, so a missing one (`show`, `show --`) is answered below in words
  // instead of clipanion's "Command not found" listing.
  revision = Option.String({ required: false, name: "rev" });
  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  protected async run(): Promise<number> {
    if (this.revision === undefined) {
      throw errors.usage("show needs a revision to show", {
        hint: "For example `athanor show head`, `athanor show 0003`, `athanor show audit@head` or `athanor show head-1`; `athanor history` lists the revisions.",
      });
    }
    const map = (await this.project()).revisionMap();
    const revisions = resolve(map, parseRevSpec(this.revision));
    if (this.asJson) this.json(revisions.map((r) => revisionJson(map, r.id)));
    else for (const r of revisions) this.out(...verboseBlock(map, r.id));
    if (!this.asJson && revisions.length === 0) this.note(`'${shownArgument(this.revision)}' is base, before every revision: there is nothing to show.`);
    return 0;
  }
}
