import { Command, Option } from "clipanion";
import { historyRevisions } from "../../graph/history.js";
import { inspectDatabase } from "../../runtime/inspect-database.js";
import { GraphCommand } from "../graph-command.js";
import { drawGraph } from "../graph-drawing.js";
import { historyLine, revisionJson, verboseBlock } from "../revision-text.js";

export class HistoryCommand extends GraphCommand {
  static override paths = [["history"]];
  static override usage = Command.Usage({
    description: "List revisions, newest first",
    details: `
      One line per revision: \`<parents> -> <id> (<labels>) (head|branchpoint|mergepoint), <message>\`, \`<base>\` for a base, dependencies in parentheses after the parents. \`-r a:b\` limits the list to a range (\`a:\`, \`:b\`, \`current:\` work too); \`--graph\` draws the DAG the way \`git log --graph\` does. Only \`--indicate-current\` and a \`current\` range read the database.
    `,
    examples: [
      ["Everything", "athanor history"],
      ["A range, with details", "athanor history -r 0004:0006 --verbose"],
      ["The DAG as a drawing", "athanor history --graph"],
      ["Mark what the database has applied", "athanor history --indicate-current"],
    ],
  });

  range = Option.String("-r,--rev-range", { description: "Only revisions in this range: a:b, a:, :b" });
  verbose = Option.Boolean("-v,--verbose", false, { description: "Show each revision's parents, path and message" });
  graph = Option.Boolean("--graph", false, { description: "Draw the DAG beside the list" });
  indicateCurrent = Option.Boolean("-i,--indicate-current", false, { description: "Mark the database's current revisions (reads the database)" });
  url = Option.String("--url", { description: "With --indicate-current: the database to read" });
  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  protected async run(): Promise<number> {
    const project = await this.project(this.url === undefined ? {} : { databaseUrl: this.url });
    const map = project.revisionMap();
    const needsDatabase = this.indicateCurrent || (this.range ?? "").split(":").includes("current");
    const current = needsDatabase ? await inspectDatabase(project.config, async (db) => db.currentHeads, (line) => this.note(line)) : [];
    const marked = this.indicateCurrent ? current : [];
    const revisions = historyRevisions(map, { ...(this.range === undefined ? {} : { range: this.range }), current });
    if (this.asJson) {
      this.json(revisions.map((r) => ({ ...revisionJson(map, r.id), current: marked.includes(r.id) })));
      return 0;
    }
    const lines = (id: string) => (this.verbose ? verboseBlock(map, id, marked) : [historyLine(map, id, marked)]);
    if (this.graph) {
      for (const line of drawGraph(map, revisions.map((r) => r.id), lines)) this.out(line);
    } else {
      for (const r of revisions) this.out(...lines(r.id));
    }
    return 0;
  }
}
